#include "app/run_batch.h"

#include <filesystem>
#include <memory>

#include "app/documents.h"
#include "app/household_input.h"
#include "compute/household_tally.h"
#include "model/indicator.h"
#include "model/input_error.h"
#include "package/fingerprint.h"
#include "package/input_log.h"
#include "package/output_set.h"
#include "package/system_errors.h"
#include "read/cascade_reader.h"
#include "read/office_reader.h"
#include "read/programme_reader.h"
#include "read/template_locator.h"
#include "read/unit_tree_reader.h"
#include "write/appendix_workbook.h"
#include "write/batch_index.h"
#include "write/document_time.h"
#include "write/plan_template_data.h"
#include "write/records_notes.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

// `notes` gets the standard the records are classified by, which every table notes when it is not yet
// confirmed; `messages` the warning.
UnitTree load_units(const CascadeSpec& spec, Messages& messages, TableNotes& notes, EncodingChoice encoding) {
  if (!spec.records) {
    UnitTree tree = read_unit_tree(spec.units_path, spec.units_sheet, encoding, &messages.warnings);
    roll_up(tree);
    return tree;
  }
  const PovertyStandard standard = choose_standard(spec.records->standard, spec.year);
  if (!standard.confirmed) messages.warnings.push_back(unconfirmed_standard_warning(standard));
  notes.standard = standard;
  HouseholdCensus census = load_households(spec.records->path, standard, RecordsOptions{spec.records->sheet, false, encoding});
  messages.warnings.insert(messages.warnings.end(), census.records.notes.begin(), census.records.notes.end());
  return std::move(census.units);
}

// Every unit with its figures; its files when they are there (`failed` units have none).
BatchIndex index_of(const UnitTree& tree, const CascadeResult& cascade, const std::vector<BatchJob>& jobs, int year,
                    const std::vector<bool>& failed) {
  BatchIndex index;
  const auto& indicators = cascade.tables[static_cast<std::size_t>(cascade.top)]->indicators;
  const UnitNode& top = tree.nodes[static_cast<std::size_t>(cascade.top)];
  index.title = "Chỉ tiêu giảm nghèo năm " + std::to_string(year) + (cascade.top ? ": " + top.name : "");
  for (const auto& target : indicators)
    index.indicator_labels.push_back(indicator_heading(target.indicator));
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const BatchJob& job = jobs[i];
    const AppendixRow& row = *cascade.row_of(tree, job.node);
    const UnitNode& unit = tree.nodes[static_cast<std::size_t>(job.node)];
    IndexEntry entry;
    for (const auto& name : job.path) entry.unit += (entry.unit.empty() ? "" : " / ") + name;
    if (entry.unit.empty()) entry.unit = job.node ? unit.name : kTotalLabel;
    entry.level = unit_level_word(tree, job.node);
    entry.households = row.households;
    for (const auto& f : row.figures) entry.figures.push_back({f.start, f.reduction, f.end, format_rate(f.end_rate)});
    if (failed[i]) {
      entry.note = "không ghi được tệp (xem thông báo lỗi khi chạy)";
    } else {
      if (job.plan) entry.plan_file = job.plan_file();
      entry.appendix_file = job.appendix_file();
    }
    if (job.folder_shortened)
      entry.note += std::string(entry.note.empty() ? "" : "; ") + "tên thư mục được rút ngắn vì tên đơn vị quá dài";
    index.entries.push_back(entry);
  }
  return index;
}

// index.csv and index.html, both or neither.
void write_index(const BatchIndex& index, const std::string& folder, const InputFiles& inputs) {
  OutputSet outputs(&inputs);
  outputs.add((fs::path(folder) / "index.csv").string()).write_all(index_csv(index));
  outputs.add((fs::path(folder) / "index.html").string()).write_all(index_html(index));
  outputs.commit();
}

}  // namespace

CascadeFigures split_cascade_file(const std::string& cascade_file, EncodingChoice encoding) {
  CascadeFigures figures;
  figures.spec = read_cascade(cascade_file);
  TableNotes notes;
  figures.tree = load_units(figures.spec, figures.messages, notes, encoding);
  figures.cascade = split_cascade(figures.tree, figures.spec);
  for (auto& table : figures.cascade.tables)
    if (table) table->notes = notes;
  return figures;
}

