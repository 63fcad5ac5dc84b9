#include "read/yaml_fields.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "read/unit_cells.h"
#include "text/hidden_characters.h"
#include "text/number_text.h"
#include "text/unicode.h"

namespace kehoach {

// 2022-01-05 or 05/01/2022; a draft may leave the day blank: 2022-01 or 01/2022.
Date YamlFields::date(const YAML::Node& node) const {
  const std::string value = node.IsScalar() ? node.Scalar() : "";
  Date d;
  char a = 0, b = 0;
  std::istringstream in(value);
  bool ok = false;
  const int separators = static_cast<int>(std::count_if(value.begin(), value.end(), [](char c) { return c == '-' || c == '/'; }));
  if (value.find('-') != std::string::npos)
    ok = separators == 2 ? (in >> d.year >> a >> d.month >> b >> d.day) && a == '-' && b == '-'
                         : (in >> d.year >> a >> d.month) && a == '-';
  else
    ok = separators == 2 ? (in >> d.day >> a >> d.month >> b >> d.year) && a == '/' && b == '/'
                         : (in >> d.month >> a >> d.year) && a == '/';
  // The day is checked once the month is known to be one (days_in_month reads a table by month).
  ok = ok && in.peek() == EOF && d.year > 1900 && d.month >= 1 && d.month <= 12 &&
       (separators == 1 || (d.day >= 1 && d.day <= days_in_month(d.year, d.month)));
  if (!ok)
    throw error(node, "ngày \"" + value + "\" không hợp lệ; hãy ghi dạng 2022-01-05 hoặc 05/01/2022 "
                      "(dự thảo chưa có ngày: 2022-01 hoặc 01/2022).");
  return d;
}

InputError YamlFields::error(const YAML::Node& node, const std::string& problem) const {
  Location where{path_, {}, {}, {}};
  if (node.Mark().line >= 0) where.row = node.Mark().line + 1;
  return InputError(where, problem);
}

std::string YamlFields::key(const YAML::Node& node) const {
  if (node.IsScalar()) return node.Scalar();
  throw error(node, node.IsSequence() || node.IsMap()
                        ? "khóa phải là một chữ hoặc tên (ví dụ \"year: 2022\"), không phải danh sách hay nhóm khóa."
                        : "khóa trống; mỗi khóa phải là một chữ hoặc tên, ví dụ \"year: 2022\".");
}

std::string YamlFields::unit_name(const YAML::Node& node, const char* key) const {
  if (!node.IsScalar()) throw error(node, std::string("\"") + key + "\" phải là một dòng chữ.");
  return checked_unit_name(node, clean_text(node.Scalar()));
}

std::string YamlFields::checked_unit_name(const YAML::Node& node, std::string name) const {
  if (const std::string problem = unit_name_problem(name); !problem.empty()) throw error(node, problem);
  return name;
}

void YamlFields::allow(const YAML::Node& map, std::initializer_list<const char*> keys) const {
  const std::set<std::string> known(keys.begin(), keys.end());
  for (const auto& entry : map) {
    const std::string key = this->key(entry.first);
    if (known.count(key)) continue;
    std::string list;
    for (const char* k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
    throw error(entry.first, "khóa \"" + key + "\" không có trong mẫu " + kind_ + "; các khóa dùng được ở đây: " + list + ".");
  }
}

YAML::Node YamlFields::required(const YAML::Node& map, const char* key) const {
  YAML::Node node = map[key];
  if (!present(node)) throw error(map, std::string("thiếu khóa \"") + key + "\".");
  return node;
}

std::string YamlFields::text(const YAML::Node& node, const char* key) const {
  if (!node.IsScalar()) throw error(node, std::string("\"") + key + "\" phải là một dòng chữ.");
  std::string line = clean_text(node.Scalar());
  // A one-line text is a name or a title: printed on the terminal as well as in documents, it has no
  // use for a control ("\e" in a quoted YAML string), a bidi override or a zero-width character.
  if (const auto hidden = first_hidden_character(line))
    throw error(node, std::string("\"") + key + "\" có ký tự ẩn " + code_point_label(hidden->code_point) +
                          " (ký tự điều khiển, đổi chiều chữ hoặc không có độ rộng); hãy gõ lại dòng này.");
  return line;
}

std::string YamlFields::block(const YAML::Node& node, const char* key) const {
  if (!node.IsScalar()) throw error(node, std::string("\"") + key + "\" phải là chữ.");
  std::string out;
  std::istringstream lines(to_nfc(node.Scalar()));
  for (std::string line; std::getline(lines, line);) {
    line = clean_text(line);
    if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
  }
  return out;
}

long long YamlFields::integer(const YAML::Node& node, const char* key, long long low, long long high) const {
  const CountText parsed = node.IsScalar() ? parse_count(node.Scalar()) : CountText{};
  if (parsed.status != CountText::Status::Ok || parsed.value < low || parsed.value > high)
    throw error(node, std::string("\"") + key + "\" phải là số nguyên từ " + std::to_string(low) + " đến " +
                          std::to_string(high) + (node.IsScalar() ? ", không phải \"" + node.Scalar() + "\"." : "."));
  return parsed.value;
}

std::vector<std::string> YamlFields::paragraphs(const YAML::Node& node, const char* key) const {
  if (node.IsScalar()) return split_paragraphs(node.Scalar());
  if (!node.IsSequence())
    throw error(node, std::string("\"") + key + "\" phải là danh sách (mỗi dòng bắt đầu bằng \"- \") hoặc một đoạn chữ.");
  std::vector<std::string> items;
  for (const auto& item : node) {
    // "- Lưu: VT, LĐTBXH" reads in YAML as a one-key map; the officer meant the text as written.
    if (item.IsMap() && item.size() == 1 && item.begin()->first.IsScalar() && item.begin()->second.IsScalar())
      items.push_back(clean_text(item.begin()->first.Scalar() + ": " + item.begin()->second.Scalar()));
    else
      items.push_back(text(item, key));
  }
  return items;
}

std::vector<std::string> split_paragraphs(const std::string& text) {
  std::vector<std::string> paragraphs;
  std::string current;
  std::istringstream lines(to_nfc(text));
  for (std::string line; std::getline(lines, line);) {
    line = clean_text(line);
    if (line.empty()) {
      if (!current.empty()) paragraphs.push_back(current);
      current.clear();
    } else {
      current += (current.empty() ? "" : " ") + line;
    }
  }
  if (!current.empty()) paragraphs.push_back(current);
  return paragraphs;
}

namespace {

// Reads the document's events only to find an alias; throws at the first one.
class AliasFinder : public YAML::EventHandler {
 public:
  explicit AliasFinder(const std::string& path) : path_(path) {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw InputError(Location{path_, mark.line + 1, {}, {}},
                     "kehoach không nhận bí danh YAML (\"*tên\" trỏ về \"&tên\"); hãy chép nội dung vào chỗ cần "
                     "dùng.");
  }
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

 private:
  const std::string& path_;
};

// The first document, as YAML::Load reads it, searched for aliases before it is built.
void refuse_aliases(const std::string& text, const std::string& path) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  AliasFinder finder(path);
  parser.HandleNextDocument(finder);
}

}  // namespace

InputError yaml_shape_error(const YAML::Exception& e, const std::string& path) {
  Location where{path, {}, {}, {}};
  if (!e.mark.is_null()) where.row = e.mark.line + 1;
  return InputError(where, "cấu trúc tệp YAML không như kehoach cần ở đây (" + e.msg +
                               "); hãy so với ví dụ trong README.");
}

YAML::Node load_yaml(const std::string& text, const std::string& path) {
  try {
    refuse_aliases(text, path);
    return YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's parser stops at its depth guard, and says "bad file"
    throw InputError(Location{path, e.mark.line + 1, {}, {}},
                     "tệp YAML lồng quá sâu (danh sách trong danh sách, khóa trong khóa quá nhiều tầng).");
  } catch (const YAML::ParserException& e) {
    const std::string hint = e.msg.find("map") != std::string::npos
                                 ? " Nếu dòng chữ có dấu hai chấm (:), hãy đặt cả câu trong dấu ngoặc kép \"…\"."
                                 : "";
    throw InputError(Location{path, e.mark.line + 1, {}, {}}, "tệp YAML sai cú pháp (" + e.msg + ")." + hint);
  }
}

}  // namespace kehoach
