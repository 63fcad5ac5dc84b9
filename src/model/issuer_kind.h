#pragma once
// Who issues a plan, read from the issuer's names: a commune's or a district's people's committee,
// the Women's Union or another mass organisation. The shipped templates are written for one kind
// each, so the kind chooses the template when the plan file does not.
#include <string>

namespace kehoach {

enum class IssuerKind {
  Commune,       // Ủy ban nhân dân xã, phường, thị trấn, đặc khu
  District,      // Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh
  WomenUnion,    // Hội Liên hiệp Phụ nữ
  Organisation,  // another mass organisation: Hội Nông dân, Đoàn Thanh niên, Mặt trận Tổ quốc, …
  Province,      // a province or a centrally-run city
  Unknown,       // a unit without a level word
};

// `body` "Ủy ban nhân dân" / "Ban Thường vụ", `unit` "xã An Hòa Thịnh" / "Hội LHPN huyện Hóc Môn",
// `parent` the header line above ("UBND TỈNH ĐỒNG THÁP"): a "thành phố" under a province or a city is
// a district-level city, one without is taken for a centrally-run city.
IssuerKind issuer_kind(const std::string& body, const std::string& unit, const std::string& parent);

// The shipped template written for the kind ("xa", "huyen", "hoi-phu-nu"); empty when none is.
std::string template_for(IssuerKind kind);

// Why no shipped template fits, for the message that asks for a template key.
std::string kind_description(IssuerKind kind);

}  // namespace kehoach
