// The files of a command written together or not at all (OutputSet over AtomicFiles), never over one of
// its inputs (InputLog), and what a stopped run leaves removed (now by a signal, or by the next run).
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/input_error.h"
#include "package/atomic_file.h"
#include "package/file_bytes.h"
#include "package/input_log.h"
#include "package/interruption.h"
#include "package/output_set.h"
#include "ended_process.h"
#include "scratch_folder.h"

using namespace kehoach;
using kehoach::testing::ScratchFolder;
using kehoach::testing::ended_process;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string text_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

TEST_CASE("the files of a set appear together when every one is written") {
  const ScratchFolder scratch;
  OutputSet outputs;
  outputs.add(scratch.file("ke-hoach.docx")).write_all("kế hoạch");
  outputs.add(scratch.file("ke-hoach-phu-luc.xlsx")).write_all("phụ lục");
  CHECK(names_in(scratch.path()).size() == 2);  // the temporaries only
  outputs.commit();
  CHECK(names_in(scratch.path()) == std::vector<std::string>{"ke-hoach-phu-luc.xlsx", "ke-hoach.docx"});
  CHECK(text_of(scratch.file("ke-hoach.docx")) == "kế hoạch");
}

TEST_CASE("a writer that fails half way leaves none of the set, not the file written before it") {
  const ScratchFolder scratch;
  {
    OutputSet outputs;
    outputs.add(scratch.file("ke-hoach-phu-luc.xlsx")).write_all("phụ lục");
    outputs.add(scratch.file("ke-hoach.docx"));
    // The document's writer throws (a full disk, a template that cannot be zipped): no commit.
  }
  CHECK(fs::is_empty(scratch.path()));
}

TEST_CASE("a rename that fails half way puts back what the targets held") {
  const ScratchFolder scratch;
  scratch.write("a.xlsx", "phụ lục cũ");
  OutputSet outputs;
  outputs.add(scratch.file("a.xlsx")).write_all("phụ lục mới");
  const AtomicFile& document = outputs.add(scratch.file("a.docx"));
  document.write_all("kế hoạch mới");
  fs::remove(document.temporary_path());  // gone meanwhile: its rename fails, after the appendix's
  CHECK_THROWS_WITH_AS(outputs.commit(), doctest::Contains(scratch.file("a.docx").c_str()), OutputError);
  CHECK(text_of(scratch.file("a.xlsx")) == "phụ lục cũ");
  CHECK(names_in(scratch.path()) == std::vector<std::string>{"a.xlsx"});
}

TEST_CASE("a rename that fails half way removes the files that were new") {
  const ScratchFolder scratch;
  OutputSet outputs;
  outputs.add(scratch.file("a.xlsx")).write_all("phụ lục");
  const AtomicFile& document = outputs.add(scratch.file("a.docx"));
  fs::remove(document.temporary_path());
  CHECK_THROWS_AS(outputs.commit(), OutputError);
  CHECK(fs::is_empty(scratch.path()));
}

TEST_CASE("a set that replaces earlier files leaves no copy of them behind") {
  const ScratchFolder scratch;
  scratch.write("a.xlsx", "cũ");
  scratch.write("a.docx", "cũ");
  OutputSet outputs;
  outputs.add(scratch.file("a.xlsx")).write_all("mới");
  outputs.add(scratch.file("a.docx")).write_all("mới");
  outputs.commit();
  CHECK(names_in(scratch.path()) == std::vector<std::string>{"a.docx", "a.xlsx"});
  CHECK(text_of(scratch.file("a.docx")) == "mới");
}

TEST_CASE("a file dropped from the set is not written, the others are") {
  const ScratchFolder scratch;
  OutputSet outputs;
  outputs.add(scratch.file("a.docx")).write_all("kế hoạch");
  const AtomicFile& pdf = outputs.add(scratch.file("a.pdf"));
  pdf.write_all("nửa chừng");
  outputs.drop(pdf);
  outputs.commit();
  CHECK(names_in(scratch.path()) == std::vector<std::string>{"a.docx"});
}

TEST_CASE("a target that is a folder is refused before anything is written") {
  const ScratchFolder scratch;
  fs::create_directory(scratch.file("ke-hoach.docx"));
  OutputSet outputs;
  outputs.add(scratch.file("ke-hoach-phu-luc.xlsx"));
  CHECK_THROWS_WITH_AS(outputs.add(scratch.file("ke-hoach.docx")),
                       ("không ghi được tệp " + scratch.file("ke-hoach.docx") +
                        ": đó là một thư mục; hãy chọn tên tệp khác.").c_str(),
                       OutputError);
}

