#include "read/plan_text_reader.h"

namespace kehoach {
namespace {

std::vector<Agency> agencies(const YAML::Node& node, const YamlFields& f) {
  if (!node.IsSequence()) throw f.error(node, "\"agencies\" phải là danh sách, mỗi mục có name và tasks.");
  std::vector<Agency> list;
  for (const auto& item : node) {
    if (!item.IsMap()) throw f.error(item, "mỗi mục của \"agencies\" phải có name (tên cơ quan) và tasks (nhiệm vụ).");
    f.allow(item, {"name", "tasks"});
    Agency agency{f.text(f.required(item, "name"), "name"), {}};
    if (YamlFields::present(item["tasks"])) agency.tasks = f.paragraphs(item["tasks"], "tasks");
    list.push_back(std::move(agency));
  }
  return list;
}

Signature signature(const YAML::Node& node, const YamlFields& f) {
  if (!node.IsMap()) throw f.error(node, "\"signature\" phải gồm authority, deputy, title, name.");
  f.allow(node, {"authority", "deputy", "title", "name"});
  Signature s;
  if (YamlFields::present(node["authority"])) s.authority = f.text(node["authority"], "authority");
  if (YamlFields::present(node["deputy"])) s.deputy = f.text(node["deputy"], "deputy");
  if (YamlFields::present(node["title"])) s.title = f.text(node["title"], "title");
  if (YamlFields::present(node["name"])) s.name = f.text(node["name"], "name");
  return s;
}

ProjectText project(const YAML::Node& node, const YamlFields& f, bool allow_subprojects);

std::map<int, ProjectText> projects(const YAML::Node& node, const YamlFields& f, bool allow_subprojects,
                                    const char* key, int highest) {
  if (!node.IsMap()) throw f.error(node, std::string("\"") + key + "\" phải ghi theo số: 1: …, 2: ….");
  std::map<int, ProjectText> list;
  for (const auto& entry : node) {
    const int number = static_cast<int>(f.integer(entry.first, key, 1, highest));
    list[number] = project(entry.second, f, allow_subprojects);
  }
  return list;
}

// A project is its text, or { note, text, subprojects }.
ProjectText project(const YAML::Node& node, const YamlFields& f, bool allow_subprojects) {
  ProjectText p;
  if (node.IsScalar()) {
    p.paragraphs = split_paragraphs(node.Scalar());
    return p;
  }
  if (!node.IsMap()) throw f.error(node, "mỗi dự án là một đoạn chữ, hoặc gồm note, text, subprojects.");
  if (allow_subprojects) f.allow(node, {"note", "text", "subprojects"});
  else f.allow(node, {"note", "text"});
  if (YamlFields::present(node["note"])) p.note = f.text(node["note"], "note");
  if (YamlFields::present(node["text"])) p.paragraphs = f.paragraphs(node["text"], "text");
  if (allow_subprojects && YamlFields::present(node["subprojects"]))
    p.subprojects = projects(node["subprojects"], f, false, "subprojects", 9);
  return p;
}

void sections(const YAML::Node& node, const YamlFields& f, PlanText& text) {
  if (!node.IsMap()) throw f.error(node, "\"sections\" phải ghi theo tên phần: tên: chữ thay cho chữ mặc định của mẫu.");
  for (const auto& entry : node) {
    const std::string key = f.key(entry.first);
    text.sections[key] = f.paragraphs(entry.second, key.c_str());
    text.section_lines[key] = entry.first.Mark().line + 1;
  }
}

}  // namespace

PlanText read_plan_text(const YAML::Node& root, const YamlFields& f) {
  PlanText text;
  auto has = [&](const char* key) { return YamlFields::present(root[key]); };
  if (has("template")) text.template_name = f.text(root["template"], "template");
  if (has("title")) text.title = f.text(root["title"], "title");
  if (has("summary")) text.summary = f.block(root["summary"], "summary");
  if (has("legal_bases")) text.legal_bases = f.paragraphs(root["legal_bases"], "legal_bases");
  if (has("preamble")) text.preamble = f.text(root["preamble"], "preamble");
  if (has("goals")) text.goals = f.paragraphs(root["goals"], "goals");
  if (has("agencies")) text.agencies = agencies(root["agencies"], f);
  if (has("reporting")) text.reporting = f.paragraphs(root["reporting"], "reporting");
  if (has("recipients")) text.recipients = f.paragraphs(root["recipients"], "recipients");
  if (has("signature")) text.signature = signature(root["signature"], f);
  if (has("sections")) sections(root["sections"], f, text);
  if (has("projects")) {
    text.projects = projects(root["projects"], f, true, "projects", 7);
    for (const auto& entry : root)  // the line of the key, where the officer wrote "projects:"
      if (entry.first.Scalar() == "projects") text.projects_line = entry.first.Mark().line + 1;
  }
  return text;
}

}  // namespace kehoach
