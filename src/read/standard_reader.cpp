#include "read/standard_reader.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "model/household.h"
#include "model/input_error.h"
#include "package/file_bytes.h"
#include "read/yaml_fields.h"
#include "text/number_text.h"

namespace kehoach {
namespace {

constexpr long long kLargestAmount = 1'000'000'000'000;  // 1.000 tỷ đồng: anything above is a typo
constexpr long long kLargestScore = 10'000;               // the review's points are in the hundreds

class StandardParser : private YamlFields {
 public:
  explicit StandardParser(const std::string& path) : YamlFields(path, "tệp chuẩn nghèo") {}

  PovertyStandard parse(const YAML::Node& root) const {
    if (!root.IsMap())
      throw error(root, "tệp chuẩn nghèo phải là danh sách khóa: giá trị (xem chú thích đầu các tệp trong data/standards).");
    allow(root, {"name", "document", "confirmed", "first_year", "last_year", "income", "rural", "urban",
                 "poor_deprivations"});
    PovertyStandard s;
    s.file = path();
    s.name = text(required(root, "name"), "name");
    if (present(root["document"])) s.document = text(root["document"], "document");
    if (present(root["confirmed"])) s.confirmed = yes_or_no(root["confirmed"], "confirmed");
    s.first_year = static_cast<int>(integer(required(root, "first_year"), "first_year", 1900, 2200));
    const YAML::Node last = required(root, "last_year");
    s.last_year = static_cast<int>(integer(last, "last_year", 1900, 2200));
    if (s.last_year < s.first_year)
      throw error(last, "năm cuối (last_year) " + std::to_string(s.last_year) + " trước năm đầu (first_year) " +
                            std::to_string(s.first_year) + ".");
    s.per_year = income_basis(required(root, "income"));
    s.rural = lines(required(root, "rural"), "rural");
    s.urban = lines(required(root, "urban"), "urban");
    s.poor_deprivations = static_cast<int>(
        integer(required(root, "poor_deprivations"), "poor_deprivations", 1, static_cast<long long>(kDeprivationCount)));
    return s;
  }

 private:
  bool yes_or_no(const YAML::Node& node, const char* key) const {
    const std::string value = node.IsScalar() ? node.Scalar() : "";
    if (value == "true") return true;
    if (value == "false") return false;
    throw error(node, std::string("\"") + key + "\" phải là true hoặc false" +
                          (node.IsScalar() ? ", không phải \"" + value + "\"." : "."));
  }

  bool income_basis(const YAML::Node& node) const {
    const std::string value = node.IsScalar() ? node.Scalar() : "";
    if (value == "per_month") return false;
    if (value == "per_year") return true;
    throw error(node, "\"income\" phải là per_month (thu nhập bình quân đầu người một tháng) hoặc per_year "
                      "(một năm)" + (node.IsScalar() ? ", không phải \"" + value + "\"." : "."));
  }

  AreaLines lines(const YAML::Node& node, const char* area) const {
    if (!node.IsMap())
      throw error(node, std::string("\"") + area + "\" phải gồm poor (mức nghèo) và có thể thêm near_poor, middle.");
    allow(node, {"poor", "near_poor", "middle", "poor_score", "middle_score"});
    AreaLines l;
    const YAML::Node poor = required(node, "poor");
    l.poor = amount(poor, "poor");
    if (present(node["near_poor"])) {
      l.near_poor = amount(node["near_poor"], "near_poor");
      if (*l.near_poor <= l.poor) throw not_above(node["near_poor"], area, "near_poor", poor, "poor");
    }
    if (present(node["middle"])) {
      l.middle = amount(node["middle"], "middle");
      if (*l.middle <= l.poor) throw not_above(node["middle"], area, "middle", poor, "poor");
      if (l.near_poor && *l.middle <= *l.near_poor)
        throw not_above(node["middle"], area, "middle", node["near_poor"], "near_poor");
    }
    scores(node, area, l);
    return l;
  }

