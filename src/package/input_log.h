#pragma once
// The files a piece of work reads, noted as they are opened (open_input_file notes every input), so that
// its outputs can be checked against them before anything is written: `-o thon.csv` must not write a
// result over the statistics it was made from. Files are compared by identity (device and inode), so
// "./thon.csv", "../xa/thon.csv" and a link to it are all the same file.
#include <sys/types.h>

#include <string>
#include <vector>

namespace kehoach {

// Files read, by identity.
class InputFiles {
 public:
  void add(const std::string& path);  // a file that does not exist is not added
  // The input (as it was named when read) that `path` is, however spelt; empty when it is none or does
  // not exist yet.
  std::string input_at(const std::string& path) const;

 private:
  struct File {
    std::string path;
    dev_t device;
    ino_t inode;
  };
  std::vector<File> files_;
};

// Notes what this thread opens while it exists; logs nest (each notes what the inner ones do).
class InputLog {
 public:
  InputLog();
  ~InputLog();
  InputLog(const InputLog&) = delete;
  InputLog& operator=(const InputLog&) = delete;

  const InputFiles& files() const { return files_; }

 private:
  friend void note_input(const std::string& path);
  InputFiles files_;
  InputLog* outer_;
};

// Called when an input file is opened: every log open on this thread notes it.
void note_input(const std::string& path);

}  // namespace kehoach