TEST_CASE("an output that is one of the inputs read is refused, however it is spelt") {
  const ScratchFolder scratch;
  const std::string statistics = scratch.write("thon.csv", "Thôn,Tổng số hộ\n");
  fs::create_directory(scratch.file("con"));
  fs::create_symlink(statistics, scratch.file("lien-ket.csv"));
  fs::create_hard_link(statistics, scratch.file("ten-khac.csv"));
  const InputLog reads;
  read_file_bytes(statistics, InputKind::Table);
  OutputSet outputs(&reads.files());
  for (const std::string& spelling : {statistics, scratch.file("con/../thon.csv"), scratch.file("./thon.csv"),
                                      scratch.file("lien-ket.csv"), scratch.file("ten-khac.csv")}) {
    CAPTURE(spelling);
    CHECK_THROWS_WITH_AS(outputs.add(spelling), doctest::Contains("Hãy chọn tên khác cho tệp kết quả (-o)"), InputError);
  }
  CHECK_THROWS_WITH_AS(outputs.add(statistics),
                       (statistics + ": tệp kết quả trùng với tệp đầu vào của lệnh; ghi vào đó sẽ mất tệp đầu vào. Hãy "
                                     "chọn tên khác cho tệp kết quả (-o).").c_str(),
                       InputError);
  CHECK_NOTHROW(outputs.add(scratch.file("thon-phu-luc.xlsx")));
  CHECK(text_of(statistics) == "Thôn,Tổng số hộ\n");
}

TEST_CASE("a log notes only what is read while it exists, and an inner log's reads in the outer one") {
  const ScratchFolder scratch;
  const std::string before = scratch.write("truoc.csv", "x"), inner = scratch.write("trong.csv", "y");
  read_file_bytes(before, InputKind::Table);
  const InputLog outer;
  {
    const InputLog nested;
    read_file_bytes(inner, InputKind::Table);
    CHECK(nested.files().input_at(inner) == inner);
  }
  CHECK(outer.files().input_at(inner) == inner);
  CHECK(outer.files().input_at(before).empty());
  CHECK(outer.files().input_at(scratch.file("chua-co.xlsx")).empty());
}

TEST_CASE("the temporaries of a run that was killed are removed by the next, a running process's kept") {
  const ScratchFolder scratch;
  const std::string dead = std::to_string(ended_process());
  const std::string running = std::to_string(::getppid());
  scratch.write(".ke-hoach.docx." + dead + ".tmp", "nửa chừng");
  scratch.write(".ke-hoach.docx." + dead + ".bak", "bản cũ");
  scratch.write(".ke-hoach.docx." + running + ".tmp", "đang ghi");
  scratch.write(".khac.docx." + dead + ".tmp", "tệp khác");  // another file's: not this target's to judge
  scratch.write(".ke-hoach.docx.abc.tmp", "không phải của kehoach");
  { const AtomicFile file(scratch.file("ke-hoach.docx")); }
  CHECK(names_in(scratch.path()) == std::vector<std::string>{".ke-hoach.docx." + running + ".tmp",
                                                             ".ke-hoach.docx.abc.tmp", ".khac.docx." + dead + ".tmp"});
}

TEST_CASE("a signal's handler removes the temporaries being written, and only those") {
  const ScratchFolder scratch;
  const AtomicFile kept(scratch.file("da-xong.xlsx"));
  kept.write_all("xong");
  {
    const AtomicFile file(scratch.file("ke-hoach.docx"));
    file.write_all("nửa chừng");
    REQUIRE(fs::exists(file.temporary_path()));
    remove_temporaries();
    CHECK_FALSE(fs::exists(file.temporary_path()));
  }
  CHECK(names_in(scratch.path()).empty());
  // Committed, a file is no longer a temporary: a later stop leaves it.
  const ScratchFolder other;
  AtomicFile done(other.file("xong.xlsx"));
  done.write_all("xong");
  done.commit();
  remove_temporaries();
  CHECK(names_in(other.path()) == std::vector<std::string>{"xong.xlsx"});
}

TEST_CASE("a write that cannot reach the disk is an error naming the file, in Vietnamese") {
  if (::geteuid() == 0) return;  // the owner of every file may write anywhere
  const ScratchFolder scratch;
  fs::permissions(scratch.path(), fs::perms::owner_read | fs::perms::owner_exec);
  const AtomicFile file(scratch.file("index.csv"));
  CHECK_THROWS_WITH_AS(file.write_all("Đơn vị\n"),
                       ("không ghi được tệp " + scratch.file("index.csv") + ": không có quyền đọc hoặc ghi ở đó.").c_str(),
                       OutputError);
  fs::permissions(scratch.path(), fs::perms::owner_all);
}

TEST_CASE("a stop asked for while no helper runs is for the caller to carry out") {
  clear_stop_request();
  CHECK_FALSE(request_stop());
  CHECK(stop_requested());
  clear_stop_request();
  CHECK_FALSE(stop_requested());
}
