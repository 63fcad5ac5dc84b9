#include <doctest/doctest.h>

#include "model/issuer_kind.h"

using namespace kehoach;

TEST_CASE("a people's committee of a commune, ward, town or special zone gets the commune template") {
  CHECK(template_for(issuer_kind("Ủy ban nhân dân", "xã An Hòa Thịnh", "UBND HUYỆN HƯƠNG SƠN")) == "xa");
  CHECK(template_for(issuer_kind("Ủy ban nhân dân", "phường Bắc Hồng Lĩnh", "UBND TỈNH HÀ TĨNH")) == "xa");
  CHECK(template_for(issuer_kind("Ủy ban nhân dân", "thị trấn Văn Điển", "")) == "xa");
  CHECK(template_for(issuer_kind("Ủy ban nhân dân", "đặc khu Phú Quốc", "")) == "xa");
}

TEST_CASE("a district, urban district, town or provincial city gets the district template") {
  CHECK(template_for(issuer_kind("Ủy ban nhân dân", "huyện Thanh Trì", "UBND THÀNH PHỐ HÀ NỘI")) == "huyen");
  CHECK(template_for(issuer_kind("Ủy ban nhân dân", "quận Gò Vấp", "UBND THÀNH PHỐ HỒ CHÍ MINH")) == "huyen");
  CHECK(template_for(issuer_kind("Ủy ban nhân dân", "thị xã Hồng Lĩnh", "UBND TỈNH HÀ TĨNH")) == "huyen");
  CHECK(template_for(issuer_kind("Ủy ban nhân dân", "thành phố Hà Tĩnh", "UBND TỈNH HÀ TĨNH")) == "huyen");
  CHECK(issuer_kind("Ủy ban nhân dân", "thành phố Hà Nội", "") == IssuerKind::Province);
}

TEST_CASE("the Women's Union gets its template, other organisations none") {
  CHECK(template_for(issuer_kind("Ban Thường vụ", "Hội LHPN huyện Hóc Môn", "HỘI LHPN TP. HỒ CHÍ MINH")) == "hoi-phu-nu");
  CHECK(template_for(issuer_kind("Ban Chấp hành", "Hội Liên hiệp Phụ nữ xã Sơn Tây", "")) == "hoi-phu-nu");
  CHECK(issuer_kind("Ban Thường vụ", "Hội Nông dân huyện Hóc Môn", "") == IssuerKind::Organisation);
  CHECK(issuer_kind("Ban Thường vụ", "Đoàn Thanh niên xã Phú Hòa", "") == IssuerKind::Organisation);
  CHECK(issuer_kind("Ban Thường trực", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hồng Ngự", "") == IssuerKind::Organisation);
  CHECK(template_for(IssuerKind::Organisation).empty());
}

TEST_CASE("a unit whose name has no level, or a province, gets no template") {
  CHECK(issuer_kind("Ủy ban nhân dân", "An Hòa Thịnh", "") == IssuerKind::Unknown);
  CHECK(issuer_kind("Ủy ban nhân dân", "tỉnh Hà Tĩnh", "") == IssuerKind::Province);
  CHECK(issuer_kind("Hội đồng nhân dân", "xã An Hòa Thịnh", "") == IssuerKind::Commune);
  CHECK(template_for(IssuerKind::Province).empty());
  CHECK_FALSE(kind_description(IssuerKind::Unknown).empty());
}
