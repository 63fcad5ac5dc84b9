#include "package/zip_reader.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <streambuf>

#include "model/input_error.h"
#include "package/file_bytes.h"
#include "text/number_words.h"

namespace kehoach {
namespace {

const char* office_program(InputKind kind) {
  return kind == InputKind::Template ? "Word hoặc LibreOffice" : "Excel hoặc LibreOffice";
}

std::string hostile_advice(InputKind kind) {
  return std::string("tệp bị hỏng hoặc cố ý gây hại: hãy mở bằng ") + office_program(kind) + " rồi lưu lại.";
}

// The headers a zip reader meets: "PK\3\4" before each entry's data, "PK\1\2" for each in the central
// directory. Counted over the whole file, up to `most`; the same bytes inside compressed data are a chance
// of one in four thousand million each, far too rare to reach it.
std::size_t count_headers(std::istream& in, std::size_t most) {
  std::size_t count = 0;
  std::string buffer(1 << 20, '\0');
  std::size_t kept = 0;  // the last bytes of the piece before, which may begin a header
  while (count <= most) {
    in.read(buffer.data() + kept, static_cast<std::streamsize>(buffer.size() - kept));
    const std::size_t size = kept + static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0));
    const std::string_view piece(buffer.data(), size);
    for (std::size_t at = piece.find("PK"); at != std::string_view::npos && at + 4 <= size; at = piece.find("PK", at + 1))
      if (piece.compare(at + 2, 2, "\x03\x04") == 0 || piece.compare(at + 2, 2, "\x01\x02") == 0) ++count;
    if (!in) break;
    kept = std::min<std::size_t>(size, 3);
    std::memmove(buffer.data(), buffer.data() + size - kept, kept);
  }
  return count;
}

}  // namespace

bool stays_in_package(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos) return false;
  if (name.size() >= 2 && name[1] == ':') return false;  // "C:x"
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t slash = std::min(name.find('/', start), name.size());
    if (name.substr(start, slash - start) == "..") return false;
    start = slash + 1;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// One part, inflated as it is read.

// A part's data as it is in the file: stored, or deflated (raw, as zips hold it), then checked against
// its CRC-32 at its end. What Poco's ZipInputStream does, without its three layers of 1 KiB buffers
// and the Adler-32 of the zlib stream it makes the data out to be: a sheet of a million rows is some
// 300 MB of XML. Damaged data (a broken deflate stream, data cut short, a wrong CRC) throws, which the
// stream reading it turns into its bad state.
class PartData {
 public:
  PartData(std::ifstream& file, const Poco::Zip::ZipLocalFileHeader& header)
      : file_(file),
        at_(header.getDataStartPos()),
        left_(header.getCompressedSize()),
        expected_crc_(header.getCRC()),
        deflated_(header.getCompressionMethod() == Poco::Zip::ZipCommon::CM_DEFLATE) {
    if (header.isEncrypted() || (!deflated_ && header.getCompressionMethod() != Poco::Zip::ZipCommon::CM_STORE))
      throw std::runtime_error("encrypted, or compressed by a method zips of Office files do not use");
    if (deflated_ && inflateInit2(&z_, -MAX_WBITS) != Z_OK) throw std::runtime_error("no memory for zlib");
  }
  ~PartData() {
    if (deflated_) inflateEnd(&z_);
  }
  PartData(const PartData&) = delete;
  PartData& operator=(const PartData&) = delete;

  // Up to `size` bytes of the part into `out`; 0 once it has ended (and its CRC matched).
  std::size_t read(char* out, std::size_t size) {
    if (ended_) return 0;
    const std::size_t got = deflated_ ? inflate_into(out, size) : copy_into(out, size);
    crc_ = crc32_z(crc_, reinterpret_cast<const Bytef*>(out), got);
    if (ended_ && crc_ != expected_crc_) throw std::runtime_error("CRC-32 differs");
    return got;
  }

