#pragma once
// Files kept by content: DIR/files/ab/abcdef… named by the SHA-256 of their bytes, never by a name a
// user gave. The same bytes stored twice are one file; a file is never changed once there (its name is
// its content), so a version's files stay as they were. Written whole through AtomicFile and on the disk
// (fsync) before put_… returns: the database row that names a file is written after it, so that a crash or
// a power cut between the two leaves at worst a file that nothing names, never a name without its file.
#include <cstdint>
#include <mutex>
#include <string>

namespace kehoach {

struct StoredFile {
  std::string sha256;  // 64 lower-case hex digits
  std::uint64_t size = 0;
};

// Makes `folder` and the folders above it when missing; throws OutputError "không tạo được <what> …"
// with the system's reason when it cannot.
void make_folder(const std::string& folder, const std::string& what = "thư mục");

// Whether `text` is 64 lower-case hex digits: what a stored file's name may be, checked before a path
// is made from a value that came with a request.
bool is_sha256_hex(const std::string& text);

// The SHA-256 of the file's bytes, read in pieces; throws OutputError naming the file when it cannot be read.
std::string sha256_of_file(const std::string& path);
std::string sha256_of_bytes(const std::string& bytes);

class FileStore {
 public:
  // `folder` is DIR/files, made when missing; throws OutputError when it cannot be. The temporaries that a
  // server stopped outright left in it are removed.
  explicit FileStore(std::string folder);

  StoredFile put_bytes(const std::string& bytes);
  // The file's bytes copied into the store (an upload streamed to a temporary file first).
  StoredFile put_file(const std::string& path);

  bool contains(const std::string& sha256) const;
  // The path of a stored file; throws std::invalid_argument for a value that is not a hash.
  std::string path_of(const std::string& sha256) const;
  const std::string& folder() const { return folder_; }

 private:
  void make_hash_folder(const std::string& target) const;
  std::string folder_;
  // AtomicFile's temporary name is the target's and the process's: two threads storing the same bytes at
  // once would share it.
  std::mutex writing_;
};

}  // namespace kehoach
