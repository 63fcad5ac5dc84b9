#include "app/make_report.h"

#include <filesystem>

#include "app/household_input.h"
#include "compute/movements_sum.h"
#include "compute/report.h"
#include "model/input_error.h"
#include "read/movements_reader.h"
#include "read/table_file.h"
#include "write/document_time.h"
#include "write/records_notes.h"
#include "write/report_addressees.h"
#include "write/report_labels.h"
#include "write/report_template_data.h"
#include "write/report_workbook.h"

namespace kehoach {
namespace {

Movements table_movements(const ReportRequest& request, Messages& messages) {
  std::vector<Movements> periods;
  for (const auto& file : request.movements) {
    const Grid grid = read_table_file(file, request.sheet, request.encoding);
    messages.warnings.insert(messages.warnings.end(), grid.notes.begin(), grid.notes.end());
    periods.push_back(read_movements(grid));
  }
  return sum_movements(periods);
}

// The plan's own list is the start; the movements of its lowest units come from comparing lists.
// `notes` gets the lines the outputs carry about the lists (what they are, households, rows skipped),
// `messages` the files compared and the rows left out.
Movements record_movements(const Plan& plan, const ReportRequest& request, TableNotes& notes, Messages& messages) {
  if (!plan.records)
    throw InputError(Location{plan.file, {}, {}, {}},
                     "--records-end cần kế hoạch lập từ danh sách hộ (khóa records); kế hoạch này dùng bảng số liệu "
                     "thôn, hãy dùng --movements.");
  const RecordsSource& source = *plan.records;
  const PovertyStandard standard = choose_standard(source.standard, plan.year);
  MovementInput input{source.path, *request.records_end, request.records_earlier, source.sheet};
  const RecordsOptions options{request.sheet, request.skip_bad_rows || source.skip_bad_rows, request.encoding};
  const MovementCensus census = load_movements(input, standard, options);
  // The start list is the plan's, whose conversions load_plan has told already.
  for (const RecordsSummary* records : {census.earlier ? &*census.earlier : nullptr, &census.end})
    if (records) messages.warnings.insert(messages.warnings.end(), records->notes.begin(), records->notes.end());
  for (const RecordsSummary* records : {&census.start, &census.end})
    if (records->skipped_rows > 0)
      messages.warnings.push_back("đã bỏ qua " + std::to_string(records->skipped_rows) + " dòng có giá trị sai trong " +
                                  records->source + ".");
  messages.notices.push_back("So sánh danh sách " + records_on_terminal(census.start) + " với " +
                             records_on_terminal(census.end) + ".");
  NotedList now = noted(census.end, NotedList::Role::Now, plan.year);
  if (request.period != Period::Year) now.update = request.period;  // a list updated for the period
  notes = TableNotes{{noted(census.start, NotedList::Role::YearStart, plan.year - 1), now}, standard};
  const auto& levels = census.movements.units.levels;
  return movements_at_level(census.movements, static_cast<int>(levels.size()) - 1, input.end);
}

}  // namespace

ReportFiguresResult compute_report(const ReportRequest& request) {
  ReportFiguresResult result{load_plan(request.plan_file, request.encoding), {}, {}};
  const Plan& plan = result.input.plan;
  const AppendixTable& table = result.input.table;
  result.messages.warnings = result.input.messages.warnings;
  // From two lists the comparison names both files; the plan's list alone is said otherwise.
  if (!request.records_end) result.messages.notices = result.input.messages.notices;
  // A table of movements starts from the plan's figures, and from its notes when those come from a list.
  TableNotes notes = table.notes;
  const Movements movements = request.records_end ? record_movements(plan, request, notes, result.messages)
                                                  : table_movements(request, result.messages);
  result.report = build_report(plan, table, movements, request.period, request.threshold);
  result.report.notes = notes;
  return result;
}

ReportDocuments make_report(const ReportRequest& request) {
  const InputLog reads;  // what the report is made from, which no output may overwrite
  ReportDocuments result{compute_report(request), {}};
  const Plan& plan = result.figures.input.plan;
  const Report& report = result.figures.report;
  // Never a report without "Kính gửi": the plan file's addressees, or the level above, said aloud.
  const ReportAddressees addressees = report_addressees(plan);
  if (addressees.from_parent)
    result.figures.messages.warnings.push_back(
        plan.file + " không ghi nơi nhận báo cáo (reports: addressees), nên báo cáo kính gửi cơ quan cấp trên: " +
        addressees.names.front() + "; muốn gửi nơi khác, hãy thêm reports: addressees vào tệp kế hoạch.");
  const std::shared_ptr<const DocumentTemplate> compiled = load_document_template(request.template_name, plan.file);
  const DocumentTemplate& document = *compiled;
  const std::string output = request.output.empty() ? std::filesystem::path(plan.file).stem().string() + "-bao-cao-" +
                                                          period_key(request.period) + ".docx"
                                                    : request.output;
  const DocumentJob job{"báo cáo", "biểu kết quả", outputs_beside(output, "-bieu"),
                        document.render_docx(report_template_data(plan, report, document.names(), request.template_name),
                                             document_timestamp(plan)),
                        [&](const AtomicFile& file) { write_report_workbook(plan, report, file); }, request.pdf};
  result.written = write_documents(job, reads.files());
  return result;
}

}  // namespace kehoach
