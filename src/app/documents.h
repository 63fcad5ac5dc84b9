#pragma once
// The way `plan` and `report` hand over their files: a Word document from a template, its Excel
// table beside it, and on request a PDF through LibreOffice.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "package/atomic_file.h"
#include "package/docx_package.h"
#include "package/input_log.h"
#include "template/document_template.h"

namespace kehoach {

// A shipped template name or a path (relative to the plan file), read and compiled. A template folder
// the system does not let kehoach read (a subfolder without permission) is an InputError naming it.
// Read every time, compiled once while its parts stay the same (the web server makes many documents from
// one template) and shared: rendering does not change it.
std::shared_ptr<const DocumentTemplate> load_document_template(const std::string& name, const std::string& plan_file);
DocxPackage read_template(const std::string& location);

struct DocumentOutputs {
  std::string document;  // X.docx
  std::string table;     // X<suffix>.xlsx
  std::string pdf;       // X.pdf
};

DocumentOutputs outputs_beside(const std::string& document, const std::string& table_suffix);

struct DocumentJob {
  std::string document_words;   // "kế hoạch": what the document is, for "Đã ghi kế hoạch: …"
  std::string table_words;      // "phụ lục"
  DocumentOutputs outputs;
  std::string document;  // the .docx's bytes (DocumentTemplate::render_docx)
  std::function<void(const AtomicFile& file)> write_table;
  bool pdf = false;
};

struct WrittenFile {
  std::string words;  // "kế hoạch", "phụ lục", "bản PDF"
  std::string path;
};

struct DocumentsWritten {
  std::vector<WrittenFile> files;  // in the order they were written
  std::string problem;             // a file asked for and not made (the PDF), the others written; empty: none
};

// Writes the table and the document, then the PDF when asked for, all to temporary files renamed into
// place together once every one is made: a failure leaves none of them (and what the targets held before).
// Before anything is written, a target that is one of `inputs` is refused (InputError). Throws
// OutputError when the table or the document cannot be written; a PDF that cannot be made (no
// LibreOffice, or LibreOffice failing) is the result's `problem`, the Word and Excel files being written
// all the same. Throws Interrupted when stopped during the PDF.
DocumentsWritten write_documents(const DocumentJob& job, const InputFiles& inputs);

}  // namespace kehoach
