#include <filesystem>
#include <ostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/document_output.h"
#include "cli/household_input.h"
#include "cli/plan_input.h"
#include "compute/movements_sum.h"
#include "compute/report.h"
#include "model/input_error.h"
#include "read/movements_reader.h"
#include "text/number_text.h"
#include "read/table_file.h"
#include "template/document_template.h"
#include "write/document_time.h"
#include "write/records_notes.h"
#include "write/report_addressees.h"
#include "write/report_labels.h"
#include "write/report_json.h"
#include "write/report_template_data.h"
#include "write/report_workbook.h"

namespace kehoach {
namespace {

constexpr const char* kReportHelp = R"(kehoach report: lập Báo cáo kết quả thực hiện Kế hoạch giảm nghèo (quý I, 6 tháng, 9 tháng, năm).

Cách dùng:
  kehoach report KẾ_HOẠCH.yaml --period 6m --movements BIẾN_ĐỘNG.csv [-o BAO_CAO.docx] [--pdf] [--json]
  kehoach report KẾ_HOẠCH.yaml --period year --records-end HỘ_CUỐI_KỲ.csv [--records-earlier HỘ_CŨ.csv] …

Bảng biến động (CSV hoặc XLSX) ghi mỗi thôn/đơn vị một dòng, số hộ biến động cộng dồn từ đầu năm, như
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

Movements table_movements(const Arguments& args) {
  std::vector<Movements> periods;
  for (const auto& file : args.all("movements")) periods.push_back(read_movements(read_table_file(file, args.value("sheet"))));
  return sum_movements(periods);
}

// The plan's own list is the start; the movements of its lowest units come from comparing lists.
// `notes` gets the lines the outputs carry about the lists (what they are, households, rows skipped),
// the terminal the files compared.
Movements record_movements(const Plan& plan, const Arguments& args, Period period, Console console,
                           std::vector<std::string>& notes) {
  if (!plan.records)
    throw InputError(Location{plan.file, {}, {}, {}},
                     "--records-end cần kế hoạch lập từ danh sách hộ (khóa records); kế hoạch này dùng bảng số liệu "
                     "thôn, hãy dùng --movements.");
  const RecordsSource& source = *plan.records;
  const PovertyStandard standard = choose_standard(source.standard, plan.year);
  MovementInput input{source.path, args.value("records-end"), std::nullopt, source.sheet};
  if (args.has("records-earlier")) input.earlier = args.value("records-earlier");
  RecordsOptions options{args.value("sheet"), args.has("skip-bad-rows") || source.skip_bad_rows};
  const MovementCensus census = load_movements(input, standard, options);
  for (const RecordsSummary* records : {&census.start, &census.end})
    if (records->skipped_rows > 0)
      console.err << "kehoach report: đã bỏ qua " << records->skipped_rows << " dòng có giá trị sai trong " << records->source << ".\n";
  if (!args.has("json"))
    console.out << "So sánh danh sách " << records_on_terminal(census.start) << " với " << records_on_terminal(census.end)
                << ".\n";
  const std::string end_list = period == Period::Year ? "rà soát cuối năm " + std::to_string(plan.year)
                                                      : "cập nhật " + period_label(period, plan.year);
  notes = records_notes(standard, {{census.start, "Số liệu đầu năm tính từ danh sách hộ rà soát cuối năm " +
                                                      std::to_string(plan.year - 1)},
                                   {census.end, "Số liệu hiện nay tính từ danh sách hộ " + end_list}});
  const auto& levels = census.movements.units.levels;
  return movements_at_level(census.movements, static_cast<int>(levels.size()) - 1, input.end);
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
                   "Trang tính của bảng biến động hoặc của danh sách hộ cuối kỳ, cũ hơn (XLSX);\n"
                   "danh sách đầu năm dùng trang tính ghi ở khóa records của tệp kế hoạch."},
                  {"threshold", 0, "TỶ_LỆ", "Ngưỡng tiến độ (% chỉ tiêu năm), ví dụ 50."},
                  {"template", 0, "MẪU", "Mẫu báo cáo khác (tên mẫu có sẵn hoặc đường dẫn .docx). Mặc định: bao-cao."},
                  {"output", 'o', "TỆP", "Tệp Word kết quả (mặc định: tên tệp kế hoạch + \"-bao-cao-KỲ.docx\")."},
                  {"pdf", 0, "", "Ghi thêm bản PDF (cần LibreOffice)."},
                  {"json", 0, "", "In số liệu báo cáo (JSON), không ghi tệp."}},
      .missing_input = "thiếu tệp kế hoạch (YAML).",
  };
  return spec;
}

int report_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(report_spec(), words, console.out);
  if (!args) return kExitOk;
  const Period period = required_period(*args);
  const std::optional<Rate> threshold = threshold_option(*args);
  if (args->has("movements") == args->has("records-end"))
    throw UsageError(args->has("movements") ? "chỉ dùng một trong hai: --movements hoặc --records-end."
                                            : "thiếu --movements (bảng biến động cộng dồn từ đầu năm) hoặc "
                                              "--records-end (danh sách hộ cuối kỳ).");
  if (args->has("records-earlier") && !args->has("records-end"))
    throw UsageError("--records-earlier chỉ dùng cùng --records-end.");

  const PlanInput input = load_plan(args->positional[0]);
  const Plan& plan = input.plan;
  const AppendixTable& table = input.table;
  // From two lists the comparison names both files; the plan's list alone is said otherwise.
  tell_plan_input(input, console, "report", args->has("json") || args->has("records-end"));
  // A table of movements starts from the plan's figures, and from its notes when those come from a list.
  std::vector<std::string> notes = table.notes;
  const Movements movements = args->has("records-end") ? record_movements(plan, *args, period, console, notes)
                                                       : table_movements(*args);
  Report report = build_report(plan, table, movements, period, threshold);
  report.notes = notes;
  if (args->has("json")) {
    console.out << report_json(plan, report);
    return kExitOk;
  }
  // Never a report without "Kính gửi": the plan file's addressees, or the level above, said aloud.
  const ReportAddressees addressees = report_addressees(plan);
  if (addressees.from_parent)
    console.err << "kehoach report: " << plan.file << " không ghi nơi nhận báo cáo (reports: addressees), nên báo cáo "
                << "kính gửi cơ quan cấp trên: " << addressees.names.front()
                << "; muốn gửi nơi khác, hãy thêm reports: addressees vào tệp kế hoạch.\n";
  const std::string template_name = args->value("template", "bao-cao");
  const DocumentTemplate document = load_document_template(template_name, plan.file);
  const std::string default_name =
      std::filesystem::path(plan.file).stem().string() + "-bao-cao-" + period_key(period) + ".docx";
  DocumentJob job{"report", "báo cáo", "biểu kết quả", outputs_beside(args->value("output", default_name), "-bieu"),
                  document.render(report_template_data(plan, report, document.names(), template_name)),
                  document_timestamp(plan),
                  [&](const std::string& path) { write_report_workbook(plan, report, path); },
                  args->has("pdf")};
  return write_documents(job, console);
}

}  // namespace kehoach
