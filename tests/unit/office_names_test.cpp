#include <doctest/doctest.h>

#include "model/input_error.h"
#include "model/office_names.h"
#include "read/office_reader.h"
#include "test_support.h"

using namespace kehoach;

namespace {

const OfficeBook& shipped() {
  static const OfficeBook book = read_office_book(KEHOACH_OFFICES);
  return book;
}

std::string name_of(const std::string& role, const std::string& level, Date date) {
  const auto offices = offices_in_force(shipped(), level, date);
  auto found = offices.find(role);
  return found == offices.end() ? "(none)" : found->second.name;
}

std::string abbreviation_of(const std::string& level, Date date) {
  return offices_in_force(shipped(), level, date).at("poverty").abbreviation;
}

}  // namespace

TEST_CASE("a commune's poverty office is the labour civil servant until July 2025, then the economic office") {
  CHECK(name_of("poverty", "Xã", {2022, 3, 15}) == "Công chức Lao động - Thương binh và Xã hội");
  CHECK(abbreviation_of("Xã", {2022, 3, 15}) == "LĐTBXH");
  CHECK(name_of("poverty", "Xã", {2025, 6, 30}) == "Công chức Lao động - Thương binh và Xã hội");
  CHECK(name_of("poverty", "Xã", {2025, 7, 1}) == "Phòng Kinh tế");
  CHECK(abbreviation_of("Xã", {2026, 1, 1}) == "KT");
  CHECK(name_of("poverty", "Phường", {2026, 1, 1}) == "Phòng Kinh tế, Hạ tầng và Đô thị");
  CHECK(name_of("poverty", "Đặc khu", {2026, 1, 1}) == "Phòng Kinh tế");
}

TEST_CASE("a district's offices are those of its time, and the province department changes with the merger") {
  CHECK(name_of("poverty", "Huyện", {2023, 2, 23}) == "Phòng Lao động - Thương binh và Xã hội");
  CHECK(name_of("agriculture", "Quận", {2022, 1, 1}) == "Phòng Nông nghiệp và Phát triển nông thôn");
  CHECK(name_of("province_poverty", "Huyện", {2022, 1, 1}) == "Sở Lao động - Thương binh và Xã hội");
  CHECK(name_of("province_poverty", "Huyện", {2025, 4, 1}) == "Sở Nông nghiệp và Môi trường");
  // A commune that fills the district template still gets a name for every office it mentions.
  CHECK(name_of("finance", "Xã", {2022, 1, 1}) == "Phòng Tài chính - Kế hoạch");
  CHECK(name_of("poverty", "Xã", {1999, 1, 1}) == "(none)");
}

TEST_CASE("an organisation or an unknown level gets the general names and an archive line without an office") {
  CHECK(name_of("poverty", "", {2022, 1, 1}) == "Bộ phận phụ trách công tác giảm nghèo");
  CHECK(abbreviation_of("", {2026, 1, 1}).empty());
  const auto offices = offices_in_force(shipped(), "", {2022, 1, 1});
  CHECK(offices.at("poverty").mention == "bộ phận phụ trách công tác giảm nghèo");
}

TEST_CASE("every shipped name says where it comes from, and the unconfirmed ones say so") {
  int unconfirmed = 0;
  for (const auto& office : shipped().names) {
    if (!office.levels.empty()) CHECK_MESSAGE(!office.source.empty(), office.name);
    unconfirmed += !office.confirmed;
  }
  CHECK(unconfirmed >= 3);
  // The mention defaults to the name.
  CHECK(offices_in_force(shipped(), "Xã", {2026, 1, 1}).at("poverty").mention == "Phòng Kinh tế");
}

TEST_CASE("a document's date chooses its names, a draft without one takes 1 January of its year") {
  CHECK(naming_date(std::nullopt, 2026).year == 2026);
  CHECK(naming_date(std::nullopt, 2026).month == 1);
  const Date blank_day = naming_date(Date{2022, 1, 0}, 2022);
  CHECK(blank_day.day == 1);
  CHECK(naming_date(Date{2025, 7, 15}, 2025).day == 15);
}

TEST_CASE("an office file with a level that is not one is refused at its line") {
  const std::string message = testing::error_of([] {
    parse_office_book("poverty:\n  - levels: [Thôn]\n    from: 2025-07-01\n    name: Phòng Kinh tế\n", "co-quan.yaml");
  });
  CHECK(message.find("co-quan.yaml:2") != std::string::npos);
  CHECK(message.find("\"Thôn\" không phải cấp ban hành kế hoạch") != std::string::npos);
  CHECK_THROWS_AS(parse_office_book("poverty:\n  - from: 2025-07-01\n    name: A\n    colour: red\n", "co-quan.yaml"), InputError);
}
