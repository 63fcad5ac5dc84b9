#include "web/form_data.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <system_error>

#include "web/security.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTooLarge = "Dữ liệu gửi lên lớn quá giới hạn";
constexpr std::uint64_t kMostDrained = 64 * 1024 * 1024;

std::string mib(std::uint64_t bytes) { return std::to_string((bytes + (1024 * 1024 - 1)) / (1024 * 1024)) + " MB"; }

// Each file part to a file of its own, numbered, in the form's folder.
class FilesToFolder : public Poco::Net::PartHandler {
 public:
  FilesToFolder(std::string folder, std::vector<UploadedFile>& files) : folder_(std::move(folder)), files_(files) {}

  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, parameters);
    UploadedFile file;
    file.field = parameters.get("name", "");
    file.file_name = parameters.get("filename", "");
    file.path = (fs::path(folder_) / ("tep-" + std::to_string(files_.size() + 1))).string();
    std::ofstream out(file.path, std::ios::binary);
    file.size = Poco::StreamCopier::copyStream64(stream, out);
    out.close();
    if (!out) throw Poco::IOException("cannot write an uploaded file");
    files_.push_back(std::move(file));
  }

 private:
  std::string folder_;
  std::vector<UploadedFile>& files_;
};

std::string make_upload_folder(const std::string& root) {
  std::error_code error;
  fs::create_directories(root, error);
  std::string pattern = (fs::path(root) / "tai-len-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a folder for uploaded files");
  return pattern;
}

}  // namespace

FormData::~FormData() {
  if (folder_.empty()) return;
  std::error_code ignored;
  fs::remove_all(folder_, ignored);
}

FormData::FormData(FormData&& other) noexcept
    : fields_(std::move(other.fields_)), files_(std::move(other.files_)), folder_(std::move(other.folder_)) {
  other.folder_.clear();
}

std::string FormData::value(const std::string& name) const {
  const auto found = fields_.find(name);
  return found == fields_.end() ? std::string() : found->second;
}

std::vector<std::string> FormData::values(const std::string& name) const {
  std::vector<std::string> all;
  const auto [first, last] = fields_.equal_range(name);
  for (auto it = first; it != last; ++it) all.push_back(it->second);
  return all;
}

const UploadedFile* FormData::file(const std::string& field) const {
  for (const UploadedFile& file : files_)
    if (file.field == field && !(file.file_name.empty() && file.size == 0)) return &file;
  return nullptr;
}

FormData read_form(Poco::Net::HTTPServerRequest& request, const FormLimits& limits, const std::string& upload_root) {
  FormData form;
  if (request.getChunkedTransferEncoding() || !request.hasContentLength())
    throw FormRefused(411, "Yêu cầu gửi biểu mẫu cần ghi độ dài (Content-Length).");
  const bool multipart = request.getContentType().rfind("multipart/form-data", 0) == 0;
  const std::uint64_t limit = multipart ? limits.upload_bytes : limits.fields_bytes;
  const auto length = request.getContentLength64();
  if (length < 0 || static_cast<std::uint64_t>(length) > limit) {
    // A browser shows the answer only once it has sent its body: one not too large is read and
    // dropped, so that the person sees why; a larger one is cut off (the connection closes).
    if (length >= 0 && static_cast<std::uint64_t>(length) <= kMostDrained) {
      Poco::NullOutputStream nowhere;
      Poco::StreamCopier::copyStream64(request.stream(), nowhere);
    }
    throw FormRefused(413, std::string(kTooLarge) + " (" + mib(limit) + ").");
  }
  try {
    Poco::Net::HTMLForm html;
    html.setFieldLimit(limits.most_fields);
    html.setValueLengthLimit(static_cast<int>(limits.fields_bytes));
    if (multipart) {
      form.folder_ = make_upload_folder(upload_root);
      FilesToFolder files(form.folder_, form.files_);
      html.load(request, request.stream(), files);
    } else {
      html.load(request, request.stream());
    }
    for (const auto& [name, value] : html) form.fields_.emplace(name, value);
  } catch (const Poco::Exception&) {
    throw FormRefused(400, "Biểu mẫu gửi lên không đọc được; hãy tải lại trang và gửi lại.");
  }
  return form;
}

}  // namespace kehoach
