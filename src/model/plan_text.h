#pragma once
// The words of a plan document beyond its figures, as the plan file gives them. Everything is
// optional: the template holds the default wording, and the model fills sensible defaults.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kehoach {

struct Agency {
  std::string name;                 // "Công chức Lao động - Thương binh và Xã hội"
  std::vector<std::string> tasks;   // one paragraph each
};

struct ProjectText {
  std::string note;                       // "không thực hiện do …"
  std::vector<std::string> paragraphs;
  std::map<int, ProjectText> subprojects;  // by number (Tiểu dự án 1, 2, …)
};

struct Signature {
  std::string authority;  // "TM. ỦY BAN NHÂN DÂN"
  std::string deputy;     // "KT. CHỦ TỊCH", or empty
  std::string title;      // "PHÓ CHỦ TỊCH"
  std::string name;       // "Nguyễn Văn Hưng"
};

struct PlanText {
  std::string template_name;          // a shipped template, or a path to a .docx or a folder; the plan
                                      // reader fills it from the issuer when the file does not
  std::string title = "KẾ HOẠCH";
  std::string summary;                // trích yếu; "\n" separates lines
  std::vector<std::string> legal_bases;
  std::string preamble;
  std::vector<std::string> goals;
  std::vector<Agency> agencies;
  std::vector<std::string> reporting;
  std::vector<std::string> recipients;
  Signature signature;
  std::map<std::string, std::vector<std::string>> sections;  // key -> paragraphs replacing the template's
  std::map<int, ProjectText> projects;                       // by project number (Dự án 1–7)
  int projects_line = 0;                                     // plan file line of "projects:", for messages
  std::map<std::string, int> section_lines;                  // key -> plan file line, for messages
};

}  // namespace kehoach
