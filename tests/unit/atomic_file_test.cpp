#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "model/input_error.h"
#include "package/atomic_file.h"
#include "scratch_folder.h"

using kehoach::AtomicFile;
namespace fs = std::filesystem;

using kehoach::testing::ScratchFolder;

TEST_CASE("a committed file appears whole under its name and no temporary file is left") {
  const ScratchFolder scratch;
  const fs::path& folder = scratch.path();
  const std::string target = (folder / "phu-luc.xlsx").string();
  {
    AtomicFile file(target);
    std::ofstream(file.temporary_path()) << "noi dung";
    CHECK_FALSE(fs::exists(target));
    file.commit();
  }
  CHECK(fs::exists(target));
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator{}) == 1);
}

TEST_CASE("a file not committed (a writer that failed) leaves nothing behind, not even the old name") {
  const ScratchFolder scratch;
  const fs::path& folder = scratch.path();
  const std::string target = (folder / "phu-luc.xlsx").string();
  {
    AtomicFile file(target);
    std::ofstream(file.temporary_path()) << "nua chung";
  }
  CHECK(fs::is_empty(folder));
}

TEST_CASE("a failed write keeps the previous good file") {
  const ScratchFolder scratch;
  const fs::path& folder = scratch.path();
  const std::string target = (folder / "phu-luc.xlsx").string();
  std::ofstream(target) << "ban cu";
  {
    AtomicFile file(target);
    std::ofstream(file.temporary_path()) << "nua chung";
  }
  std::ifstream in(target);
  std::string text;
  std::getline(in, text);
  CHECK(text == "ban cu");
}

TEST_CASE("a file committed durably appears whole under its name, its temporary gone") {
  const ScratchFolder scratch;
  const fs::path& folder = scratch.path();
  const std::string target = (folder / "abcdef").string();
  {
    AtomicFile file(target);
    file.write_all("noi dung");
    CHECK_FALSE(fs::exists(target));
    file.commit_durably();
    CHECK(file.committed());
  }
  std::ifstream in(target);
  std::string text;
  std::getline(in, text);
  CHECK(text == "noi dung");
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator{}) == 1);
  CHECK_THROWS_AS(kehoach::sync_folder((folder / "khong-co").string()), kehoach::OutputError);
}
