#include "app/batch_jobs.h"

#include <algorithm>
#include <map>
#include <set>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "kehoach_version.h"
#include "model/input_error.h"
#include "model/unit_level.h"
#include "package/fingerprint.h"
#include "text/unicode.h"
#include "write/document_data.h"
#include "write/records_notes.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

// A unit's level: its name's word ("Phường Bắc Hồng Lĩnh"), else its column's ("An Hòa Thịnh" under "Xã").
const UnitLevel* level_in_tree(const UnitTree& tree, const UnitNode& unit) {
  const UnitLevel* column = unit.level < 0 ? nullptr : level_named(tree.levels[static_cast<std::size_t>(unit.level)]);
  return level_of(unit.name, column);
}

Plan document_of(const UnitTree& tree, int node, const CascadeSpec& spec, const SharedPlanData& shared) {
  const UnitNode& unit = tree.nodes[static_cast<std::size_t>(node)];
  const UnitLevel* level = level_in_tree(tree, unit);
  Plan plan;
  plan.offices = shared.offices;
  plan.programme = shared.programme;
  plan.file = spec.file;
  plan.year = spec.year;
  plan.issuing_body = spec.issuing_body;
  if (node == 0) {  // several top units: the country, or whoever the file is for
    plan.unit = "";
    plan.place = "";
  } else {
    plan.unit = in_sentence(unit.name, level);
    plan.place = split_level(full_name(unit.name, level)).place;
  }
  if (unit.parent > 0) {
    const UnitNode& parent = tree.nodes[static_cast<std::size_t>(unit.parent)];
    plan.parent_body = "UBND " + to_upper(full_name(parent.name, level_in_tree(tree, parent)));
  }
  plan.date = spec.date;
  return plan;
}

std::vector<const AppendixRow*> table_rows(const AppendixTable& table) {
  std::vector<const AppendixRow*> rows;
  for (const auto& row : table.rows) rows.push_back(&row);
  rows.push_back(&table.total);
  return rows;
}

std::string fingerprint_of(const BatchJob& job, const std::string& template_fingerprint) {
  const Plan& p = job.document;
  // The program's version first: a new kehoach may write the same figures differently.
  std::string text = std::string("kehoach ") + kVersion + '\n' + template_fingerprint + '\n' + (job.plan ? "plan\n" : "table\n") +
                     p.parent_body + '\n' + p.issuing_body + '\n' + p.unit + '\n' + p.place + '\n' +
                     p.text.template_name + '\n' + (p.date ? format_date(*p.date) : std::string("-")) + '\n';
  // The table's every name and figure; written plainly, as JSON would cost more than the hash.
  for (const AppendixRow* row : table_rows(*job.table)) {
    text += row->name + '\t' + std::to_string(row->households);
    for (const auto& f : row->figures)
      text += '\t' + std::to_string(f.start) + ' ' + std::to_string(f.reduction) + ' ' + std::to_string(f.fixed);
    text += '\n';
  }
  for (const auto& target : job.table->indicators)
    text += std::string(indicator_key(target.indicator)) + ' ' + std::to_string(target.target_reduction) + '\n';
  // The office names the plan will say, so that a changed office file rewrites the plans it changes.
  if (job.plan)
    for (const auto& [role, office] : issuer_offices(p, p.date))
      text += role + '\t' + office.name + '\t' + office.mention + '\t' + office.abbreviation + '\n';
  // The programme's projects, which a district plan walks through.
  if (job.plan && p.programme)
    for (const auto& project : p.programme->projects) {
      text += std::to_string(project.number) + '\t' + project.name;
      for (const auto& sub : project.subprojects) text += '\t' + sub;
      text += '\n';
    }
  text += job.table->unit_label + '\n' + std::to_string(job.table->year) + '\n';
  for (const auto& note : records_notes(job.table->notes)) text += note + '\n';
  return fingerprint(text);
}

}  // namespace

std::string folder_name(const std::string& unit_name) {
  std::string out;
  for (char c : fold(unit_name)) out += c == ' ' ? '-' : c;
  if (out.empty()) return "don-vi";
  if (out.size() <= kFolderNameBytes) return out;
  // File systems allow 255 bytes a name (and letters outside Vietnamese take several); a commune's
  // folder sits in its district's, in its province's, and the whole must still open on Windows.
  const std::string mark = "-" + fingerprint(out).substr(0, 8);
  std::size_t cut = kFolderNameBytes - mark.size();
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a letter
  const std::size_t word = out.rfind('-', cut);
  if (word != std::string::npos && word >= cut / 2) cut = word;
  return out.substr(0, cut) + mark;
}