  void scores(const YAML::Node& node, const char* area, AreaLines& l) const {
    if (present(node["poor_score"])) l.poor_score = integer(node["poor_score"], "poor_score", 1, kLargestScore);
    if (!present(node["middle_score"])) return;
    if (!l.poor_score) throw error(node["middle_score"], std::string(area) + ": có middle_score thì phải có poor_score.");
    l.middle_score = integer(node["middle_score"], "middle_score", 1, kLargestScore);
    if (*l.middle_score <= *l.poor_score)
      throw not_above(node["middle_score"], area, "middle_score", node["poor_score"], "poor_score");
  }

  long long amount(const YAML::Node& node, const char* key) const {
    const CountText parsed = node.IsScalar() ? parse_count(node.Scalar()) : CountText{};
    if (parsed.status != CountText::Status::Ok || parsed.value <= 0 || parsed.value > kLargestAmount)
      throw error(node, std::string("\"") + key + "\" phải là số tiền (đồng) lớn hơn 0, ghi như 1.500.000 hoặc 1500000" +
                            (node.IsScalar() ? ", không phải \"" + node.Scalar() + "\"." : "."));
    return parsed.value;
  }

  InputError not_above(const YAML::Node& node, const char* area, const char* key, const YAML::Node& lower,
                       const char* lower_key) const {
    return error(node, std::string(area) + ": " + key + " (" + node.Scalar() + ") phải cao hơn " + lower_key + " (" +
                           lower.Scalar() + ").");
  }
};

std::string period(const PovertyStandard& s) {
  return s.first_year == s.last_year ? std::to_string(s.first_year)
                                     : std::to_string(s.first_year) + "–" + std::to_string(s.last_year);
}

std::string file_name(const PovertyStandard& s) { return std::filesystem::path(s.file).filename().string(); }

}  // namespace

PovertyStandard parse_standard(const std::string& yaml, const std::string& path) {
  return parse_yaml(yaml, path, [&](const YAML::Node& root) { return StandardParser(path).parse(root); });
}

PovertyStandard read_standard(const std::string& path) { return parse_standard(read_file_bytes(path, InputKind::Yaml), path); }

PovertyStandard standard_for_year(const std::string& folder, int year) {
  namespace fs = std::filesystem;
  std::error_code failed;
  if (!fs::is_directory(folder, failed))
    throw InputError(Location{folder, {}, {}, {}}, "không có thư mục chuẩn nghèo này.");
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(folder, failed)) {
    const std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml")) paths.push_back(entry.path().string());
  }
  if (failed) throw InputError(Location{folder, {}, {}, {}}, "không đọc được thư mục chuẩn nghèo (" + failed.message() + ").");
  std::sort(paths.begin(), paths.end());

  std::vector<PovertyStandard> standards;
  for (const auto& path : paths) standards.push_back(read_standard(path));
  const PovertyStandard* found = nullptr;
  for (const auto& s : standards) {
    if (year < s.first_year || year > s.last_year) continue;
    if (found)
      throw InputError(Location{folder, {}, {}, {}},
                       "năm " + std::to_string(year) + " có hai chuẩn nghèo: " + file_name(*found) + " (" + period(*found) +
                           ") và " + file_name(s) + " (" + period(s) + "); mỗi năm chỉ để một tệp chuẩn nghèo trong thư mục.");
    found = &s;
  }
  if (found) return *found;
  if (standards.empty())
    throw InputError(Location{folder, {}, {}, {}}, "thư mục không có tệp chuẩn nghèo nào (.yaml).");
  std::string list;
  for (const auto& s : standards) list += (list.empty() ? "" : ", ") + period(s) + " (" + file_name(s) + ")";
  throw InputError(Location{folder, {}, {}, {}}, "không có chuẩn nghèo cho năm " + std::to_string(year) +
                                                     "; các chuẩn có trong thư mục: " + list +
                                                     ". Hãy thêm tệp chuẩn nghèo cho năm này.");
}

}  // namespace kehoach
