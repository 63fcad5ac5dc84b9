#include "app/documents.h"

#include <filesystem>
#include <optional>

#include "model/input_error.h"
#include "package/docx_writer.h"
#include "read/template_locator.h"
#include "read/template_package.h"
#include "write/pdf_export.h"

namespace kehoach {

DocumentTemplate load_document_template(const std::string& name, const std::string& plan_file) {
  const std::string location = locate_template(name, plan_file);
  return DocumentTemplate::compile(read_template_package(location), location);
}

DocumentOutputs outputs_beside(const std::string& document, const std::string& table_suffix) {
  const std::filesystem::path path(document);
  const std::string stem = (path.parent_path() / path.stem()).string();
  return {document, stem + table_suffix + ".xlsx", stem + ".pdf"};
}

DocumentsWritten write_documents(const DocumentJob& job) {
  DocumentsWritten written;
  std::optional<std::string> libreoffice;
  if (job.pdf && !(libreoffice = find_libreoffice())) written.problem = libreoffice_missing_message();
  job.write_table(job.outputs.table);
  write_docx(job.document, job.outputs.document, job.timestamp);
  written.files = {{job.document_words, job.outputs.document}, {job.table_words, job.outputs.table}};
  if (libreoffice) {
    try {
      export_pdf(*libreoffice, job.outputs.document, job.outputs.pdf);
      written.files.push_back({"bản PDF", job.outputs.pdf});
    } catch (const OutputError& e) {
      written.problem = e.what();
    }
  }
  return written;
}

}  // namespace kehoach
