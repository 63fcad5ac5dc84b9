#include <doctest/doctest.h>

#include <string>

#include "write/batch_index.h"

using namespace kehoach;

TEST_CASE("a CSV field that Excel or LibreOffice would run as a formula starts with an apostrophe") {
  CHECK(csv_field("=HYPERLINK(\"http://x\",\"Thôn 1\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"Thôn 1\"\")\"");
  CHECK(csv_field("+Thôn") == "'+Thôn");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\t=1") == "'\t=1");
  CHECK(csv_field("\r=1") == "\"'\r=1\"");
  // Names as units have them, and the figures' rates, stay as they are.
  CHECK(csv_field("Xã An Hòa Thịnh") == "Xã An Hòa Thịnh");
  CHECK(csv_field("Thôn 1 - Bắc") == "Thôn 1 - Bắc");
  CHECK(csv_field("3,19") == "\"3,19\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("index.csv neutralises every text it writes and notes shortened folders in a column of its own") {
  BatchIndex index;
  index.title = "Chỉ tiêu";
  index.indicator_labels = {"Hộ nghèo"};
  index.entries.push_back({"=1+1", "@Xã", 100, {{5, 1, 4, "-4,00"}}, "=x/ke-hoach.docx", "=x/phu-luc.xlsx", ""});
  const std::string csv = index_csv(index);
  CHECK(csv.find("\n'=1+1,'@Xã,100,5,1,4,\"'-4,00\",'=x/ke-hoach.docx,'=x/phu-luc.xlsx\n") != std::string::npos);
  CHECK(csv.find("Ghi chú") == std::string::npos);  // no note, no column: the index as it always was

  index.entries.push_back({"Xã Dài", "Xã", 10, {{1, 0, 1, "10,00"}}, "xa-dai-1a2b3c4d/ke-hoach.docx",
                           "xa-dai-1a2b3c4d/phu-luc.xlsx", "tên thư mục được rút ngắn vì tên đơn vị quá dài"});
  const std::string noted = index_csv(index);
  CHECK(noted.find(",Kế hoạch,Phụ lục,Ghi chú\n") != std::string::npos);
  CHECK(noted.find(",'=x/phu-luc.xlsx,\n") != std::string::npos);
  CHECK(noted.find(",xa-dai-1a2b3c4d/phu-luc.xlsx,tên thư mục được rút ngắn vì tên đơn vị quá dài\n") != std::string::npos);
  CHECK(index_html(index).find("<td>tên thư mục được rút ngắn vì tên đơn vị quá dài</td>") != std::string::npos);
}
