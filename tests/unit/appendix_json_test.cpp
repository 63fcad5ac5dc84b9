#include <doctest/doctest.h>

#include <Poco/JSON/Parser.h>

#include "appendix_fixture.h"
#include "write/appendix_json.h"

using namespace kehoach;

TEST_CASE("the JSON appendix carries every unit's counts, rates and whether its figure was fixed") {
  const std::string json = appendix_json(testing::small_plan(), testing::small_table());
  Poco::JSON::Object::Ptr root = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  CHECK(root->getValue<int>("year") == 2023);
  CHECK(root->getValue<std::string>("document_number") == "90/KH-UBND");
  CHECK(root->getValue<bool>("draft") == false);
  CHECK(root->getValue<std::string>("attachment") ==
        "(Kèm theo Kế hoạch số 90/KH-UBND ngày 23 tháng 02 năm 2023 của Ủy ban nhân dân huyện Thanh Trì)");
  auto units = root->getArray("units");
  REQUIRE(units->size() == 3);
  auto dai_ang = units->getObject(0);
  CHECK(dai_ang->getValue<std::string>("name") == "Đại Áng");
  auto near = dai_ang->getObject("near_poor");
  // 12 - 3 (Tứ Hiệp, all) = 9 shared by 62 and 17: 7,06 -> 7 and 1,94 -> 2.
  CHECK(near->getValue<long long>("reduction") == 7);
  CHECK(near->getValue<double>("start_rate") == doctest::Approx(1.78));
  CHECK(near->getValue<bool>("fixed") == false);
  CHECK(units->getObject(1)->getObject("near_poor")->getValue<bool>("fixed") == true);
  CHECK(units->getObject(2)->getObject("near_poor")->getValue<long long>("reduction") == 2);
  auto total = root->getObject("total")->getObject("near_poor");
  CHECK(total->getValue<long long>("start") == 82);
  CHECK(total->getValue<long long>("reduction") == 12);
  CHECK(total->getValue<long long>("end") == 70);
  CHECK_FALSE(root->getObject("total")->has("poor"));
}
