#include "read/office_reader.h"

#include "model/unit_level.h"
#include "package/file_bytes.h"
#include "read/parsed_once.h"
#include "read/template_locator.h"
#include "read/yaml_fields.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

class OfficeParser : private YamlFields {
 public:
  explicit OfficeParser(const std::string& path) : YamlFields(path, "tệp tên cơ quan") {}

  OfficeBook parse(const YAML::Node& root) const {
    if (!root.IsMap())
      throw error(root, "tệp tên cơ quan phải ghi theo vai trò: poverty: [ … ] (xem chú thích đầu tệp data/offices/co-quan.yaml).");
    OfficeBook book;
    book.file = path();
    for (const auto& entry : root) {
      const std::string role = key(entry.first);
      if (!entry.second.IsSequence() || entry.second.size() == 0)
        throw error(entry.first, "vai trò \"" + role + "\" phải là danh sách tên, mỗi tên có from và name.");
      for (const auto& item : entry.second) book.names.push_back(office(role, item));
    }
    return book;
  }

 private:
  OfficeName office(const std::string& role, const YAML::Node& node) const {
    if (!node.IsMap()) throw error(node, "mỗi tên của \"" + role + "\" phải gồm from, name (và levels, abbreviation, source).");
    allow(node, {"levels", "from", "name", "mention", "abbreviation", "source", "confirmed"});
    OfficeName office;
    office.role = role;
    office.from = date(required(node, "from"));
    if (office.from.day == 0) office.from.day = 1;
    office.name = text(required(node, "name"), "name");
    if (present(node["mention"])) office.mention = text(node["mention"], "mention");
    if (node["abbreviation"] && node["abbreviation"].IsScalar()) office.abbreviation = clean_text(node["abbreviation"].Scalar());
    if (present(node["source"])) office.source = block(node["source"], "source");
    if (present(node["confirmed"])) office.confirmed = flag(node["confirmed"]);
    if (present(node["levels"])) office.levels = levels(node["levels"]);
    return office;
  }

  std::vector<std::string> levels(const YAML::Node& node) const {
    if (!node.IsSequence()) throw error(node, "\"levels\" phải là danh sách cấp, ví dụ [Xã, Phường].");
    std::vector<std::string> words;
    for (const auto& item : node) {
      const UnitLevel* level = item.IsScalar() ? level_named(item.Scalar()) : nullptr;
      if (!level || level->tier == Tier::Village)
        throw error(item, "\"" + (item.IsScalar() ? item.Scalar() : std::string()) +
                              "\" không phải cấp ban hành kế hoạch; ghi Xã, Phường, Thị trấn, Đặc khu, Huyện, Quận, "
                              "Thị xã, Thành phố hoặc Tỉnh.");
      words.emplace_back(level->word);
    }
    return words;
  }

  bool flag(const YAML::Node& node) const {
    const std::string value = node.IsScalar() ? fold(node.Scalar()) : "";
    if (value == "true" || value == "yes") return true;
    if (value == "false" || value == "no") return false;
    throw error(node, "\"confirmed\" phải là true hoặc false.");
  }
};

}  // namespace

OfficeBook parse_office_book(const std::string& yaml, const std::string& path) {
  return parse_yaml(yaml, path, [&](const YAML::Node& root) { return OfficeParser(path).parse(root); });
}

OfficeBook read_office_book(const std::string& path) {
  return parsed_once<OfficeBook>(path, read_file_bytes(path, InputKind::Yaml), parse_office_book);
}

OfficeBook shipped_office_book() { return read_office_book(offices_file()); }

}  // namespace kehoach
