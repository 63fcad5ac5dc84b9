#include <ostream>

#include "cli/commands.h"
#include "model/input_error.h"
#include "template/part_template.h"

namespace kehoach {
namespace {

constexpr const char* kVersion = "kehoach 0.1.0";

constexpr const char* kHelp = R"(kehoach: lập kế hoạch, phụ lục chỉ tiêu giảm nghèo và kiểm tra bảng số liệu.

Cách dùng:
  kehoach plan KẾ_HOẠCH.yaml [-o KE_HOACH.docx] [--pdf]
      Lập Kế hoạch (Word, theo mẫu) kèm Phụ lục chỉ tiêu (Excel); --pdf ghi thêm bản PDF.
  kehoach report KẾ_HOẠCH.yaml --period q1|6m|9m|year --movements BIẾN_ĐỘNG.csv [--pdf] [--json]
      Lập Báo cáo kết quả thực hiện kế hoạch (Word) kèm biểu kết quả (Excel).
  kehoach deadlines KẾ_HOẠCH.yaml
      Các báo cáo kế hoạch yêu cầu và hạn nộp.
  kehoach appendix KẾ_HOẠCH.yaml [-o PHỤ_LỤC.xlsx] [--json]
      Chia chỉ tiêu giảm hộ nghèo, hộ cận nghèo của kế hoạch cho từng thôn/đơn vị
      và ghi Phụ lục ra tệp Excel (có công thức và số liệu tính sẵn).
  kehoach check BẢNG.csv|BẢNG.xlsx [--sheet TÊN] [--json]
      Kiểm tra bảng chỉ tiêu nhận từ cơ sở: tỷ lệ, số cuối năm, dòng tổng cộng.
  kehoach households HỘ.csv [--year NĂM] [--start HỘ_ĐẦU_KỲ.csv] [-o TỔNG_HỢP.xlsx] [--json]
      Phân loại từng hộ theo chuẩn nghèo và tổng hợp theo thôn, xã, tỉnh (Excel);
      với --start, tính biến động hộ nghèo, cận nghèo giữa hai danh sách.
  kehoach batch PHAN_BO.yaml -o THƯ_MỤC [--jobs N]
      Chia chỉ tiêu của tỉnh xuống từng xã, từng thôn; dự thảo Kế hoạch và Phụ lục cho mọi xã.
  kehoach help LỆNH       Hướng dẫn chi tiết một lệnh (plan, report, deadlines, appendix, check,
                          households, batch).
  kehoach --version       Phiên bản.

Ví dụ:
  kehoach plan data/examples/an-hoa-thinh-2022/ke-hoach.yaml --pdf
  kehoach appendix data/examples/an-hoa-thinh-2022/ke-hoach.yaml -o phu-luc.xlsx
  kehoach check bang-chi-tieu-nhan-duoc.xlsx

Mã thoát: 0 thành công; 1 bảng được kiểm tra có chỗ sai; 2 tệp đầu vào sai hoặc
không đọc được; 3 không ghi được tệp kết quả; 64 dòng lệnh sai; 130 dừng giữa chừng
(Ctrl-C khi kehoach batch đang chạy; các tệp đã ghi đều trọn vẹn).
)";

}  // namespace

int with_input_errors(Console console, const std::function<int()>& body) {
  try {
    return body();
  } catch (const InputError& e) {
    console.err << e.what() << '\n';
  } catch (const TemplateError& e) {
    console.err << e.what() << '\n';
  }
  return kExitInput;
}

int run(const std::vector<std::string>& words, Console console) {
  if (words.empty() || words[0] == "--help" || words[0] == "-h") {
    console.out << kHelp;
    return words.empty() ? kExitUsage : kExitOk;
  }
  const std::string& command = words[0];
  std::vector<std::string> rest(words.begin() + 1, words.end());
  if (command == "--version") {
    console.out << kVersion << '\n';
    return kExitOk;
  }
  if (command == "help") {
    if (rest.empty()) {
      console.out << kHelp;
      return kExitOk;
    }
    return run({rest[0], "--help"}, console);
  }
  if (command == "appendix") return appendix_command(rest, console);
  if (command == "check") return check_command(rest, console);
  if (command == "plan") return plan_command(rest, console);
  if (command == "report") return report_command(rest, console);
  if (command == "deadlines") return deadlines_command(rest, console);
  if (command == "households") return households_command(rest, console);
  if (command == "batch") return batch_command(rest, console);
  console.err << "kehoach: không có lệnh \"" << command
              << "\". Các lệnh: plan, appendix, report, deadlines, check, households, batch, help.\n"
              << "Xem hướng dẫn: kehoach --help\n";
  return kExitUsage;
}

}  // namespace kehoach