 private:
  std::size_t copy_into(char* out, std::size_t size) {
    const auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(size, left_));
    const std::size_t got = read_file(out, wanted);
    if (got < wanted) throw std::runtime_error("cut short");
    left_ -= got;
    ended_ = left_ == 0;
    return got;
  }

  std::size_t inflate_into(char* out, std::size_t size) {
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(size);
    while (z_.avail_out > 0) {
      if (z_.avail_in == 0 && left_ > 0) refill();
      const uInt before = z_.avail_out;
      const int status = inflate(&z_, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        ended_ = true;
        break;
      }
      if (status != Z_OK && !(status == Z_BUF_ERROR && z_.avail_in == 0 && left_ > 0))
        throw std::runtime_error("broken deflate data");
      if (z_.avail_in == 0 && left_ == 0 && z_.avail_out == before) throw std::runtime_error("cut short");
    }
    return size - z_.avail_out;
  }

  void refill() {
    const auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(input_.size(), left_));
    const std::size_t got = read_file(input_.data(), wanted);
    if (got == 0) throw std::runtime_error("cut short");
    left_ -= got;
    z_.next_in = reinterpret_cast<Bytef*>(input_.data());
    z_.avail_in = static_cast<uInt>(got);
  }

  // The file is shared by the package's parts: each read starts where this part's data left off.
  std::size_t read_file(char* out, std::size_t size) {
    file_.clear();
    file_.seekg(at_);
    file_.read(out, static_cast<std::streamsize>(size));
    const auto got = static_cast<std::size_t>(std::max<std::streamsize>(file_.gcount(), 0));
    at_ += static_cast<std::streamoff>(got);
    return got;
  }

  std::ifstream& file_;
  std::streamoff at_;        // where the data still to read starts in the file
  std::uint64_t left_;       // compressed bytes still to read
  std::uint32_t expected_crc_;
  bool deflated_;
  bool ended_ = false;
  uLong crc_ = crc32_z(0, Z_NULL, 0);
  z_stream z_{};
  std::vector<char> input_ = std::vector<char>(1 << 16);
};

class ZipReader::PartStream::Buffer : public std::streambuf {
 public:
  enum class Passed { Nothing, Limit, Run };

  Buffer(std::unique_ptr<PartData> data, std::uint64_t limit, const bool* stop, bool watch_runs)
      : data_(std::move(data)), limit_(limit), stop_(stop), watch_runs_(watch_runs), buffer_(1 << 16) {}

  std::uint64_t count() const { return count_; }
  Passed passed() const { return passed_; }

 protected:
  int_type underflow() override {
    if (ended_ || (stop_ != nullptr && *stop_)) return traits_type::eof();
    const std::size_t got = data_->read(buffer_.data(), buffer_.size());  // throws on damaged data: a bad stream
    if (got == 0) return end(Passed::Nothing);
    count_ += got;
    if (count_ > limit_) return end(Passed::Limit);
    if (watch_runs_ && run_too_long(got)) return end(Passed::Run);
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return traits_type::to_int_type(buffer_.front());
  }

 private:
  int_type end(Passed why) {
    passed_ = why;
    ended_ = true;
    return traits_type::eof();
  }

  // The bytes since the last '>', carried from piece to piece: checked up to the piece's first '>', so that
  // a run ending in this piece counts whole.
  bool run_too_long(std::size_t got) {
    const char* data = buffer_.data();
    const auto* first = static_cast<const char*>(std::memchr(data, '>', got));
    if (first == nullptr) return (run_ += got) > kMaxXmlRun;
    if (run_ + static_cast<std::uint64_t>(first - data) > kMaxXmlRun) return true;
    const auto* last = static_cast<const char*>(::memrchr(data, '>', got));
    run_ = static_cast<std::uint64_t>(data + got - last - 1);
    return false;
  }

  std::unique_ptr<PartData> data_;
  std::uint64_t limit_;
  const bool* stop_;
  bool watch_runs_;
  std::vector<char> buffer_;
  std::uint64_t count_ = 0;
  std::uint64_t run_ = 0;
  Passed passed_ = Passed::Nothing;
  bool ended_ = false;
};

ZipReader::PartStream::PartStream(ZipReader& reader, std::string name, std::unique_ptr<Buffer> buffer)
    : std::istream(nullptr), reader_(reader), name_(std::move(name)), buffer_(std::move(buffer)) {
  rdbuf(buffer_.get());
}

ZipReader::PartStream::~PartStream() = default;

bool ZipReader::PartStream::passed_limit() const { return buffer_->passed() != Buffer::Passed::Nothing; }

void ZipReader::PartStream::finish() {
  if (finished_) return;
  finished_ = true;
  const std::uint64_t allowance = reader_.allowance();
  reader_.inflated_ += std::min(buffer_->count(), allowance);
  switch (buffer_->passed()) {
    case Buffer::Passed::Nothing: return;
    case Buffer::Passed::Limit:
      if (allowance == reader_.limits_.part) reader_.refuse_part(name_, allowance, true);
      reader_.refuse_package(reader_.limits_.package, true);
    case Buffer::Passed::Run:
      reader_.fail("phần " + name_ + " có một đoạn dài hơn " + format_size(kMaxXmlRun) +
                   " không có thẻ XML nào đóng lại (ký tự '>'); " + hostile_advice(reader_.kind_));
  }
}

// ---------------------------------------------------------------------------------------------
// The package.