TopAppendix make_top_appendix(const std::string& cascade_file, const std::string& output) {
  const InputLog reads;
  TopAppendix result{split_cascade_file(cascade_file), {}, {}};
  const CascadeSpec& spec = result.figures.spec;
  const UnitTree& tree = result.figures.tree;
  const int level = plan_level(tree, spec);
  const std::string template_name = batch_template(tree, spec, level);
  const SharedPlanData shared{std::make_shared<const OfficeBook>(shipped_office_book()), shipped_programme(spec.year)};
  // The template's fingerprint only tells runs apart: no plan is written here.
  const std::vector<BatchJob> jobs = batch_jobs(tree, result.figures.cascade, spec, level, template_name, "", shared);
  if (jobs.empty()) throw InputError(Location{spec.file, {}, {}, {}}, "không có đơn vị nào để tổng hợp.");
  const BatchJob& top = jobs.front();  // preorder: the top first
  OutputSet outputs(&reads.files());
  write_appendix_workbook(top.document, *top.table, outputs.add(output));
  outputs.commit();
  result.document = top.document;
  result.table = *top.table;
  return result;
}

BatchResult run_batch_request(const BatchRequest& request) {
  const InputLog reads;  // what the batch is made from, which no output may overwrite
  BatchResult result;
  result.figures = split_cascade_file(request.cascade_file, request.encoding);
  const CascadeSpec& spec = result.figures.spec;
  const UnitTree& tree = result.figures.tree;
  const CascadeResult& cascade = result.figures.cascade;
  const int level = plan_level(tree, spec);
  // Read once: its parts give the fingerprint, then compile into the template.
  const std::string template_name = batch_template(tree, spec, level);
  const std::string location = locate_template(template_name, spec.file);
  DocxPackage package = read_template(location);
  const std::string template_print = package_fingerprint(package);
  const DocumentTemplate document = DocumentTemplate::compile(std::move(package), location);
  const SharedPlanData shared{std::make_shared<const OfficeBook>(shipped_office_book()), shipped_programme(spec.year)};
  result.jobs = batch_jobs(tree, cascade, spec, level, template_name, template_print, shared);
  for (const auto& job : result.jobs) {
    result.plans += job.plan;
    if (job.folder_shortened)
      result.figures.messages.warnings.push_back("tên đơn vị \"" + tree.nodes[static_cast<std::size_t>(job.node)].name +
                                                 "\" dài quá mức một tên thư mục; thư mục của đơn vị là " + job.folder +
                                                 " (đã ghi vào index.csv).");
  }
  const long long timestamp = year_timestamp(spec.year);
  const auto names = document.names();
  const std::string& folder = request.folder;
  const InputFiles& inputs = reads.files();
  // Refused before any unit is written: a batch's output that is one of its inputs.
  for (const auto& job : result.jobs) {
    refuse_input_as_output(inputs, (fs::path(folder) / job.appendix_file()).string());
    if (job.plan) refuse_input_as_output(inputs, (fs::path(folder) / job.plan_file()).string());
  }
  for (const char* file : {"index.csv", "index.html", kBatchManifest})
    refuse_input_as_output(inputs, (fs::path(folder) / file).string());
  // A unit's plan and appendix appear together or not at all.
  auto write = [&](const BatchJob& job) {
    std::error_code made;
    fs::create_directories(fs::path(folder) / job.folder, made);
    if (made)
      throw OutputError("không tạo được thư mục " + (fs::path(folder) / job.folder).string() + ": " +
                        system_reason(made) + ".");
    OutputSet outputs(&inputs);
    const AtomicFile& appendix = outputs.add((fs::path(folder) / job.appendix_file()).string());
    const AtomicFile* plan = job.plan ? &outputs.add((fs::path(folder) / job.plan_file()).string()) : nullptr;
    write_appendix_workbook(job.document, *job.table, appendix);
    if (plan) plan->write_all(document.render_docx(plan_template_data(job.document, *job.table, names, template_name),
                                                   timestamp));
    outputs.commit();
  };
  result.run = run_batch(result.jobs, BatchOptions{folder, request.jobs, request.progress, request.stop}, write);
  if (!result.run.manifest_problem.empty()) result.problems.push_back(result.run.manifest_problem);
  std::vector<bool> failed(result.jobs.size(), false);
  for (std::size_t i : result.run.failed_jobs) failed[i] = true;
  for (std::size_t i = 0; i < result.jobs.size(); ++i) {
    if (failed[i]) continue;
    result.plans_made += result.jobs[i].plan;
    ++result.appendices_made;
  }
  if (result.run.interrupted) return result;
  try {
    write_index(index_of(tree, cascade, result.jobs, spec.year, failed), folder, inputs);
    result.index_written = true;
  } catch (const OutputError& e) {
    result.problems.push_back(e.what());
  }
  return result;
}

}  // namespace kehoach
