#pragma once
// A POST's form, read within limits: fields of application/x-www-form-urlencoded, and for
// multipart/form-data its files streamed to a temporary folder of their own (removed with the form),
// never held whole in memory and never stored under the name the browser gave.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace Poco::Net {
class HTTPServerRequest;
}

namespace kehoach {

struct FormLimits {
  std::uint64_t fields_bytes = 1024 * 1024;      // a form without files
  std::uint64_t upload_bytes = 10 * 1024 * 1024; // a form with files, all of it
  int most_fields = 2000;                        // a typed village table has a few hundred
};

struct UploadedFile {
  std::string field;      // the form field: "tep-don-vi"
  std::string file_name;  // the name the browser gave, for messages only (never a path)
  std::string path;       // where its bytes are now, in the form's temporary folder
  std::uint64_t size = 0;
};

// Why a form was not read: HTTP status and a message for the error page.
class FormRefused : public std::runtime_error {
 public:
  FormRefused(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

class FormData {
 public:
  FormData() = default;
  ~FormData();  // removes the uploaded files and their folder
  FormData(FormData&& other) noexcept;
  FormData& operator=(FormData&&) = delete;
  FormData(const FormData&) = delete;

  // The field's value ("" when absent) and every value given for it.
  std::string value(const std::string& name) const;
  std::vector<std::string> values(const std::string& name) const;
  bool has(const std::string& name) const { return fields_.count(name) > 0; }
  // The file sent in `field`, or null when none (or an empty one) was chosen.
  const UploadedFile* file(const std::string& field) const;

  std::multimap<std::string, std::string>& fields() { return fields_; }

 private:
  friend FormData read_form(Poco::Net::HTTPServerRequest&, const FormLimits&, const std::string&);
  std::multimap<std::string, std::string> fields_;
  std::vector<UploadedFile> files_;
  std::string folder_;  // the temporary folder of the files, if any
};

// Reads the request's body. A body without Content-Length (chunked) is refused (411), one larger than
// the limit of its kind at once, before any of it is read (413); a body that is not a form, 400.
// Files go to a new folder under `upload_root`.
FormData read_form(Poco::Net::HTTPServerRequest& request, const FormLimits& limits, const std::string& upload_root);

}  // namespace kehoach
