// The cascade file (YAML), as `kehoach batch` takes it up to the files it writes: read, its units table
// read (data/examples/ha-tinh-2026/don-vi.csv, and the household lists of an-hoa-thinh-2022, beside
// it), the targets split down every level, and the jobs of the batch listed.
#include "app/batch_jobs.h"
#include "app/run_batch.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/office_reader.h"
#include "read/programme_reader.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(cascade) {
  fuzz::copy_examples("ha-tinh-2026");
  fuzz::copy_examples("an-hoa-thinh-2022");
  static const SharedPlanData shared{std::make_shared<const OfficeBook>(shipped_office_book()),
                                     shipped_programme(2026)};
  const std::string path = fuzz::write_input("phan-bo.yaml", input);
  fuzz::refusing_bad_input([&] {
    const CascadeFigures figures = split_cascade_file(path);
    const int level = plan_level(figures.tree, figures.spec);
    const std::string name = batch_template(figures.tree, figures.spec, level);
    batch_jobs(figures.tree, figures.cascade, figures.spec, level, name, "mẫu", shared);
  });
}