int plan_level(const UnitTree& tree, const CascadeSpec& spec) {
  const int lowest = static_cast<int>(tree.levels.size()) - 1;
  if (spec.plan_level.empty()) return std::max(lowest - 1, 0);
  std::string names;
  for (int level = 0; level < lowest; ++level) {
    if (name_key(tree.levels[static_cast<std::size_t>(level)]) == name_key(spec.plan_level)) return level;
    names += (names.empty() ? "\"" : ", \"") + tree.levels[static_cast<std::size_t>(level)] + "\"";
  }
  throw InputError(Location{spec.file, {}, {}, {}},
                   "plans: level \"" + spec.plan_level + "\" không phải một cấp có đơn vị cấp dưới trong tệp đơn vị; "
                   "các cấp lập được kế hoạch: " + names + ".");
}

std::string unit_level_word(const UnitTree& tree, int node) {
  const UnitNode& unit = tree.nodes[static_cast<std::size_t>(node)];
  const UnitLevel* level = level_in_tree(tree, unit);
  if (level) return level->word;
  return unit.level >= 0 ? tree.levels[static_cast<std::size_t>(unit.level)] : "";
}

std::string batch_template(const UnitTree& tree, const CascadeSpec& spec, int level) {
  if (!spec.template_name.empty()) return spec.template_name;
  // The plan level's word, or the words its units' names carry: communes and wards, or districts.
  std::vector<const UnitLevel*> levels = header_levels(tree.levels[static_cast<std::size_t>(level)]);
  if (levels.empty())
    for (int node : tree.at_level(level)) levels.push_back(level_in_tree(tree, tree.nodes[static_cast<std::size_t>(node)]));
  std::string chosen;
  for (const UnitLevel* unit_level : levels) {
    const std::string fitting = !unit_level                           ? ""
                                : unit_level->tier == Tier::Commune   ? "xa"
                                : unit_level->tier == Tier::District  ? "huyen"
                                                                      : "";
    if (fitting.empty() || (!chosen.empty() && fitting != chosen)) { chosen.clear(); break; }
    chosen = fitting;
  }
  if (!chosen.empty()) return chosen;
  throw InputError(Location{spec.file, {}, {}, {}},
                   "chưa chọn được mẫu văn bản cho các kế hoạch cấp \"" + tree.levels[static_cast<std::size_t>(level)] +
                       "\": hãy ghi plans: { template: xa } (xã, phường, đặc khu), plans: { template: huyen } (huyện, "
                       "quận, thị xã, thành phố thuộc tỉnh) hoặc đường dẫn đến tệp mẫu .docx của bạn.");
}

std::vector<BatchJob> batch_jobs(const UnitTree& tree, const CascadeResult& cascade, const CascadeSpec& spec,
                                 int level, const std::string& template_name, const std::string& template_fingerprint,
                                 const SharedPlanData& shared) {
  std::vector<BatchJob> jobs;
  // "Xã An Hòa" and "Xã An Hoà" are one unit, but "Xã An Hòa" and "Xã An Hoa" are two that fold to one
  // folder name: the second gets "-2", so that no commune writes over another.
  std::map<int, std::string> folder_of{{cascade.top, ""}};
  std::set<std::string> taken;
  for (int node : cascade.units_from_top(tree)) {
    const UnitNode& unit = tree.nodes[static_cast<std::size_t>(node)];
    if (unit.level > level || !cascade.tables[static_cast<std::size_t>(node)]) continue;
    BatchJob job;
    job.node = node;
    for (int n = node; n != cascade.top && n > 0; n = tree.nodes[static_cast<std::size_t>(n)].parent)
      job.path.insert(job.path.begin(), tree.nodes[static_cast<std::size_t>(n)].name);
    if (node != cascade.top) {
      const std::string& parent = folder_of[unit.parent];
      const std::string own = folder_name(unit.name);
      job.folder_shortened = fold(unit.name).size() > kFolderNameBytes;
      const std::string base = (parent.empty() ? "" : parent + "/") + own;
      job.folder = base;
      for (int n = 2; !taken.insert(job.folder).second; ++n) job.folder = base + "-" + std::to_string(n);
      folder_of[node] = job.folder;
    }
    job.plan = unit.level == level;
    job.document = document_of(tree, node, spec, shared);
    job.document.text.template_name = template_name;
    job.table = &*cascade.tables[static_cast<std::size_t>(node)];
    job.fingerprint = fingerprint_of(job, template_fingerprint);
    jobs.push_back(std::move(job));
  }
  return jobs;
}

}  // namespace kehoach
