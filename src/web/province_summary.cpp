#include "web/province_summary.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "app/make_report.h"
#include "app/plan_input.h"
#include "model/movements.h"
#include "package/atomic_file.h"
#include "model/indicator.h"
#include "model/input_error.h"
#include "read/statistics_reader.h"
#include "read/table_file.h"
#include "web/plan_work.h"
#include "web/report_work.h"
#include "write/report_workbook.h"
#include "web/yaml_lines.h"

namespace kehoach {
namespace {

// One approved plan as the cascade needs it: its villages' start counts and every reduction of its appendix.
struct VillageFigures {
  std::string name;
  long long households = 0, poor = 0, near_poor = 0;
  std::map<Indicator, long long> reduction;  // of the indicators the plan targets
};

struct CommuneFigures {
  const OverviewLine* line = nullptr;
  std::vector<std::string> path;  // names from below the top unit: "Huyện …", "Xã …"
  std::vector<VillageFigures> villages;
};

// The approved version's plan read as `kehoach plan` reads it, with its village table's counts of both
// indicators (the appendix has only those the plan targets). Throws InputError.
std::vector<VillageFigures> approved_villages(const RequestContext& context, const VersionRecord& version) {
  const WorkFolder folder(context.site);
  const std::optional<std::string> plan_file = write_plan_folder(context, version, folder);
  if (!plan_file) throw InputError(Location{kPlanFile, {}, {}, {}}, "phiên bản đã duyệt không có tệp kế hoạch.");
  const PlanInput input = load_plan(*plan_file);
  if (input.plan.statistics_path.empty())
    throw InputError(Location{kPlanFile, {}, {}, {}}, "kế hoạch không lập từ bảng số liệu thôn.");
  const Statistics statistics = read_statistics(read_table_file(input.plan.statistics_path, input.plan.statistics_sheet));
  std::vector<VillageFigures> villages;
  for (std::size_t i = 0; i < input.table.rows.size(); ++i) {
    const AppendixRow& row = input.table.rows[i];
    VillageFigures village{row.name, row.households, 0, 0, {}};
    if (i < statistics.units.size()) {
      village.poor = statistics.units[i].poor;
      village.near_poor = statistics.units[i].near_poor;
    }
    for (std::size_t k = 0; k < input.table.indicators.size(); ++k)
      village.reduction[input.table.indicators[k].indicator] = row.figures[k].reduction;
    villages.push_back(village);
  }
  return villages;
}

// A CSV field, quoted when it must be.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string joined_path(const std::vector<std::string>& names) {
  std::string path;
  for (const std::string& name : names) path += (path.empty() ? "" : " / ") + name;
  return path;
}

// The header of a level in the units table: what the units at that depth are called.
std::string level_column(Tier tier) {
  switch (tier) {
    case Tier::Province: return "Tỉnh";
    case Tier::District: return "Huyện";
    case Tier::Commune: return "Xã";
    case Tier::Village: return "Thôn";
  }
  return "Đơn vị";
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw OutputError("không ghi được tệp " + path + ".");
}

// The units between the unit above and a commune, as the overview words them ("Huyện A, Huyện B").
std::vector<std::string> units_between(const std::string& within) {
  std::vector<std::string> names;
  for (std::size_t at = 0; at < within.size();) {
    const std::size_t comma = std::min(within.find(", ", at), within.size());
    names.push_back(within.substr(at, comma - at));
    at = comma + 2;
  }
  return names;
}

// One approved report as the province's needs it: its commune's totals.
struct CommuneReport {
  const OverviewLine* line = nullptr;
  long long households = 0, poor = 0, near_poor = 0;
  std::optional<long long> end_households;
  std::map<Indicator, ReportFigures> figures;  // of the indicators its plan targets
};

// The approved version's report computed as `kehoach report` computes it from the version's files, with its
// village table's start counts of both indicators. Throws InputError.
CommuneReport approved_report(const RequestContext& context, const VersionRecord& version, const OverviewLine& line) {
  const std::optional<SavedReport> saved = load_version_report(context, version);
  if (!saved) throw InputError(Location{}, "không tính lại được báo cáo từ các tệp của phiên bản đã duyệt.");
  const PlanInput& input = saved->figures.input;
  const Report& report = saved->figures.report;
  CommuneReport commune{&line, report.total.households, 0, 0, report.total.end_households, {}};
  if (!input.plan.statistics_path.empty()) {
    const Statistics statistics = read_statistics(read_table_file(input.plan.statistics_path, input.plan.statistics_sheet));
    for (const UnitStatistics& unit : statistics.units) {
      commune.poor += unit.poor;
      commune.near_poor += unit.near_poor;
    }
  }
  for (std::size_t k = 0; k < report.indicators.size(); ++k) commune.figures[report.indicators[k]] = report.total.figures[k];
  return commune;
}

}  // namespace

