// The movement table (biến động), as `kehoach report --movements` takes it: read as a table, its
// movements read per unit, and the report of the example plan built from them.
#include "app/plan_input.h"
#include "compute/report.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/movements_reader.h"
#include "read/table_file.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(movements) {
  static const PlanInput plan = load_plan(fuzz::source_path("data/examples/an-hoa-thinh-2022/ke-hoach.yaml"));
  const std::string path = fuzz::write_input("bien-dong.csv", input);
  fuzz::refusing_bad_input([&] {
    const Movements movements = read_movements(read_table_file(path));
    build_report(plan.plan, plan.table, movements, Period::H1, std::nullopt);
  });
}
