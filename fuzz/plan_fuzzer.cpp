// The plan file (YAML), as `kehoach plan` takes it: read and validated, its statistics table read (the
// examples' tables sit beside it, so that `statistics: thon.csv` or `records: ho-gia-dinh-cuoi-2021.csv`
// is found), its targets split among the units, and its data rendered into its shipped template.
#include "app/plan_input.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/template_locator.h"
#include "write/plan_template_data.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(plan) {
  fuzz::copy_examples("an-hoa-thinh-2022");
  fuzz::copy_examples("hong-ngu-2022");
  fuzz::copy_examples("hoc-mon-2022");
  fuzz::copy_examples("thanh-tri-2023");
  const std::string path = fuzz::write_input("ke-hoach.yaml", input);
  fuzz::refusing_bad_input([&] {
    const PlanInput plan = load_plan(path);
    const std::string name = plan_template(plan.plan);
    if (name != "xa" && name != "huyen" && name != "hoi-phu-nu") return;  // a template of the user's: not here
    const DocumentTemplate& document = fuzz::shipped_template(name);
    document.render(plan_template_data(plan.plan, plan.table, document.names(), name,
                                       plan.analysis ? &*plan.analysis : nullptr));
  });
}
