#include "read/programme_reader.h"

#include <algorithm>
#include <filesystem>

#include "package/file_bytes.h"
#include "read/parsed_once.h"
#include "read/template_locator.h"
#include "read/yaml_fields.h"

namespace kehoach {
namespace {

class ProgrammeParser : private YamlFields {
 public:
  explicit ProgrammeParser(const std::string& path) : YamlFields(path, "tệp chương trình") {}

  NationalProgramme parse(const YAML::Node& root) const {
    if (!root.IsMap()) throw error(root, "tệp chương trình phải gồm name, source, first_year, last_year, projects.");
    allow(root, {"name", "source", "first_year", "last_year", "projects"});
    NationalProgramme programme;
    programme.file = path();
    programme.name = text(required(root, "name"), "name");
    if (present(root["source"])) programme.source = text(root["source"], "source");
    programme.first_year = static_cast<int>(integer(required(root, "first_year"), "first_year", 2000, 2200));
    programme.last_year =
        static_cast<int>(integer(required(root, "last_year"), "last_year", programme.first_year, 2200));
    const YAML::Node& projects = required(root, "projects");
    if (!projects.IsSequence() || projects.size() == 0)
      throw error(projects, "\"projects\" phải là danh sách dự án, mỗi dự án có number và name.");
    for (const auto& node : projects) programme.projects.push_back(project(node, programme.projects.size() + 1));
    return programme;
  }

 private:
  // Projects are numbered in order, as the decision numbers them: Dự án 1, 2, …
  ProgrammeProject project(const YAML::Node& node, std::size_t expected) const {
    if (!node.IsMap()) throw error(node, "mỗi dự án phải gồm number, name (và subprojects).");
    allow(node, {"number", "name", "subprojects"});
    ProgrammeProject project;
    project.number = static_cast<int>(integer(required(node, "number"), "number", 1, 99));
    if (static_cast<std::size_t>(project.number) != expected)
      throw error(node["number"], "dự án thứ " + std::to_string(expected) + " phải có number: " + std::to_string(expected) +
                                      " (các dự án ghi theo thứ tự).");
    project.name = text(required(node, "name"), "name");
    if (present(node["subprojects"])) project.subprojects = paragraphs(node["subprojects"], "subprojects");
    return project;
  }
};

}  // namespace

NationalProgramme parse_programme(const std::string& yaml, const std::string& path) {
  return parse_yaml(yaml, path, [&](const YAML::Node& root) { return ProgrammeParser(path).parse(root); });
}

NationalProgramme read_programme(const std::string& path) {
  return parsed_once<NationalProgramme>(path, read_file_bytes(path, InputKind::Yaml), parse_programme);
}

std::vector<NationalProgramme> shipped_programmes() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(programmes_folder()))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<NationalProgramme> programmes;
  for (const auto& file : files) programmes.push_back(read_programme(file.string()));
  return programmes;
}

std::shared_ptr<const NationalProgramme> shipped_programme(int year) {
  const std::vector<NationalProgramme> programmes = shipped_programmes();
  const NationalProgramme* chosen = programme_for_year(programmes, year);
  return chosen ? std::make_shared<const NationalProgramme>(*chosen) : nullptr;
}

}  // namespace kehoach
