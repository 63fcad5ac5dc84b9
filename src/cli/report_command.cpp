#include <ostream>

#include "app/make_report.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/stop_signals.h"
#include "cli/terminal.h"
#include "text/number_text.h"
#include "write/report_json.h"

namespace kehoach {
namespace {

constexpr const char* kReportHelp = R"(kehoach report: lập Báo cáo kết quả thực hiện Kế hoạch giảm nghèo (quý I, 6 tháng, 9 tháng, năm).

Cách dùng:
  kehoach report KẾ_HOẠCH.yaml --period 6m --movements BIẾN_ĐỘNG.csv [-o BAO_CAO.docx] [--pdf] [--json]
  kehoach report KẾ_HOẠCH.yaml --period year --records-end HỘ_CUỐI_KỲ.csv [--records-earlier HỘ_CŨ.csv] …

Bảng biến động (CSV, XLSX hoặc XLS) ghi mỗi thôn/đơn vị một dòng, số hộ biến động cộng dồn từ đầu năm, như
biểu rà soát: nhóm cột "Hộ nghèo" gồm "Thoát nghèo thành hộ cận nghèo", "Thoát nghèo vượt chuẩn cận
nghèo", "Giảm khác", "Hộ cận nghèo rơi xuống nghèo", "Tái nghèo", "Phát sinh mới", "Tăng khác"; nhóm
"Hộ cận nghèo" tương tự ("Thoát cận nghèo", "Rơi xuống hộ nghèo", "Giảm khác", "Hộ nghèo thoát thành
cận nghèo", "Tái cận nghèo", "Phát sinh mới", "Tăng khác"). Có thể chỉ ghi cột "Cuối kỳ" khi chưa rõ
biến động; ghi cả hai thì phải khớp nhau. Cột "Tổng số hộ cuối kỳ" (không bắt buộc): số hộ của đơn vị
cuối kỳ.

Khi kế hoạch lập từ danh sách hộ (khóa records), có thể đưa danh sách hộ rà soát cuối kỳ thay cho bảng
biến động: mọi cột biến động được tính bằng cách so hai danh sách theo mã hộ (xem kehoach households).

Cuối kỳ = đầu năm - các cột giảm + các cột tăng; đã giảm = đầu năm - cuối kỳ; đạt = đã giảm / chỉ tiêu
năm. Tỷ lệ cuối kỳ = cuối kỳ / tổng số hộ cuối kỳ khi biết số đó (danh sách hộ cuối kỳ, cột "Tổng số hộ
cuối kỳ"), nếu không thì / tổng số hộ đầu năm. Đơn vị đạt dưới ngưỡng tiến độ (mặc định 25%, 50%, 75%, 100% cho quý I, 6, 9 tháng, năm; đổi bằng
reports: thresholds trong tệp kế hoạch hoặc --threshold) được nêu tên trong báo cáo.

Ghi: BAO_CAO.docx (báo cáo theo mẫu bao-cao), BAO_CAO-bieu.xlsx (biểu kết quả có công thức) và, với
--pdf, BAO_CAO.pdf. Số, ngày, Kính gửi, chữ riêng từng phần ghi trong tệp kế hoạch, khóa reports.

)";

Period required_period(const Arguments& args) {
  if (!args.has("period")) throw UsageError("thiếu --period (q1, 6m, 9m hoặc year).");
  auto period = parse_period(args.value("period"));
  if (!period) throw UsageError("kỳ \"" + args.value("period") + "\" không hợp lệ; dùng q1, 6m, 9m hoặc year.");
  return *period;
}

std::optional<Rate> threshold_option(const Arguments& args) {
  if (!args.has("threshold")) return std::nullopt;
  auto hundredths = parse_rate_hundredths(args.value("threshold"));
  if (!hundredths || *hundredths > 10000) throw UsageError("--threshold phải là tỷ lệ từ 0 đến 100, ví dụ 50.");
  return Rate{*hundredths};
}

}  // namespace

const CommandSpec& report_spec() {
  static const CommandSpec spec{
      .name = "report",
      .help = kReportHelp,
      .options = {{"period", 0, "KỲ", "q1 (quý I), 6m (6 tháng), 9m (9 tháng), year (năm). Bắt buộc."},
                  {"movements", 0, "TỆP",
                   "Bảng biến động cộng dồn từ đầu năm. Ghi nhiều lần để cộng các kỳ liền nhau\n"
                   "(ví dụ quý I và quý II cho báo cáo 6 tháng). Cần --movements hoặc --records-end."},
                  {"records-end", 0, "TỆP", "Danh sách hộ cuối kỳ (cùng dạng với danh sách hộ của kế hoạch)."},
                  {"records-earlier", 0, "TỆP", "Danh sách hộ cũ hơn đầu năm, để tính tái nghèo, tái cận nghèo."},
                  {"skip-bad-rows", 0, "", "Bỏ qua dòng sai trong danh sách hộ cuối kỳ (số dòng bỏ qua được in ra)."},
                  {"sheet", 0, "TÊN",
                   "Trang tính của bảng biến động hoặc của danh sách hộ cuối kỳ, cũ hơn (XLSX, XLS);\n"
                   "danh sách đầu năm dùng trang tính ghi ở khóa records của tệp kế hoạch."},
                  {"threshold", 0, "TỶ_LỆ", "Ngưỡng tiến độ (% chỉ tiêu năm), ví dụ 50."},
                  {"template", 0, "MẪU", "Mẫu báo cáo khác (tên mẫu có sẵn hoặc đường dẫn .docx). Mặc định: bao-cao."},
                  {"output", 'o', "TỆP", "Tệp Word kết quả (mặc định: tên tệp kế hoạch + \"-bao-cao-KỲ.docx\")."},
                  {"pdf", 0, "", "Ghi thêm bản PDF (cần LibreOffice)."},
                  {"json", 0, "", "In số liệu báo cáo (JSON), không ghi tệp."},
                  encoding_option()},
      .missing_input = "thiếu tệp kế hoạch (YAML).",
  };
  return spec;
}

int report_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(report_spec(), words, console.out);
  if (!args) return kExitOk;
  const ExitOnSignal stop("report");
  ReportRequest request;
  request.plan_file = args->positional[0];
  request.period = required_period(*args);
  request.threshold = threshold_option(*args);
  if (args->has("movements") == args->has("records-end"))
    throw UsageError(args->has("movements") ? "chỉ dùng một trong hai: --movements hoặc --records-end."
                                            : "thiếu --movements (bảng biến động cộng dồn từ đầu năm) hoặc "
                                              "--records-end (danh sách hộ cuối kỳ).");
  if (args->has("records-earlier") && !args->has("records-end"))
    throw UsageError("--records-earlier chỉ dùng cùng --records-end.");
  request.movements = args->all("movements");
  if (args->has("records-end")) request.records_end = args->value("records-end");
  if (args->has("records-earlier")) request.records_earlier = args->value("records-earlier");
  request.sheet = args->value("sheet");
  request.skip_bad_rows = args->has("skip-bad-rows");
  request.template_name = args->value("template", "bao-cao");
  request.output = args->value("output");
  request.pdf = args->has("pdf");
  request.encoding = encoding_choice(*args);

  if (args->has("json")) {
    const ReportFiguresResult figures = compute_report(request);
    tell(console, "report", figures.messages, false);
    console.out << report_json(figures.input.plan, figures.report);
    return kExitOk;
  }
  const ReportDocuments result = make_report(request);
  tell(console, "report", result.figures.messages);
  return tell_written(console, "report", result.written);
}

}  // namespace kehoach
