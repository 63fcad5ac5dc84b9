#include "app/documents.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include "model/input_error.h"
#include "package/fingerprint.h"
#include "package/output_set.h"
#include "package/system_errors.h"
#include "read/template_locator.h"
#include "read/template_package.h"
#include "write/pdf_export.h"

namespace kehoach {

DocxPackage read_template(const std::string& location) {
  try {
    return read_template_package(location);
  } catch (const std::filesystem::filesystem_error& e) {
    // A folder the iterator cannot enter comes without its name.
    const std::string what = e.path1().empty() ? "một tệp hoặc thư mục bên trong" : e.path1().string();
    throw InputError(Location{location, {}, {}, {}},
                     "không đọc được mẫu văn bản (" + what + ": " + system_reason(e.code()) +
                         "); hãy cho phép đọc cả thư mục mẫu hoặc chọn mẫu khác.");
  }
}

std::shared_ptr<const DocumentTemplate> load_document_template(const std::string& name, const std::string& plan_file) {
  static std::mutex mutex;
  static std::map<std::string, std::pair<std::string, std::shared_ptr<const DocumentTemplate>>> kept;
  const std::string location = locate_template(name, plan_file);
  DocxPackage package = read_template(location);
  const std::string print = package_fingerprint(package);
  {
    const std::lock_guard<std::mutex> lock(mutex);
    const auto found = kept.find(location);
    if (found != kept.end() && found->second.first == print) return found->second.second;
  }
  auto compiled = std::make_shared<const DocumentTemplate>(DocumentTemplate::compile(std::move(package), location));
  const std::lock_guard<std::mutex> lock(mutex);
  if (kept.size() >= 32) kept.clear();  // the shipped templates and a few of the users' own
  kept[location] = {print, compiled};
  return compiled;
}

DocumentOutputs outputs_beside(const std::string& document, const std::string& table_suffix) {
  const std::filesystem::path path(document);
  const std::string stem = (path.parent_path() / path.stem()).string();
  return {document, stem + table_suffix + ".xlsx", stem + ".pdf"};
}

DocumentsWritten write_documents(const DocumentJob& job, const InputFiles& inputs) {
  DocumentsWritten written;
  std::optional<std::string> libreoffice;
  if (job.pdf && !(libreoffice = find_libreoffice())) written.problem = libreoffice_missing_message();
  OutputSet outputs(&inputs);
  const AtomicFile& document = outputs.add(job.outputs.document);
  const AtomicFile& table = outputs.add(job.outputs.table);
  const AtomicFile* pdf = libreoffice ? &outputs.add(job.outputs.pdf) : nullptr;
  job.write_table(table);
  document.write_all(job.document);
  if (pdf) {
    try {
      export_pdf(*libreoffice, document, *pdf);
    } catch (const OutputError& e) {
      written.problem = e.what();
      outputs.drop(*pdf);
      pdf = nullptr;
    }
  }
  outputs.commit();
  written.files = {{job.document_words, job.outputs.document}, {job.table_words, job.outputs.table}};
  if (pdf) written.files.push_back({"bản PDF", job.outputs.pdf});
  return written;
}

}  // namespace kehoach
