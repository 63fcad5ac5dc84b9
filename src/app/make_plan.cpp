#include "app/make_plan.h"

#include <filesystem>

#include "read/template_locator.h"
#include "write/appendix_workbook.h"
#include "write/document_time.h"
#include "write/plan_template_data.h"

namespace kehoach {

PlanDocuments make_plan(const PlanRequest& request) {
  const InputLog reads;  // what the plan is made from, which no output may overwrite
  PlanDocuments result{load_plan(request.plan_file, request.encoding), {}};
  const Plan& plan = result.input.plan;
  const AppendixTable& table = result.input.table;
  const std::optional<HouseholdTally>& analysis = result.input.analysis;
  const std::string template_name = plan_template(plan);
  const std::shared_ptr<const DocumentTemplate> compiled = load_document_template(template_name, plan.file);
  const DocumentTemplate& document = *compiled;
  const std::string output =
      request.output.empty() ? std::filesystem::path(plan.file).stem().string() + ".docx" : request.output;
  const DocumentJob job{"kế hoạch", "phụ lục", outputs_beside(output, "-phu-luc"),
                        document.render_docx(plan_template_data(plan, table, document.names(), template_name,
                                                                analysis ? &*analysis : nullptr),
                                             document_timestamp(plan)),
                        [&](const AtomicFile& file) { write_appendix_workbook(plan, table, file); },
                        request.pdf};
  result.written = write_documents(job, reads.files());
  return result;
}

}  // namespace kehoach
