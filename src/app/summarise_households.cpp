#include "app/summarise_households.h"

#include <filesystem>

#include "package/output_set.h"
#include "text/number_words.h"
#include "write/document_time.h"
#include "write/households_workbook.h"
#include "write/records_notes.h"

namespace kehoach {
namespace {

void tell_skipped(Messages& messages, const RecordsSummary& records) {
  if (records.skipped_rows > 0)
    messages.warnings.push_back("đã bỏ qua " + format_count(records.skipped_rows) + " dòng có giá trị sai trong " +
                                records.source + ".");
}

}  // namespace

HouseholdsReport HouseholdsSummary::report() const {
  return HouseholdsReport{standard, census.records, census.units, movements ? &movements->movements : nullptr,
                          movements ? &movements->start : nullptr, year};
}

HouseholdsSummary summarise_households(const HouseholdsRequest& request) {
  const InputLog reads;
  HouseholdsSummary summary;
  summary.year = request.year;
  summary.standard = choose_standard(request.standard_file, request.year);
  const RecordsOptions options{request.sheet, request.skip_bad_rows, request.encoding};
  if (request.start) {  // the end list is read once, for its summary and the movements together
    summary.movements = load_movements(MovementInput{*request.start, request.records, request.earlier, std::nullopt},
                                       summary.standard, options);
    summary.census = HouseholdCensus{summary.movements->end, summary.movements->end_units};
  } else {
    summary.census = load_households(request.records, summary.standard, options);
  }
  for (const RecordsSummary* records : {summary.movements ? &summary.movements->start : nullptr,
                                        summary.movements && summary.movements->earlier ? &*summary.movements->earlier : nullptr,
                                        &summary.census.records})
    if (records) summary.messages.warnings.insert(summary.messages.warnings.end(), records->notes.begin(), records->notes.end());
  tell_skipped(summary.messages, summary.census.records);
  if (summary.movements) tell_skipped(summary.messages, summary.movements->start);
  if (!summary.standard.confirmed) summary.messages.warnings.push_back(unconfirmed_standard_warning(summary.standard));
  // The files read are named on the terminal, not in the workbook: an official table does not cite files.
  summary.messages.notices.push_back(
      summary.movements ? "So sánh danh sách " + records_on_terminal(summary.movements->start) + " với " +
                              records_on_terminal(summary.census.records) + "."
                        : "Danh sách hộ: " + records_on_terminal(summary.census.records) + ".");
  summary.inputs = reads.files();
  return summary;
}

std::string write_households_summary(const HouseholdsSummary& summary, const std::string& output) {
  const std::string path =
      output.empty() ? std::filesystem::path(summary.census.records.source).stem().string() + "-tong-hop.xlsx" : output;
  OutputSet outputs(&summary.inputs);
  write_households_workbook(summary.report(), outputs.add(path), year_timestamp(summary.standard.first_year));
  outputs.commit();
  return path;
}

}  // namespace kehoach
