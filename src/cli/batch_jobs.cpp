#include "cli/batch_jobs.h"

#include <algorithm>
#include <map>
#include <set>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "model/input_error.h"
#include "text/unicode.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

constexpr const char* kLevelWords[] = {"Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Tỉnh", "Huyện",
                                       "Quận", "Xã"};

// "Xã An Hòa Thịnh" → "An Hòa Thịnh": the place in the date line.
std::string place_of(const std::string& name) {
  for (const char* word : kLevelWords) {
    const std::string prefix = std::string(word) + " ";
    if (name.size() > prefix.size() && name_key(name.substr(0, prefix.size())) == name_key(prefix))
      return name.substr(prefix.size());
  }
  return name;
}

// "Xã An Hòa Thịnh" → "xã An Hòa Thịnh": how a sentence names the unit.
std::string in_sentence(const std::string& name) {
  const std::string place = place_of(name);
  if (place == name) return name;
  const std::string word = name.substr(0, name.size() - place.size());
  std::string lowered = word;
  // Only the first letter of the level word changes case; the level words start with X, P, T, H, Q, Đ.
  if (lowered.rfind("Đ", 0) == 0) lowered.replace(0, std::string("Đ").size(), "đ");
  else lowered[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lowered[0])));
  return lowered + place;
}

// "An Hòa Thịnh" under a column "Xã" is "Xã An Hòa Thịnh": lists often leave the level word out of names.
std::string full_name(const UnitTree& tree, const UnitNode& unit) {
  if (unit.level < 0 || place_of(unit.name) != unit.name) return unit.name;
  const std::string& level = tree.levels[static_cast<std::size_t>(unit.level)];
  for (const char* word : kLevelWords)
    if (name_key(level) == name_key(word)) return std::string(word) + " " + unit.name;
  return unit.name;
}

Plan document_of(const UnitTree& tree, int node, const CascadeSpec& spec) {
  const UnitNode& unit = tree.nodes[static_cast<std::size_t>(node)];
  const std::string name = full_name(tree, unit);
  Plan plan;
  plan.file = spec.file;
  plan.year = spec.year;
  plan.issuing_body = spec.issuing_body;
  if (node == 0) {  // several top units: the country, or whoever the file is for
    plan.unit = "";
    plan.place = "";
  } else {
    plan.unit = in_sentence(name);
    plan.place = place_of(name);
  }
  if (unit.parent > 0) plan.parent_body = "UBND " + to_upper(full_name(tree, tree.nodes[static_cast<std::size_t>(unit.parent)]));
  plan.text.template_name = spec.template_name;
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
  std::string text = std::string("kehoach 0.1.0\n") + template_fingerprint + '\n' + (job.plan ? "plan\n" : "table\n") +
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
  text += job.table->unit_label + '\n' + std::to_string(job.table->year) + '\n';
  for (const auto& note : job.table->notes) text += note + '\n';
  return fingerprint(text);
}

}  // namespace

std::string fingerprint(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

std::string folder_name(const std::string& unit_name) {
  std::string out;
  for (char c : fold(unit_name)) out += c == ' ' ? '-' : c;
  return out.empty() ? "don-vi" : out;
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

std::vector<BatchJob> batch_jobs(const UnitTree& tree, const CascadeResult& cascade, const CascadeSpec& spec,
                                 int level, const std::string& template_fingerprint) {
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
      const std::string base = (parent.empty() ? "" : parent + "/") + folder_name(unit.name);
      job.folder = base;
      for (int n = 2; !taken.insert(job.folder).second; ++n) job.folder = base + "-" + std::to_string(n);
      folder_of[node] = job.folder;
    }
    job.plan = unit.level == level;
    job.document = document_of(tree, node, spec);
    job.table = &*cascade.tables[static_cast<std::size_t>(node)];
    job.fingerprint = fingerprint_of(job, template_fingerprint);
    jobs.push_back(std::move(job));
  }
  return jobs;
}

}  // namespace kehoach
