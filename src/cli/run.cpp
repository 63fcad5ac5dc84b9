#include <exception>
#include <filesystem>
#include <new>
#include <ostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/stop_signals.h"
#include "kehoach_version.h"
#include "model/input_error.h"
#include "package/interruption.h"
#include "package/system_errors.h"
#include "template/part_template.h"

namespace kehoach {
namespace {

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
  kehoach check BẢNG.csv|BẢNG.xlsx|BẢNG.xls [--sheet TÊN] [--json] [--encoding MÃ]
      Kiểm tra bảng chỉ tiêu nhận từ cơ sở: tỷ lệ, số cuối năm, dòng tổng cộng.
  kehoach households HỘ.csv [--year NĂM] [--start HỘ_ĐẦU_KỲ.csv] [-o TỔNG_HỢP.xlsx] [--json]
      Phân loại từng hộ theo chuẩn nghèo và tổng hợp theo thôn, xã, tỉnh (Excel);
      với --start, tính biến động hộ nghèo, cận nghèo giữa hai danh sách.
  kehoach batch PHAN_BO.yaml -o THƯ_MỤC [--jobs N]
      Chia chỉ tiêu của tỉnh xuống từng xã, từng thôn; dự thảo Kế hoạch và Phụ lục cho mọi xã.
  kehoach serve [--data THƯ_MỤC] [--listen ĐỊA_CHỈ:CỔNG] [--demo]
      Chạy ứng dụng web: các xã, phường lập kế hoạch và báo cáo trên trình duyệt.
  kehoach help LỆNH       Hướng dẫn chi tiết một lệnh (plan, report, deadlines, appendix, check,
                          households, batch, serve).
  kehoach --version       Phiên bản.

Ví dụ:
  kehoach plan data/examples/an-hoa-thinh-2022/ke-hoach.yaml --pdf
  kehoach appendix data/examples/an-hoa-thinh-2022/ke-hoach.yaml -o phu-luc.xlsx
  kehoach check bang-chi-tieu-nhan-duoc.xlsx

Mã thoát: 0 thành công; 1 bảng được kiểm tra có chỗ sai; 2 tệp đầu vào sai hoặc
không đọc được; 3 không ghi được tệp kết quả; 64 dòng lệnh sai; 70 lỗi ngoài dự kiến
của chính kehoach (kể cả khi không đủ bộ nhớ); 130 dừng giữa chừng (Ctrl-C): không để
lại tệp ghi dở nào, các tệp đã ghi đều trọn vẹn.

Giới hạn tệp đầu vào, MB (tệp .xlsx, .docx: mỗi phần giải nén ra tối đa 10 lần, cả tệp
20 lần số đó): tệp YAML 1 (KEHOACH_MAX_YAML_MB); bảng số liệu, biến động, bảng kiểm
tra 10 (KEHOACH_MAX_TABLE_MB); danh sách hộ, tệp đơn vị 1024 (KEHOACH_MAX_RECORDS_MB);
mẫu Word 2 (KEHOACH_MAX_TEMPLATE_MB). Đặt biến môi trường để nâng giới hạn, ví dụ:
  KEHOACH_MAX_TABLE_MB=100 kehoach appendix ke-hoach.yaml
)";

// The commands in the order `kehoach` names them: the words, options and help of each, and its work.
struct Command {
  const CommandSpec& (*spec)();
  int (*run)(const std::vector<std::string>& words, Console console);
};
constexpr Command kCommands[] = {
    {plan_spec, plan_command},         {appendix_spec, appendix_command}, {report_spec, report_command},
    {deadlines_spec, deadlines_command}, {check_spec, check_command},     {households_spec, households_command},
    {batch_spec, batch_command},       {serve_spec, serve_command},
};

}  // namespace

int with_exit_status(const std::string& command, Console console, const std::function<int()>& body) {
  clear_stop_request();
  try {
    return body();
  } catch (const Interrupted&) {
    console.err << stopped_message(command) << '\n';
    return kExitStopped;
  } catch (const UsageError& e) {
    console.err << "kehoach " << command << ": " << e.what() << "\nXem hướng dẫn: kehoach " << command << " --help\n";
    return kExitUsage;
  } catch (const InputError& e) {
    console.err << e.what() << '\n';
    return kExitInput;
  } catch (const TemplateError& e) {
    console.err << e.what() << '\n';
    return kExitInput;
  } catch (const OutputError& e) {
    console.err << "kehoach " << command << ": " << e.what() << '\n';
    return kExitOutput;
  } catch (const std::bad_alloc&) {
    // Unwinding has freed what the work held, and the files it was writing with it.
    console.err << "kehoach " << command << ": không đủ bộ nhớ để làm xong lệnh (tệp đầu vào quá lớn hoặc máy đang "
                   "thiếu bộ nhớ); không để lại tệp ghi dở nào.\nNếu tệp đầu vào không lớn, xin báo lỗi cho người phát "
                   "triển, kèm lệnh đã chạy và thông báo này.\n";
    return kExitSoftware;
  } catch (const std::filesystem::filesystem_error& e) {
    console.err << "kehoach " << command << ": " << filesystem_problem(e) << ".\n";
  } catch (const std::exception& e) {
    console.err << "kehoach " << command << ": lỗi ngoài dự kiến trong chương trình (" << e.what() << ").\n";
  } catch (...) {
    console.err << "kehoach " << command << ": lỗi ngoài dự kiến trong chương trình.\n";
  }
  // Not the user's input: say so, and what to do about it.
  console.err << "Đây là lỗi của kehoach, không phải của tệp đầu vào. Xin báo lỗi cho người phát triển, kèm lệnh "
                 "đã chạy và thông báo này.\n";
  return kExitSoftware;
}

std::vector<const CommandSpec*> command_specs() {
  std::vector<const CommandSpec*> specs;
  for (const auto& command : kCommands) specs.push_back(&command.spec());
  return specs;
}

int run(const std::vector<std::string>& words, Console console) {
  if (words.empty() || words[0] == "--help" || words[0] == "-h") {
    console.out << kHelp;
    return words.empty() ? kExitUsage : kExitOk;
  }
  const std::string& command = words[0];
  std::vector<std::string> rest(words.begin() + 1, words.end());
  if (command == "--version") {
    console.out << "kehoach " << kVersion << '\n';
    return kExitOk;
  }
  if (command == "help") {
    if (rest.empty()) {
      console.out << kHelp;
      return kExitOk;
    }
    return run({rest[0], "--help"}, console);
  }
  std::string names;
  for (const auto& known : kCommands) {
    if (command == known.spec().name)
      return with_exit_status(command, console, [&] { return known.run(rest, console); });
    names += known.spec().name + ", ";
  }
  console.err << "kehoach: không có lệnh \"" << command << "\". Các lệnh: " << names << "help.\n"
              << "Xem hướng dẫn: kehoach --help\n";
  return kExitUsage;
}

}  // namespace kehoach
