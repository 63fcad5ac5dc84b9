#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <ostream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "cli/arguments.h"
#include "cli/batch_jobs.h"
#include "cli/batch_runner.h"
#include "cli/commands.h"
#include "template/document_template.h"
#include "cli/household_input.h"
#include "compute/appendix.h"
#include "compute/cascade.h"
#include "compute/household_tally.h"
#include "read/cascade_reader.h"
#include "read/template_package.h"
#include "read/office_reader.h"
#include "read/programme_reader.h"
#include "read/template_locator.h"
#include "read/unit_tree_reader.h"
#include "write/appendix_workbook.h"
#include "write/batch_index.h"
#include "write/document_time.h"
#include "package/docx_writer.h"
#include "write/plan_template_data.h"
#include "write/records_notes.h"
#include "write/vietnamese_format.h"
#include "package/fingerprint.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBatchHelp = R"(kehoach batch: chia chỉ tiêu của tỉnh (hoặc cả nước) xuống từng xã, từng thôn và lập
dự thảo Kế hoạch, Phụ lục cho mọi xã một lần.

Cách dùng:
  kehoach batch PHAN_BO.yaml -o THƯ_MỤC [--jobs N] [--json]

Tệp phân bổ (YAML):
  year: 2026
  units: don-vi.csv              # mỗi thôn một dòng: các cột cấp (Tỉnh, Xã, Thôn…), Tổng số hộ, Hộ nghèo,
                                 # Hộ cận nghèo; hoặc records: danh sách hộ rà soát (như kehoach households)
  targets:                       # chỉ tiêu của đơn vị cao nhất
    poor: { end_rate: "3,50%" }
    near_poor: { reduce: 1200 }
  fixed:                         # số cố định ở bất kỳ cấp nào, đường dẫn tính từ dưới đơn vị cao nhất
    "Xã An Hòa Thịnh": { poor: 3 }
    "Xã An Hòa Thịnh / Thôn Sâm Cồn": { near_poor: all }
  plans: { level: Xã, template: xa }   # cấp lập kế hoạch (mặc định: cấp trên cấp thấp nhất) và mẫu
                                       # (mặc định: xa cho xã, phường; huyen cho huyện, quận);
                                       # date: 2026-01-15 ghi ngày cho mọi kế hoạch (số để trống)

Ở mỗi cấp, chỉ tiêu của đơn vị được chia cho các đơn vị cấp dưới như Phụ lục: sau các số cố định, phần
còn lại chia theo tỷ lệ số hộ đầu năm, phần dư lớn nhất được thêm 1 hộ; tổng các đơn vị cấp dưới luôn
bằng đơn vị cấp trên.

Ghi vào THƯ_MỤC: mỗi xã một thư mục (ke-hoach.docx: dự thảo, số và ngày để trống; phu-luc.xlsx), phụ lục
của mỗi đơn vị cấp trên (phu-luc.xlsx ở thư mục của nó, của đơn vị cao nhất ở THƯ_MỤC), index.csv và
index.html liệt kê mọi đơn vị với số liệu và tệp. Chạy lại chỉ ghi lại các xã có số liệu đổi. Ctrl-C dừng
gọn: các tệp đã ghi đều trọn vẹn, chạy lại để làm tiếp.

)";

int jobs_option(const Arguments& args) {
  return args.has("jobs") ? integer_option(args, "jobs", 1, 256, "số luồng từ 1 đến 256") : 0;
}

// `notes` gets the line every table carries when the records are classified by a standard that is
// not yet confirmed.
UnitTree load_units(const CascadeSpec& spec, std::ostream& err, std::vector<std::string>& notes) {
  if (!spec.records) {
    UnitTree tree = read_unit_tree(spec.units_path, spec.units_sheet);
    roll_up(tree);
    return tree;
  }
  const PovertyStandard standard = choose_standard(spec.records->standard, spec.year);
  warn_unconfirmed(err, "batch", standard);
  if (!standard.confirmed) notes.push_back(unconfirmed_standard_note(standard));
  return load_households(spec.records->path, standard, RecordsOptions{spec.records->sheet, false}).units;
}

