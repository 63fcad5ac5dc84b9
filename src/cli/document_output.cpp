#include "cli/document_output.h"

#include <filesystem>
#include <optional>
#include <ostream>

#include "read/template_package.h"
#include "read/template_locator.h"
#include "package/docx_writer.h"
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

int write_documents(const DocumentJob& job, Console console) {
  int status = kExitOk;
  std::optional<std::string> libreoffice;
  if (job.pdf && !(libreoffice = find_libreoffice())) {
    console.err << "kehoach " << job.command << ": " << libreoffice_missing_message() << '\n';
    status = kExitOutput;
  }
  try {
    job.write_table(job.outputs.table);
    write_docx(job.document, job.outputs.document, job.timestamp);
    console.out << "Đã ghi " << job.document_words << ": " << job.outputs.document << "\nĐã ghi " << job.table_words
                << ": " << job.outputs.table << '\n';
    if (libreoffice) {
      export_pdf(*libreoffice, job.outputs.document, job.outputs.pdf);
      console.out << "Đã ghi bản PDF: " << job.outputs.pdf << '\n';
    }
  } catch (const std::runtime_error& e) {
    console.err << "kehoach " << job.command << ": " << e.what() << '\n';
    return kExitOutput;
  }
  return status;
}

}  // namespace kehoach