ZipReader::ZipReader(const std::string& path, std::string display_name, InputKind kind, std::string not_zip)
    : display_name_(std::move(display_name)), kind_(kind), limits_(input_limits(kind)) {
  try {
    file_ = open_input_file(path, kind);
  } catch (const InputError& error) {
    fail(error.problem());  // named as the user named it
  }
  char signature[4] = {};
  file_.read(signature, sizeof signature);
  if (file_.gcount() != 4 || std::memcmp(signature, "PK\x03\x04", 4) != 0) fail(not_zip);
  // Poco indexes every entry, local and central, when it opens the zip (a few hundred bytes each): a
  // file of a million empty entries is refused before it does.
  file_.seekg(0);
  if (count_headers(file_, 2 * kMaxEntries) > 2 * kMaxEntries)
    fail("tệp nén có hơn " + format_count(static_cast<long long>(kMaxEntries)) +
         " phần; một tệp Excel hay Word không có nhiều phần như vậy: " + hostile_advice(kind_));
  file_.clear();
  file_.seekg(0);
  try {
    archive_ = std::make_unique<Poco::Zip::ZipArchive>(file_);
  } catch (const Poco::Exception&) {
    fail(not_zip);
  }
  // A name that leaves the package is refused even when nothing would read that part: whoever made the
  // file meant it to be unpacked somewhere it does not belong. Sizes the zip declares are checked now,
  // so that an honest bomb is refused before a byte of it is inflated.
  std::uint64_t declared = 0;
  for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it) {
    if (!stays_in_package(it->first))
      fail("phần \"" + it->first + "\" có tên trỏ ra ngoài tệp (\"../\" hoặc đường dẫn tuyệt đối); " +
           hostile_advice(kind_));
    const std::uint64_t size = it->second.getUncompressedSize();
    if (size > limits_.part) refuse_part(it->first, size, false);
    declared = size > UINT64_MAX - declared ? UINT64_MAX : declared + size;
  }
  if (declared > limits_.package) refuse_package(declared, false);
}

ZipReader::~ZipReader() = default;

bool ZipReader::has(const std::string& name) const { return archive_->findHeader(name) != archive_->headerEnd(); }

std::vector<std::string> ZipReader::names() const {
  std::vector<std::string> names;
  for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it)
    if (!it->second.isDirectory()) names.push_back(it->first);
  return names;
}

std::uint64_t ZipReader::allowance() const { return std::min(limits_.part, limits_.package - inflated_); }

std::unique_ptr<ZipReader::PartStream> ZipReader::open_part(const std::string& name, const bool* stop, bool watch_runs) {
  const auto header = archive_->findHeader(name);
  if (header == archive_->headerEnd()) fail_damaged(name);
  const std::uint64_t declared = header->second.getUncompressedSize();
  if (declared > limits_.part) refuse_part(name, declared, false);
  std::unique_ptr<PartData> data;
  try {
    data = std::make_unique<PartData>(file_, header->second);
  } catch (const std::exception&) {
    fail_damaged(name);
  }
  auto buffer = std::make_unique<PartStream::Buffer>(std::move(data), allowance(), stop, watch_runs);
  return std::unique_ptr<PartStream>(new PartStream(*this, name, std::move(buffer)));
}

std::unique_ptr<ZipReader::PartStream> ZipReader::stream(const std::string& name, const bool* stop) {
  return open_part(name, stop, true);
}

std::string ZipReader::read(const std::string& name) {
  auto part = open_part(name, nullptr, false);
  std::string bytes;
  char piece[1 << 16];
  while (part->read(piece, sizeof piece) || part->gcount() > 0) bytes.append(piece, static_cast<std::size_t>(part->gcount()));
  const bool damaged = part->bad();  // Poco's inflater threw: the stream caught it
  part->finish();
  if (damaged) fail_damaged(name);
  return bytes;
}

void ZipReader::fail_damaged(const std::string& name) const {
  fail("tệp bị hỏng, không đọc được phần \"" + name + "\"; hãy mở bằng " + office_program(kind_) + " rồi lưu lại.");
}

void ZipReader::fail(const std::string& problem) const { throw InputError(Location{display_name_, {}, {}, {}}, problem); }

void ZipReader::refuse_part(const std::string& name, std::uint64_t size, bool at_least) const {
  fail("phần " + name + " giải nén ra " + (at_least ? "hơn " : "") + format_size(size) + ", quá giới hạn " +
       format_size(limits_.part) + " của một phần trong " + kind_noun(kind_) + " (gấp " + std::to_string(kPartFactor) +
       " lần giới hạn tệp). Tệp nén bất thường như vậy thường là tệp hỏng hoặc cố ý gây hại; " + raise_advice(kind_));
}

void ZipReader::refuse_package(std::uint64_t size, bool at_least) const {
  fail(std::string("các phần của tệp giải nén ra ") + (at_least ? "hơn " : "") + format_size(size) +
       ", quá giới hạn " + format_size(limits_.package) + " của cả tệp " + kind_noun(kind_) + " (gấp " +
       std::to_string(kPackageFactor) + " lần giới hạn tệp). Tệp nén bất thường như vậy thường là tệp hỏng hoặc cố ý "
       "gây hại; " + raise_advice(kind_));
}

}  // namespace kehoach
