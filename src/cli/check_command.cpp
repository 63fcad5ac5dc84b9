#include <ostream>

#include "app/check_table.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "write/check_report.h"

namespace kehoach {
namespace {

constexpr const char* kCheckHelp = R"(kehoach check: kiểm tra bảng chỉ tiêu giảm nghèo nhận từ cơ sở.

Cách dùng:
  kehoach check BẢNG.csv|BẢNG.xlsx|BẢNG.xls [--sheet TÊN] [--json] [--encoding MÃ]

Bảng có cột đơn vị ("Thôn", "Đơn vị"), "Tổng số hộ", rồi các cột số hộ như "Hộ nghèo đầu
năm", "Giảm hộ nghèo", "Hộ nghèo cuối năm" (và các cột hộ cận nghèo), mỗi cột có thể kèm
cột "Tỷ lệ %" ngay sau; hoặc tiêu đề hai tầng như phụ lục của kehoach ("Số hộ", "Tỷ lệ").
CSV có thể dùng dấu phẩy hoặc chấm phẩy, mã UTF-8, UTF-16 hoặc Windows-1258; chữ gõ bằng
mã TCVN3 (.VnTime) hay VNI (VNI-Times) được chuyển sang Unicode.

Những gì được kiểm tra, mỗi chỗ sai in ra dòng (và tên đơn vị
của dòng), cột, số đã ghi và số đúng:
  - tỷ lệ không bằng số hộ / tổng số hộ (làm tròn hoặc cắt bớt theo số chữ số đã ghi);
  - số cuối năm khác số đầu năm trừ số giảm;
  - dòng tổng cộng khác tổng các dòng trên.

)";

constexpr const char* kCheckHelpEnd = R"(
Mã thoát: 0 không có chỗ sai; 1 có chỗ sai; 2 không đọc được bảng.
)";

}  // namespace

const CommandSpec& check_spec() {
  static const CommandSpec spec{
      .name = "check",
      .help = kCheckHelp,
      .options = {{"sheet", 0, "TÊN", "Trang tính cần đọc trong tệp XLSX hoặc XLS (mặc định: trang đầu tiên)."},
                  {"json", 0, "", "In kết quả dạng JSON."},
                  encoding_option()},
      .missing_input = "thiếu tệp bảng cần kiểm tra (CSV, XLSX hoặc XLS).",
      .help_end = kCheckHelpEnd,
  };
  return spec;
}

int check_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(check_spec(), words, console.out);
  if (!args) return kExitOk;
  const CheckedTable checked = check_table_file(args->positional[0], args->value("sheet"), encoding_choice(*args));
  for (const auto& note : checked.notes) console.err << "kehoach check: " << note << '\n';
  console.out << (args->has("json") ? check_report_json(checked.table, checked.findings)
                                    : check_report_text(checked.table, checked.findings));
  return checked.findings.empty() ? kExitOk : kExitFindings;
}

}  // namespace kehoach