ReportSummary report_summary(const RequestContext& context, const UnitRecord& above, int year, WorkKind kind,
                             const WorkFolder& folder) {
  ReportSummary summary;
  summary.overview = submission_overview(context, above, year, kind);
  const std::optional<Period> period = report_period(kind);
  if (!period) return summary;
  std::vector<CommuneReport> communes;
  for (const OverviewLine& line : summary.overview.lines) {
    if (line.status.state != SubmissionState::Approved || !line.version_id) {
      summary.apart.push_back({&line, state_words(line)});
      continue;
    }
    try {
      const std::optional<VersionRecord> version = find_version(context.db, *line.version_id);
      if (!version) throw InputError(Location{}, "không tìm thấy phiên bản đã duyệt.");
      communes.push_back(approved_report(context, *version, line));
      summary.counted.push_back(&line);
    } catch (const InputError& e) {
      summary.apart.push_back({&line, "Đã duyệt, nhưng không đọc được báo cáo (" + e.problem() + ")"});
    }
  }
  if (communes.empty()) return summary;
  // The indicators every approved report has, and whether every one counts the movements (else the end only)
  // and the households at the end.
  std::vector<Indicator> indicators;
  for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor})
    if (std::all_of(communes.begin(), communes.end(), [&](const CommuneReport& c) { return c.figures.count(indicator) > 0; }))
      indicators.push_back(indicator);
  if (indicators.empty()) {
    summary.problem = "các báo cáo đã duyệt không có chung chỉ tiêu nào (hộ nghèo hoặc hộ cận nghèo).";
    return summary;
  }
  bool movements = true, end_households = true;
  for (const CommuneReport& commune : communes) {
    end_households = end_households && commune.end_households.has_value();
    for (Indicator indicator : indicators) movements = movements && commune.figures.at(indicator).movements_known;
  }

  // The plan of the unit above: its communes, each its year's target fixed.
  std::string units = "Đơn vị,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n";
  YamlLines yaml;
  yaml.add("# Báo cáo tổng hợp của " + above.full_name() + " từ các báo cáo đã được duyệt của các đơn vị trực thuộc");
  yaml.add("# (kehoach serve, trang Tổng hợp): chỉ tiêu năm của mỗi đơn vị là số trong kế hoạch của đơn vị đó.");
  yaml.add("year: " + std::to_string(year));
  yaml.add("issuer:");
  yaml.add("  body: " + yaml_quoted("Ủy ban nhân dân"));
  yaml.add("  unit: " + yaml_quoted(lower_first(above.full_name())));
  yaml.add("  place: " + yaml_quoted(above.name));
  yaml.add("statistics: don-vi.csv");
  yaml.add("targets:");
  for (Indicator indicator : indicators) {
    long long total = 0;
    for (const CommuneReport& commune : communes) total += commune.figures.at(indicator).target;
    yaml.add(std::string("  ") + indicator_key(indicator) + ":");
    yaml.add("    reduce: " + std::to_string(total));
    yaml.add("    fixed:");
    for (const CommuneReport& commune : communes)
      yaml.add("      " + yaml_quoted(commune.line->unit.full_name()) + ": " + std::to_string(commune.figures.at(indicator).target));
  }
  // The movement table: a row per commune, each label after its group ("Hộ nghèo - Tái nghèo").
  std::string movement_table = "Đơn vị";
  for (Indicator indicator : indicators) {
    if (movements)
      for (const MovementColumn& column : movement_columns(indicator))
        movement_table += "," + csv_field(std::string(indicator_heading(indicator)) + " - " + column.label);
    else
      movement_table += "," + csv_field(std::string(indicator_heading(indicator)) + " - Cuối kỳ");
  }
  if (end_households) movement_table += ",Tổng số hộ cuối kỳ";
  movement_table += "\n";
  for (const CommuneReport& commune : communes) {
    const std::string name = csv_field(commune.line->unit.full_name());
    units += name + "," + std::to_string(commune.households) + "," + std::to_string(commune.poor) + "," +
             std::to_string(commune.near_poor) + "\n";
    movement_table += name;
    for (Indicator indicator : indicators) {
      const ReportFigures& f = commune.figures.at(indicator);
      if (movements)
        for (long long count : f.movements) movement_table += "," + std::to_string(count);
      else
        movement_table += "," + std::to_string(f.end);
    }
    if (end_households) movement_table += "," + std::to_string(*commune.end_households);
    movement_table += "\n";
  }
  summary.plan_file = folder.file("ke-hoach.yaml");
  summary.units_file = folder.file("don-vi.csv");
  summary.movements_file = folder.file(movements_file_name(*period, false));
  write_file(summary.plan_file, yaml.done().text);
  write_file(summary.units_file, units);
  write_file(summary.movements_file, movement_table);
  try {
    ReportRequest request;
    request.plan_file = summary.plan_file;
    request.period = *period;
    request.movements = {summary.movements_file};
    const ReportFiguresResult figures = compute_report(request);
    // The table as `kehoach report` writes it beside its Word report: "ke-hoach-bao-cao-6m-bieu.xlsx".
    const std::string workbook = folder.file("ke-hoach-bao-cao-" + std::string(period_key(*period)) + "-bieu.xlsx");
    AtomicFile file(workbook);
    write_report_workbook(figures.input.plan, figures.report, file);
    file.commit();
    summary.report = figures.report;
    summary.workbook = workbook;
  } catch (const InputError& e) {
    summary.problem = e.problem();
  }
  return summary;
}

