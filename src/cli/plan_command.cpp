#include <ostream>

#include "app/make_plan.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/stop_signals.h"
#include "cli/terminal.h"

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
                  {"pdf", 0, "", "Ghi thêm bản PDF (cần LibreOffice)."},
                  encoding_option()},
      .missing_input = "thiếu tệp kế hoạch (YAML).",
  };
  return spec;
}

int plan_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(plan_spec(), words, console.out);
  if (!args) return kExitOk;
  const ExitOnSignal stop("plan");
  const PlanDocuments result =
      make_plan({args->positional[0], args->value("output"), args->has("pdf"), encoding_choice(*args)});
  tell(console, "plan", result.input.messages);
  return tell_written(console, "plan", result.written);
}

}  // namespace kehoach
