#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "cli/commands.h"

using namespace kehoach;

namespace {

struct Ran {
  int status;
  std::string out, err;
};

Ran run_words(const std::vector<std::string>& words) {
  std::ostringstream out, err;
  const int status = run(words, {out, err});
  return {status, out.str(), err.str()};
}

// The option words of a help's "Tùy chọn:" lines ("-o", "--output", "--json", …), as a reader finds them.
std::set<std::string> listed_options(const std::string& help) {
  std::set<std::string> words;
  const std::size_t start = help.find("\nTùy chọn:\n");
  REQUIRE(start != std::string::npos);
  std::istringstream lines(help.substr(start + 1));
  std::string line;
  std::getline(lines, line);  // the heading
  while (std::getline(lines, line) && !line.empty()) {
    if (line.rfind("  -", 0) != 0) continue;  // a description's further line
    std::istringstream names(line);
    std::string word;
    while (names >> word && word[0] == '-') {
      if (word.back() == ',') word.pop_back();
      words.insert(word);
    }
  }
  return words;
}

std::vector<std::string> option_words(const OptionSpec& option) {
  std::vector<std::string> words{"--" + option.long_name};
  if (option.short_name) words.push_back(std::string("-") + option.short_name);
  return words;
}

}  // namespace

TEST_CASE("every command's --help lists exactly the options its parser accepts") {
  REQUIRE(command_specs().size() == 8);
  for (const CommandSpec* spec : command_specs()) {
    CAPTURE(spec->name);
    const Ran help = run_words({spec->name, "--help"});
    CHECK(help.status == kExitOk);
    const std::set<std::string> listed = listed_options(help.out);

    // What the parser accepts is in the help...
    std::set<std::string> accepted;
    for (const OptionSpec& option : command_options(*spec)) {
      CHECK_MESSAGE(!option.description.empty(), "--" << option.long_name << " has no description");
      for (const std::string& word : option_words(option)) accepted.insert(word);
    }
    CHECK(listed == accepted);

    // ...and what the help lists, the command accepts: with --help after it, the words parse and the
    // help is printed, where an unknown option would stop the command with status 64.
    for (const std::string& word : listed) {
      CAPTURE(word);
      const Ran with_option = run_words({spec->name, word, "GIÁ_TRỊ", "--help"});
      CHECK(with_option.status == kExitOk);
      CHECK(with_option.err.empty());
    }
    const Ran unknown = run_words({spec->name, "--khong-co", "--help"});
    CHECK(unknown.status == kExitUsage);
    CHECK(unknown.err == "kehoach " + spec->name + ": không có tùy chọn --khong-co.\nXem hướng dẫn: kehoach " +
                             spec->name + " --help\n");
  }
}

TEST_CASE("an option's line in --help: names, value, and its description in one column with its further lines") {
  const std::vector<OptionSpec> options{
      {"output", 'o', "TỆP", "Tệp Excel kết quả (mặc định: tên tệp kế hoạch + \"-phu-luc.xlsx\",\ntrong thư mục hiện tại)."},
      {"json", 0, "", "In bảng đã tính (JSON)."},
      {"records-earlier", 0, "TỆP", "Danh sách hộ cũ hơn."},
  };
  // The column is three spaces after the longest name, counted in letters, not UTF-8 bytes.
  CHECK(options_help(options) ==
        "Tùy chọn:\n"
        "  -o, --output TỆP        Tệp Excel kết quả (mặc định: tên tệp kế hoạch + \"-phu-luc.xlsx\",\n"
        "                          trong thư mục hiện tại).\n"
        "  --json                  In bảng đã tính (JSON).\n"
        "  --records-earlier TỆP   Danh sách hộ cũ hơn.\n");
}

TEST_CASE("a command's help: the hand-written text, the options from the spec with -h/--help last, the end") {
  const Ran check = run_words({"check", "--help"});
  CHECK(check.out.rfind("kehoach check: kiểm tra bảng chỉ tiêu giảm nghèo nhận từ cơ sở.\n", 0) == 0);
  const std::string tail =
      "  - dòng tổng cộng khác tổng các dòng trên.\n"
      "\n"
      "Tùy chọn:\n"
      "  --sheet TÊN     Trang tính cần đọc trong tệp XLSX hoặc XLS (mặc định: trang đầu tiên).\n"
      "  --json          In kết quả dạng JSON.\n"
      "  --encoding MÃ   Bảng mã của chữ trong các bảng đọc vào: tcvn3 (gõ bằng phông .VnTime,\n"
      "                  .VnArial…), vni (phông VNI-Times…) hoặc unicode (không chuyển gì).\n"
      "                  Mặc định: tự nhận ra từng cột và chuyển sang Unicode,\n"
      "                  hỏi lại khi không đủ chắc.\n"
      "  -h, --help      Hướng dẫn này.\n"
      "\n"
      "Mã thoát: 0 không có chỗ sai; 1 có chỗ sai; 2 không đọc được bảng.\n";
  REQUIRE(check.out.size() > tail.size());
  CHECK(check.out.substr(check.out.size() - tail.size()) == tail);
  CHECK(run_words({"help", "check"}).out == check.out);
  CHECK(run_words({"check", "-h"}).out == check.out);
}