ProvinceSummary plan_summary(const RequestContext& context, const UnitRecord& above, int year, const WorkFolder& folder) {
  ProvinceSummary summary;
  summary.overview = submission_overview(context, above, year, WorkKind::Plan);
  std::vector<CommuneFigures> communes;
  std::set<std::size_t> depths;
  for (const OverviewLine& line : summary.overview.lines) {
    if (line.status.state != SubmissionState::Approved || !line.version_id) {
      summary.apart.push_back({&line, state_words(line)});
      continue;
    }
    const std::optional<VersionRecord> version = find_version(context.db, *line.version_id);
    try {
      if (!version) throw InputError(Location{}, "không tìm thấy phiên bản đã duyệt.");
      CommuneFigures commune{&line, {}, approved_villages(context, *version)};
      commune.path = units_between(line.within);
      commune.path.push_back(line.unit.full_name());
      depths.insert(commune.path.size());
      communes.push_back(std::move(commune));
      summary.counted.push_back(&line);
    } catch (const InputError& e) {
      summary.apart.push_back({&line, "Đã duyệt, nhưng không đọc được kế hoạch (" + e.problem() + ")"});
    }
  }
  if (communes.empty()) return summary;
  // A units table has a column per level: communes at different depths are listed directly below the unit.
  summary.flattened = depths.size() > 1;
  if (summary.flattened)
    for (CommuneFigures& commune : communes) commune.path = {commune.path.back()};
  std::set<Indicator> indicators;
  for (const CommuneFigures& commune : communes)
    for (const VillageFigures& village : commune.villages)
      for (const auto& [indicator, reduction] : village.reduction) indicators.insert(indicator);

  // The units table: the unit, the units between, the commune, the village, its counts.
  std::string units = csv_field(level_column(above.tier));
  if (!summary.flattened)
    for (std::size_t i = 1; i < communes.front().path.size(); ++i) units += ",Huyện";
  units += ",Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n";
  // Every figure fixed: the commune's (and each unit's between) its plan's total, each village its own.
  std::map<std::string, std::map<Indicator, long long>> fixed;  // by path, in the order met
  std::vector<std::string> order;
  std::map<Indicator, long long> total;
  auto add_fixed = [&](const std::string& path, Indicator indicator, long long reduction) {
    if (!fixed.count(path)) order.push_back(path);
    fixed[path][indicator] += reduction;
  };
  for (const CommuneFigures& commune : communes) {
    for (const VillageFigures& village : commune.villages) {
      units += csv_field(above.full_name());
      for (const std::string& name : commune.path) units += "," + csv_field(name);
      units += "," + csv_field(village.name) + "," + std::to_string(village.households) + "," + std::to_string(village.poor) +
               "," + std::to_string(village.near_poor) + "\n";
      for (Indicator indicator : indicators) {
        const auto found = village.reduction.find(indicator);
        const long long reduction = found == village.reduction.end() ? 0 : found->second;
        std::vector<std::string> path = commune.path;
        for (std::size_t depth = 1; depth <= path.size(); ++depth)
          add_fixed(joined_path(std::vector<std::string>(path.begin(), path.begin() + static_cast<long>(depth))), indicator,
                    reduction);
        path.push_back(village.name);
        add_fixed(joined_path(path), indicator, reduction);
        total[indicator] += reduction;
      }
    }
  }
  YamlLines yaml;
  yaml.add("# Tổng hợp kế hoạch năm " + std::to_string(year) + " của các đơn vị đã được duyệt thuộc " + above.full_name() +
           " (kehoach serve, trang Tổng hợp).");
  yaml.add("# Mọi số đều cố định bằng số trong kế hoạch đã duyệt của từng xã: kehoach batch tệp này viết phu-luc.xlsx");
  yaml.add("# là phụ lục tổng hợp của cấp trên.");
  yaml.add("year: " + std::to_string(year));
  yaml.add("units: don-vi.csv");
  yaml.add("targets:");
  for (Indicator indicator : indicators) {
    yaml.add(std::string("  ") + indicator_key(indicator) + ":");
    yaml.add("    reduce: " + std::to_string(total[indicator]));
  }
  yaml.add("fixed:");
  for (const std::string& path : order) {
    std::string figures;
    for (const auto& [indicator, reduction] : fixed[path])
      figures += std::string(figures.empty() ? "" : ", ") + indicator_key(indicator) + ": " + std::to_string(reduction);
    yaml.add("  " + yaml_quoted(path) + ": { " + figures + " }");
  }
  yaml.add("plans:");
  yaml.add("  level: Xã");
  yaml.add("  template: xa");
  summary.cascade_file = folder.file("phan-bo.yaml");
  summary.units_file = folder.file("don-vi.csv");
  write_file(summary.cascade_file, yaml.done().text);
  write_file(summary.units_file, units);
  const std::string workbook = folder.file("phu-luc.xlsx");
  try {
    summary.appendix = make_top_appendix(summary.cascade_file, workbook);
    summary.workbook = workbook;
  } catch (const InputError& e) {
    summary.problem = e.problem();
  }
  return summary;
}

}  // namespace kehoach
