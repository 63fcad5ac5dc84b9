#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "model/input_error.h"
#include "package/zip_reader.h"
#include "package/zip_writer.h"
#include "scratch_folder.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

// A stream that cannot seek back, as a download's: writes go on, every seek fails.
class ForwardOnly : public std::streambuf {
 public:
  explicit ForwardOnly(std::string& bytes) : bytes_(bytes) {}

 protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) bytes_ += static_cast<char>(c);
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    bytes_.append(s, static_cast<std::size_t>(n));
    return n;
  }

 private:
  std::string& bytes_;
};

}  // namespace

TEST_CASE("files zipped onto a stream that cannot seek read back whole, in their folders") {
  const ScratchFolder folder;
  std::string large;
  for (int i = 0; i < 20000; ++i) large += "dòng " + std::to_string(i) + ",Sâm Cồn,166,10,12\n";
  const std::string a = folder.write("a.csv", large);
  const std::string b = folder.write("b.bin", std::string("\x00\x01\x02PK\x03\x04", 8));
  const std::string empty = folder.write("rong.txt", "");
  std::string bytes;
  ForwardOnly buffer(bytes);
  std::ostream out(&buffer);
  write_zip_stream(out, {{"danh-sach.csv", "TT,Đơn vị\n1,Xã An Hòa Thịnh\n"}},
                   {{a, "xa-an-hoa-thinh/thon.csv"}, {b, "xa-ky-anh/tep.bin"}, {empty, "xa-ky-anh/rong.txt"}}, 1780000000);
  CHECK(bytes.size() < large.size() / 3);  // deflated
  const std::string zip = folder.write("tai-ve.zip", bytes);
  ZipReader reader(zip, "tai-ve.zip", InputKind::Records, "không phải tệp nén");
  CHECK(reader.names() == std::vector<std::string>{"danh-sach.csv", "xa-an-hoa-thinh/thon.csv", "xa-ky-anh/rong.txt",
                                                   "xa-ky-anh/tep.bin"});
  CHECK(reader.read("xa-an-hoa-thinh/thon.csv") == large);
  CHECK(reader.read("xa-ky-anh/tep.bin") == std::string("\x00\x01\x02PK\x03\x04", 8));
  CHECK(reader.read("xa-ky-anh/rong.txt").empty());
  CHECK(reader.read("danh-sach.csv") == "TT,Đơn vị\n1,Xã An Hòa Thịnh\n");
}

TEST_CASE("a file that cannot be read, or a stream that refuses the bytes, is an OutputError") {
  const ScratchFolder folder;
  std::ostringstream out;
  CHECK_THROWS_AS(write_zip_stream(out, {}, {{folder.file("khong-co.docx"), "x/khong-co.docx"}}, 0), OutputError);
  std::ostringstream refused;
  refused.setstate(std::ios::badbit);
  CHECK_THROWS_AS(write_zip_stream(refused, {{"a.txt", "chữ"}}, {}, 0), OutputError);
}

TEST_CASE("names inside a zip: plain ASCII, no folder above, the extension kept") {
  CHECK(safe_zip_name("ke-hoach.docx") == "ke-hoach.docx");
  CHECK(safe_zip_name("ke-hoach-bao-cao-6m-bieu.xlsx") == "ke-hoach-bao-cao-6m-bieu.xlsx");
  CHECK(safe_zip_name("Bảng số liệu thôn Đông Hà.xlsx") == "bang-so-lieu-thon-dong-ha.xlsx");
  for (const std::string& hostile : {std::string("../../etc/passwd"), std::string(".."), std::string(".an"),
                                     std::string("a/b\\c:d"), std::string(""), std::string("Шаблон.docx"),
                                     std::string("/tuyet-doi.docx"), std::string("C:\\x.docx")}) {
    CAPTURE(hostile);
    const std::string safe = safe_zip_name(hostile);
    CHECK_FALSE(safe.empty());
    CHECK(safe.front() != '.');
    CHECK(safe.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") == std::string::npos);
    CHECK(safe.find("..") == std::string::npos);
  }
  CHECK(safe_zip_name("") == "tep");
  CHECK(safe_zip_name("Шаблон.docx").ends_with(".docx"));
  const std::string long_name = std::string(300, 'a') + ".docx";
  CHECK(safe_zip_name(long_name).size() == 100);
  CHECK(safe_zip_name(long_name).ends_with(".docx"));
}
