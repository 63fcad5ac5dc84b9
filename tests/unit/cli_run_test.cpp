// The command line run in-process through kehoach::run, as main() runs it: what a user reads on stdout
// and stderr and the exit status, without starting a process. What needs a real process (signals,
// files left behind by a failed write, LibreOffice) stays in tests/integration/.
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "package/input_limits.h"
#include "scratch_folder.h"
#include "test_support.h"

using namespace kehoach;
using kehoach::testing::ScratchFolder;

namespace {

struct Ran {
  int status;
  std::string out, err;
};

Ran kehoach_run(const std::vector<std::string>& words) {
  std::ostringstream out, err;
  const int status = run(words, {out, err});
  return {status, out.str(), err.str()};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> files_in(const ScratchFolder& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder.path()))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

const std::string kHeader = "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n";

// A commune's plan on thon.csv beside it: 3 poor and 2 near-poor households to reduce.
std::string write_plan(const ScratchFolder& folder, const std::string& statistics, const std::string& more = "") {
  folder.write("thon.csv", statistics);
  return folder.write("ke-hoach.yaml",
                      "year: 2022\n"
                      "issuer: {body: Ủy ban nhân dân, unit: xã An Hòa Thịnh}\n"
                      "statistics: thon.csv\n"
                      "targets:\n"
                      "  poor: {reduce: 3}\n"
                      "  near_poor: {reduce: 2}\n" +
                          more);
}

// `kehoach appendix PLAN -o phu-luc.xlsx` on `statistics`; the statistics path as messages name it.
Ran appendix_on(const ScratchFolder& folder, const std::string& statistics) {
  return kehoach_run({"appendix", write_plan(folder, statistics), "-o", folder.file("phu-luc.xlsx")});
}

Poco::JSON::Object::Ptr parsed(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

TEST_CASE("kehoach alone prints the help and exits 64, and --help, -h and help print it and exit 0") {
  const Ran bare = kehoach_run({});
  CHECK(bare.status == kExitUsage);
  CHECK(bare.err.empty());
  CHECK(contains(bare.out, "Cách dùng:"));
  CHECK(contains(bare.out, "kehoach appendix KẾ_HOẠCH.yaml"));
  CHECK(contains(bare.out, "kehoach check"));
  CHECK(contains(bare.out, "Mã thoát: 0 thành công; 1 bảng được kiểm tra có chỗ sai; 2 tệp đầu vào sai"));
  // The size limits it names are the program's own, with the variables that raise them.
  for (const InputKind kind : {InputKind::Yaml, InputKind::Table, InputKind::Records, InputKind::Template}) {
    const testing::ScopedEnvironment unset(limit_variable(kind), std::nullopt);
    CHECK(contains(bare.out, " " + std::to_string(input_limits(kind).file / kMiB) + " (" + limit_variable(kind) + ")"));
  }
  CHECK(contains(bare.out, "mỗi phần giải nén ra tối đa " + std::to_string(kPartFactor) + " lần, cả tệp\n" +
                               std::to_string(kPackageFactor) + " lần số đó"));
  for (const std::vector<std::string>& words : {std::vector<std::string>{"--help"}, {"-h"}, {"help"}}) {
    const Ran help = kehoach_run(words);
    CHECK(help.status == kExitOk);
    CHECK(help.out == bare.out);
    CHECK(help.err.empty());
  }
  const Ran version = kehoach_run({"--version"});
  CHECK(version.status == kExitOk);
  CHECK(version.out.rfind("kehoach ", 0) == 0);
}

TEST_CASE("each command's help is its own, and help COMMAND prints the same") {
  for (const std::string command : {"plan", "report", "deadlines", "appendix", "check", "households", "batch", "serve"}) {
    CAPTURE(command);
    const Ran help = kehoach_run({command, "--help"});
    CHECK(help.status == kExitOk);
    CHECK(help.err.empty());
    CHECK(help.out.rfind("kehoach " + command + ": ", 0) == 0);
    CHECK(contains(help.out, "Cách dùng:"));
    CHECK(kehoach_run({"help", command}).out == help.out);
    CHECK(kehoach_run({command, "-h"}).out == help.out);
  }
  const Ran appendix = kehoach_run({"help", "appendix"});
  CHECK(contains(appendix.out, "end_rate"));
  CHECK(contains(appendix.out, "phần dư lớn nhất"));
}

TEST_CASE("a wrong command line exits 64 saying what is wrong and where the help is, and prints nothing else") {
  const auto usage = [](const std::vector<std::string>& words, const std::string& message) {
    const Ran ran = kehoach_run(words);
    CHECK(ran.status == kExitUsage);
    CHECK(ran.out.empty());
    CHECK(ran.err == message);
  };
  usage({"appendix"}, "kehoach appendix: thiếu tệp kế hoạch (YAML).\nXem hướng dẫn: kehoach appendix --help\n");
  usage({"appendix", "a.yaml", "--xlsx"},
        "kehoach appendix: không có tùy chọn --xlsx.\nXem hướng dẫn: kehoach appendix --help\n");
  usage({"appendix", "a.yaml", "-o"},
        "kehoach appendix: tùy chọn -o cần một giá trị.\nXem hướng dẫn: kehoach appendix --help\n");
  usage({"appendix", "a.yaml", "--json=có"},
        "kehoach appendix: tùy chọn --json không nhận giá trị.\nXem hướng dẫn: kehoach appendix --help\n");
  usage({"check", "a.csv", "b.csv"},
        "kehoach check: chỉ nhận một tệp, nhưng có 2.\nXem hướng dẫn: kehoach check --help\n");
  usage({"lapkehoach"}, "kehoach: không có lệnh \"lapkehoach\". Các lệnh: plan, appendix, report, deadlines, check, "
                        "households, batch, serve, help.\nXem hướng dẫn: kehoach --help\n");
}

TEST_CASE("bad statistics exit 2 with the file, row, column and what to fix, and no appendix is written") {
  const auto refused = [](const std::string& statistics, const std::string& problem) {
    const ScratchFolder folder;
    const Ran ran = appendix_on(folder, statistics);
    CHECK(ran.status == kExitInput);
    CHECK(ran.out.empty());
    CHECK(ran.err == folder.file("thon.csv") + problem + "\n");
    CHECK(files_in(folder) == std::vector<std::string>{"ke-hoach.yaml", "thon.csv"});
  };
  refused(kHeader + "A,100,5,6\nB,80,-2,1\n", ":3, cột C (Hộ nghèo): \"-2\" là số âm; số hộ phải từ 0 trở lên.");
  refused(kHeader + "A,100,5,sáu\n",
          ":2, cột D (Hộ cận nghèo): \"sáu\" không phải là số; hãy ghi số hộ bằng chữ số (ví dụ 12).");
  refused(kHeader + "Đông Mỹ,100,5,6\nĐÔNG MỸ,80,2,1\n",
          ":3, cột A (Thôn): \"ĐÔNG MỸ\" đã có ở dòng 2; mỗi đơn vị chỉ ghi một dòng.");
}

TEST_CASE("appendix --json prints the computed table, writes no file and says nothing on stderr") {
  const ScratchFolder folder;
  const Ran ran = kehoach_run({"appendix", write_plan(folder, kHeader + "A,100,5,6\nB,80,2,3\n"), "--json"});
  CHECK(ran.status == kExitOk);
  CHECK(ran.err.empty());
  CHECK(files_in(folder) == std::vector<std::string>{"ke-hoach.yaml", "thon.csv"});
  const Poco::JSON::Object::Ptr root = parsed(ran.out);
  CHECK(root->getValue<int>("year") == 2022);
  CHECK(root->getValue<std::string>("issuer") == "Ủy ban nhân dân xã An Hòa Thịnh");
  const Poco::JSON::Array::Ptr units = root->getArray("units");
  REQUIRE(units->size() == 2);
  CHECK(units->getObject(0)->getValue<std::string>("name") == "A");
  CHECK(units->getObject(1)->getValue<long long>("households") == 80);
  CHECK(units->getObject(1)->getObject("near_poor")->getValue<long long>("start") == 3);
  long long poor = 0, near_poor = 0;
  for (std::size_t i = 0; i < units->size(); ++i) {
    poor += units->getObject(i)->getObject("poor")->getValue<long long>("reduction");
    near_poor += units->getObject(i)->getObject("near_poor")->getValue<long long>("reduction");
  }
  CHECK(poor == 3);
  CHECK(near_poor == 2);
}

TEST_CASE("statistics headers written without diacritics are read") {
  const ScratchFolder folder;
  const Ran ran =
      kehoach_run({"appendix", write_plan(folder, "thon,tong so ho,ho ngheo,ho can ngheo\nA,100,5,6\n"), "--json"});
  CHECK(ran.status == kExitOk);
  CHECK(ran.err.empty());
  CHECK(parsed(ran.out)->getArray("units")->getObject(0)->getValue<long long>("households") == 100);
}

TEST_CASE("check: a table with a slip exits 1 naming its row, unit and column, a clean table exits 0") {
  const ScratchFolder folder;
  const std::string header =
      "Thôn,Tổng số hộ,Hộ nghèo đầu năm,Tỷ lệ %,Giảm hộ nghèo,Tỷ lệ %,Hộ nghèo cuối năm,Tỷ lệ %\n"
      "Sâm Cồn,166,10,6.02,2,1.20,8,4.82\n";
  const std::string slipped = folder.write("bang.csv", header + "Trùa,105,7,6.67,2,1.8,5,4.76\n");
  const Ran ran = kehoach_run({"check", slipped});
  CHECK(ran.status == kExitFindings);
  CHECK(ran.err.empty());
  CHECK(ran.out == slipped + ", dòng 3 (Trùa), cột F (Giảm hộ nghèo - Tỷ lệ %): ghi 1.8, đúng là 1,90 (2/105 hộ).\n"
                             "Kiểm tra " + slipped + ": 1 chỗ sai (2 đơn vị, không có dòng tổng).\n");

  const Ran json = kehoach_run({"check", slipped, "--json"});
  CHECK(json.status == kExitFindings);
  const Poco::JSON::Array::Ptr findings = parsed(json.out)->getArray("findings");
  REQUIRE(findings->size() == 1);
  CHECK(findings->getObject(0)->getValue<int>("row") == 3);
  CHECK(findings->getObject(0)->getValue<std::string>("column") == "F");
  CHECK(findings->getObject(0)->getValue<std::string>("expected") == "1,90");

  const std::string clean = folder.write("dung.csv", header + "Trùa,105,7,6.67,2,1.90,5,4.76\n");
  const Ran ok = kehoach_run({"check", clean});
  CHECK(ok.status == kExitOk);
  CHECK(ok.out == "Kiểm tra " + clean + ": không có chỗ sai (2 đơn vị, không có dòng tổng).\n");
}

TEST_CASE("check: a file that is not there exits 2 with its name and what to do") {
  const ScratchFolder folder;
  const Ran ran = kehoach_run({"check", folder.file("khong-co.csv")});
  CHECK(ran.status == kExitInput);
  CHECK(ran.out.empty());
  CHECK(ran.err == folder.file("khong-co.csv") + ": không mở được tệp; hãy kiểm tra tên và đường dẫn.\n");
}

TEST_CASE("deadlines --today counts the days to each report from that day, in either way of writing it") {
  const ScratchFolder folder;
  const std::string plan = write_plan(folder, kHeader + "A,100,5,6\n",
                                      "reports:\n"
                                      "  schedule: { 6m: 10/06, year: 10/11 }\n"
                                      "  6m: { number: 30, date: 12/06/2022 }\n");
  const std::string issued =
      "Báo cáo 6 tháng đầu năm 2022: hạn 10/06/2022, số 30/BC-UBND đã ban hành ngày 12/06/2022 (chậm 2 ngày)\n";
  const Ran before = kehoach_run({"deadlines", plan, "--today", "2022-11-07"});
  CHECK(before.status == kExitOk);
  CHECK(before.err.empty());
  CHECK(before.out == issued + "Báo cáo năm 2022: hạn 10/11/2022 (còn 3 ngày)\n");
  CHECK(kehoach_run({"deadlines", plan, "--today", "07/11/2022"}).out == before.out);
  CHECK(kehoach_run({"deadlines", plan, "--today", "2022-11-10"}).out ==
        issued + "Báo cáo năm 2022: hạn 10/11/2022 (hạn là hôm nay)\n");
  CHECK(kehoach_run({"deadlines", plan, "--today", "2022-11-13"}).out ==
        issued + "Báo cáo năm 2022: hạn 10/11/2022 (đã quá hạn 3 ngày)\n");

  const Ran wrong = kehoach_run({"deadlines", plan, "--today", "2022-13-01"});
  CHECK(wrong.status == kExitUsage);
  CHECK(wrong.out.empty());
  CHECK(wrong.err == "kehoach deadlines: --today \"2022-13-01\" không phải ngày; ghi 2022-06-01 hoặc 01/06/2022.\n"
                     "Xem hướng dẫn: kehoach deadlines --help\n");
}
