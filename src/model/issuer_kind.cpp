#include "model/issuer_kind.h"

#include <initializer_list>
#include <string_view>

#include "model/unit_level.h"
#include "text/unicode.h"

namespace kehoach {
namespace {

bool starts_with_any(const std::string& folded, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words)
    if (folded.compare(0, word.size(), word) == 0 && (folded.size() == word.size() || folded[word.size()] == ' '))
      return true;
  return false;
}

bool has_word(const std::string& folded, std::string_view words) {
  const std::string padded = " " + folded + " ";
  return padded.find(" " + std::string(words) + " ") != std::string::npos;
}

// Mass organisations name themselves first: "Hội …", "Đoàn …", "Mặt trận …", "Liên đoàn …".
bool is_organisation(const std::string& folded) {
  if (starts_with_any(folded, {"hoi dong"})) return false;  // Hội đồng nhân dân is the council, not a union
  return starts_with_any(folded, {"hoi", "doan", "mat tran", "uy ban mat tran", "lien doan", "cong doan",
                                  "hlhpn", "hpn", "mttq", "uy ban mttq"});
}

bool is_women_union(const std::string& folded) {
  return has_word(folded, "phu nu") || has_word(folded, "lhpn") || has_word(folded, "hlhpn") || has_word(folded, "hpn");
}

}  // namespace

IssuerKind issuer_kind(const std::string& body, const std::string& unit, const std::string& parent) {
  const std::string unit_folded = fold(unit), body_folded = fold(body);
  if (is_organisation(unit_folded) || is_organisation(body_folded)) {
    return is_women_union(unit_folded) || is_women_union(body_folded) ? IssuerKind::WomenUnion
                                                                      : IssuerKind::Organisation;
  }
  const UnitLevel* level = split_level(area_of(unit)).level;
  if (!level) return IssuerKind::Unknown;
  switch (level->tier) {
    case Tier::Commune: return IssuerKind::Commune;
    case Tier::Province: return IssuerKind::Province;
    case Tier::Village: return IssuerKind::Unknown;
    case Tier::District: break;
  }
  if (std::string_view(level->word) != "Thành phố") return IssuerKind::District;
  const std::string above = fold(parent);
  return has_word(above, "tinh") || has_word(above, "thanh pho") || has_word(above, "tp") ? IssuerKind::District
                                                                                         : IssuerKind::Province;
}

std::string template_for(IssuerKind kind) {
  switch (kind) {
    case IssuerKind::Commune: return "xa";
    case IssuerKind::District: return "huyen";
    case IssuerKind::WomenUnion: return "hoi-phu-nu";
    default: return "";
  }
}

std::string kind_description(IssuerKind kind) {
  switch (kind) {
    case IssuerKind::Organisation: return "chưa có mẫu cho tổ chức này (mẫu hoi-phu-nu viết cho Hội Liên hiệp Phụ nữ)";
    case IssuerKind::Province: return "chưa có mẫu cho cấp tỉnh, thành phố trực thuộc trung ương";
    case IssuerKind::Unknown: return "tên đơn vị không cho biết cấp (xã, phường, huyện, quận…)";
    default: return "";
  }
}

}  // namespace kehoach
