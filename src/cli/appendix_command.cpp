#include <ostream>

#include "app/make_appendix.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/stop_signals.h"
#include "cli/terminal.h"
#include "model/indicator.h"
#include "write/appendix_json.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

constexpr const char* kAppendixHelp = R"(kehoach appendix: lập Phụ lục chỉ tiêu giảm nghèo theo thôn/đơn vị.

Cách dùng:
  kehoach appendix KẾ_HOẠCH.yaml [-o PHỤ_LỤC.xlsx] [--json]

Tệp kế hoạch (YAML) ghi năm, cơ quan ban hành, số và ngày văn bản (bỏ trống khi là
dự thảo), tệp số liệu thôn (CSV, XLSX hoặc XLS) và chỉ tiêu:
  targets:
    poor:      { end_rate: "4,93%" }          # giảm tỷ lệ hộ nghèo còn 4,93%
    near_poor: { reduce: 75, fixed: { Tứ Hiệp: all } }   # giảm 75 hộ; Tứ Hiệp không còn hộ
Mẫu đầy đủ: README.md và data/examples/.

Cách tính: tỷ lệ làm tròn 2 chữ số (từ 5 làm tròn lên) trên tổng số hộ; chỉ tiêu tỷ lệ
thành số hộ cuối năm lớn nhất có tỷ lệ không vượt chỉ tiêu; phần chỉ tiêu còn lại sau các
thôn giao cố định được chia theo tỷ lệ số hộ đầu năm, phần dư lớn nhất được thêm 1 hộ.

)";

std::string summary(const AppendixTable& table) {
  std::string text = std::to_string(table.rows.size()) + " đơn vị";
  for (const auto& target : table.indicators)
    text += ", giảm " + format_count(target.target_reduction) + " " + indicator_households(target.indicator);
  return text;
}

}  // namespace

const CommandSpec& appendix_spec() {
  static const CommandSpec spec{
      .name = "appendix",
      .help = kAppendixHelp,
      .options = {{"output", 'o', "TỆP", "Tệp Excel kết quả (mặc định: tên tệp kế hoạch + \"-phu-luc.xlsx\",\ntrong thư mục hiện tại)."},
                  {"json", 0, "", "In bảng đã tính (JSON) ra màn hình, không ghi tệp Excel."},
                  encoding_option()},
      .missing_input = "thiếu tệp kế hoạch (YAML).",
  };
  return spec;
}

int appendix_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(appendix_spec(), words, console.out);
  if (!args) return kExitOk;
  const ExitOnSignal stop("appendix");
  if (args->has("json")) {
    const PlanInput input = load_plan(args->positional[0], encoding_choice(*args));
    tell(console, "appendix", input.messages, false);
    console.out << appendix_json(input.plan, input.table);
    return kExitOk;
  }
  const AppendixWritten result = make_appendix({args->positional[0], args->value("output"), encoding_choice(*args)});
  tell(console, "appendix", result.input.messages);
  console.out << "Đã ghi phụ lục: " << result.path << " (" << summary(result.input.table) << ").\n";
  return kExitOk;
}

}  // namespace kehoach