// Every unit's figures, the top first: its own table's total, then each unit's row in its parent's.
// Written unit by unit: a country's 130.000 villages as one JSON document in memory would take GBs.
void write_cascade_json(std::ostream& out, const UnitTree& tree, const CascadeResult& cascade) {
  const auto& indicators = cascade.tables[static_cast<std::size_t>(cascade.top)]->indicators;
  out << "{\"units\": [";
  bool first = true;
  for (int node : cascade.units_from_top(tree)) {
    const AppendixRow* row = cascade.row_of(tree, node);
    if (!row) continue;  // not below the top
    std::vector<std::string> path;
    for (int n = node; n > 0 && n != cascade.top; n = tree.nodes[static_cast<std::size_t>(n)].parent)
      path.insert(path.begin(), tree.nodes[static_cast<std::size_t>(n)].name);
    Poco::JSON::Object unit(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Array names;
    for (const auto& name : path) names.add(name);
    unit.set("path", names);
    unit.set("name", node == 0 ? std::string(kTotalLabel) : tree.nodes[static_cast<std::size_t>(node)].name);
    unit.set("households", row->households);
    for (std::size_t k = 0; k < indicators.size(); ++k) {
      Poco::JSON::Object figures(Poco::JSON_PRESERVE_KEY_ORDER);
      figures.set("start", row->figures[k].start);
      figures.set("reduction", row->figures[k].reduction);
      figures.set("end", row->figures[k].end);
      unit.set(indicator_key(indicators[k].indicator), figures);
    }
    out << (first ? "\n  " : ",\n  ");
    unit.stringify(out);
    first = false;
  }
  out << "\n]}\n";
}

BatchIndex index_of(const UnitTree& tree, const CascadeResult& cascade, const std::vector<BatchJob>& jobs, int year) {
  BatchIndex index;
  const auto& indicators = cascade.tables[static_cast<std::size_t>(cascade.top)]->indicators;
  const UnitNode& top = tree.nodes[static_cast<std::size_t>(cascade.top)];
  index.title = "Chỉ tiêu giảm nghèo năm " + std::to_string(year) + (cascade.top ? ": " + top.name : "");
  for (const auto& target : indicators)
    index.indicator_labels.push_back(indicator_heading(target.indicator));
  for (const auto& job : jobs) {
    const AppendixRow& row = *cascade.row_of(tree, job.node);
    const UnitNode& unit = tree.nodes[static_cast<std::size_t>(job.node)];
    IndexEntry entry;
    for (const auto& name : job.path) entry.unit += (entry.unit.empty() ? "" : " / ") + name;
    if (entry.unit.empty()) entry.unit = job.node ? unit.name : kTotalLabel;
    entry.level = unit_level_word(tree, job.node);
    entry.households = row.households;
    for (const auto& f : row.figures) entry.figures.push_back({f.start, f.reduction, f.end, format_rate(f.end_rate)});
    if (job.plan) entry.plan_file = job.plan_file();
    entry.appendix_file = job.appendix_file();
    index.entries.push_back(entry);
  }
  return index;
}

}  // namespace

const CommandSpec& batch_spec() {
  static const CommandSpec spec{
      .name = "batch",
      .help = kBatchHelp,
      .options = {{"output", 'o', "THƯ_MỤC", "Thư mục kết quả. Bắt buộc (trừ khi --json)."},
                  {"jobs", 0, "N", "Số luồng (mặc định: mọi nhân của máy)."},
                  {"json", 0, "", "In số liệu đã chia của mọi đơn vị (JSON), không ghi tệp."}},
      .missing_input = "thiếu tệp phân bổ (YAML).",
  };
  return spec;
}

int batch_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(batch_spec(), words, console.out);
  if (!args) return kExitOk;
  const int jobs = jobs_option(*args);
  if (!args->has("json") && !args->has("output")) throw UsageError("thiếu -o THƯ_MỤC (thư mục ghi kết quả).");

  const CascadeSpec cascade_spec = read_cascade(args->positional[0]);
  std::vector<std::string> notes;
  const UnitTree tree = load_units(cascade_spec, console.err, notes);
  CascadeResult cascade = split_cascade(tree, cascade_spec);
  for (auto& table : cascade.tables)
    if (table) table->notes = notes;
  if (args->has("json")) {
    write_cascade_json(console.out, tree, cascade);
    return kExitOk;
  }
  const int level = plan_level(tree, cascade_spec);
  // Read once: its parts give the fingerprint, then compile into the template.
  const std::string template_name = batch_template(tree, cascade_spec, level);
  const std::string location = locate_template(template_name, cascade_spec.file);
  DocxPackage package = read_template_package(location);
  const std::string template_print = package_fingerprint(package);
  const DocumentTemplate document = DocumentTemplate::compile(std::move(package), location);
  const SharedPlanData shared{std::make_shared<const OfficeBook>(shipped_office_book()),
                              shipped_programme(cascade_spec.year)};
  const std::vector<BatchJob> batch =
      batch_jobs(tree, cascade, cascade_spec, level, template_name, template_print, shared);
  const std::string folder = args->value("output");
  const long long timestamp = year_timestamp(cascade_spec.year);
  const auto names = document.names();
  auto write = [&](const BatchJob& job) {
    const fs::path unit_folder = fs::path(folder) / job.folder;
    fs::create_directories(unit_folder);
    write_appendix_workbook(job.document, *job.table, (fs::path(folder) / job.appendix_file()).string());
    if (!job.plan) return;
    const TemplateRecord data = plan_template_data(job.document, *job.table, names, template_name);
    write_docx(document.render(data), (fs::path(folder) / job.plan_file()).string(), timestamp);
  };
  const bool terminal = &console.err == &std::cerr && ::isatty(STDERR_FILENO);
  BatchRun run;
  try {
    run = run_batch(batch, BatchOptions{folder, jobs, terminal}, write, console.err);
    if (!run.interrupted) write_batch_index(index_of(tree, cascade, batch, cascade_spec.year), folder);
  } catch (const std::exception& e) {
    console.err << "kehoach batch: " << e.what() << '\n';
    return kExitOutput;
  }
  for (const auto& error : run.errors) console.err << "kehoach batch: " << error << '\n';
  int plans = 0;
  for (const auto& job : batch) plans += job.plan;
  if (run.interrupted) {
    console.err << "kehoach batch: đã dừng theo yêu cầu sau " << run.written + run.skipped << "/" << batch.size()
                << " đơn vị; các tệp đã ghi đều trọn vẹn. Chạy lại lệnh để làm tiếp.\n";
    return kExitStopped;
  }
  console.out << "Đã ghi vào " << folder << ": " << plans << " kế hoạch xã, " << batch.size() << " phụ lục, index.csv, "
              << "index.html (" << run.written << " đơn vị ghi mới, " << run.skipped << " đơn vị không đổi) trong "
              << format_rate(Rate{static_cast<long long>(run.seconds * 100 + 0.5)}) << " giây.\n";
  return run.failed ? kExitOutput : kExitOk;
}

}  // namespace kehoach
