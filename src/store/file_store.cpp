#include "store/file_store.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "model/input_error.h"
#include "package/atomic_file.h"
#include "package/system_errors.h"

namespace kehoach {
namespace fs = std::filesystem;

void make_folder(const std::string& folder, const std::string& what) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) throw OutputError("không tạo được " + what + " " + folder + ": " + system_reason(error) + ".");
}

bool is_sha256_hex(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string sha256_of_bytes(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string sha256_of_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw OutputError("không đọc được tệp " + path + ".");
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  std::string buffer(64 * 1024, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    engine.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw OutputError("không đọc được hết tệp " + path + ".");
  return Poco::DigestEngine::digestToHex(engine.digest());
}

FileStore::FileStore(std::string folder) : folder_(std::move(folder)) {
  make_folder(folder_);
  // A server killed while storing a file (kill -9, a power cut) left its temporary beside the file it was
  // writing: nothing points at it, and nothing but hash-named files may be in the store.
  std::error_code error;
  for (fs::directory_iterator it(folder_, error), end; !error && it != end; it.increment(error))
    if (it->is_directory(error)) remove_stale_temporaries_in(it->path().string());
}

// The folder of `target` (files/ab/), made when missing; a folder just made is written out to the disk with
// its name in files/, so that the file about to be put in it is found there after a power cut.
void FileStore::make_hash_folder(const std::string& target) const {
  const fs::path folder = fs::path(target).parent_path();
  std::error_code error;
  if (fs::is_directory(folder, error)) return;
  make_folder(folder.string());
  sync_folder(folder_);
}

std::string FileStore::path_of(const std::string& sha256) const {
  if (!is_sha256_hex(sha256)) throw std::invalid_argument("not a SHA-256 in hex");
  return (fs::path(folder_) / sha256.substr(0, 2) / sha256).string();
}

bool FileStore::contains(const std::string& sha256) const {
  std::error_code error;
  return is_sha256_hex(sha256) && fs::is_regular_file(path_of(sha256), error);
}

StoredFile FileStore::put_bytes(const std::string& bytes) {
  StoredFile stored{sha256_of_bytes(bytes), bytes.size()};
  const std::lock_guard<std::mutex> lock(writing_);
  if (contains(stored.sha256)) return stored;
  const std::string target = path_of(stored.sha256);
  make_hash_folder(target);
  AtomicFile file(target);
  file.write_all(bytes);
  file.commit_durably();
  return stored;
}

StoredFile FileStore::put_file(const std::string& path) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  if (error) throw OutputError("không đọc được tệp " + path + ": " + system_reason(error) + ".");
  StoredFile stored{sha256_of_file(path), size};
  const std::lock_guard<std::mutex> lock(writing_);
  if (contains(stored.sha256)) return stored;
  const std::string target = path_of(stored.sha256);
  make_hash_folder(target);
  AtomicFile file(target);
  fs::copy_file(path, file.temporary_path(), fs::copy_options::overwrite_existing, error);
  if (error) throw OutputError("không ghi được tệp " + target + ": " + system_reason(error) + ".");
  // The bytes copied are the bytes hashed: a file that changed between the two reads is not kept under
  // a name that is not its content.
  if (sha256_of_file(file.temporary_path()) != stored.sha256)
    throw OutputError("tệp " + path + " đã thay đổi trong khi được lưu; hãy gửi lại.");
  file.commit_durably();
  return stored;
}

}  // namespace kehoach
