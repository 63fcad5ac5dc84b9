#include <filesystem>
#include <ostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/document_output.h"
#include "cli/plan_input.h"
#include "read/template_locator.h"
#include "template/document_template.h"
#include "write/appendix_workbook.h"
#include "write/document_time.h"
#include "write/plan_template_data.h"

namespace kehoach {
namespace {

constexpr const char* kPlanHelp = R"(kehoach plan: lập Kế hoạch giảm nghèo (Word) kèm Phụ lục chỉ tiêu (Excel).

Cách dùng:
  kehoach plan KẾ_HOẠCH.yaml [-o KE_HOACH.docx] [--pdf]

Ghi ba tệp cạnh nhau: KE_HOACH.docx (kế hoạch, sửa tiếp được bằng Word), KE_HOACH-phu-luc.xlsx
(phụ lục Excel) và, với --pdf, KE_HOACH.pdf (qua LibreOffice). Số liệu trong văn bản, bảng phụ lục
trong văn bản và tệp Excel tính từ cùng một bảng, nên không thể lệch nhau.

Mẫu văn bản chọn bằng khóa template trong tệp kế hoạch: xa (UBND xã, phường), huyen (UBND huyện,
đi qua Dự án 1–7), hoi-phu-nu (Hội Liên hiệp Phụ nữ), hoặc đường dẫn đến tệp mẫu .docx của bạn.
Không ghi template thì mẫu theo đơn vị ban hành: xã, phường, thị trấn, đặc khu dùng xa; huyện, quận,
thị xã, thành phố thuộc tỉnh dùng huyen; Hội Liên hiệp Phụ nữ dùng hoi-phu-nu; đơn vị khác phải ghi template.
Chữ mặc định của từng phần trong mẫu thay được bằng khóa sections; căn cứ, chỉ tiêu, cơ quan
và nhiệm vụ, nơi nhận, người ký ghi trong tệp kế hoạch (xem README.md và data/examples/).

)";

}  // namespace

const CommandSpec& plan_spec() {
  static const CommandSpec spec{
      .name = "plan",
      .help = kPlanHelp,
      .options = {{"output", 'o', "TỆP", "Tệp Word kết quả (mặc định: tên tệp kế hoạch + \".docx\", trong thư mục hiện tại)."},
                  {"pdf", 0, "", "Ghi thêm bản PDF (cần LibreOffice)."}},
      .missing_input = "thiếu tệp kế hoạch (YAML).",
  };
  return spec;
}

int plan_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(plan_spec(), words, console.out);
  if (!args) return kExitOk;

  const PlanInput input = load_plan(args->positional[0]);
  tell_plan_input(input, console, "plan", false);
  const Plan& plan = input.plan;
  const AppendixTable& table = input.table;
  const std::optional<HouseholdTally>& analysis = input.analysis;
  const std::string template_name = plan_template(plan);
  const DocumentTemplate document = load_document_template(template_name, plan.file);
  DocumentJob job{"plan", "kế hoạch", "phụ lục",
                  outputs_beside(args->value("output", std::filesystem::path(plan.file).stem().string() + ".docx"),
                                 "-phu-luc"),
                  document.render(plan_template_data(plan, table, document.names(), template_name,
                                                     analysis ? &*analysis : nullptr)),
                  document_timestamp(plan),
                  [&](const std::string& path) { write_appendix_workbook(plan, table, path); },
                  args->has("pdf")};
  return write_documents(job, console);
}

}  // namespace kehoach
