#pragma once
// The way `plan` and `report` hand over their files: a Word document from a template, its Excel
// table beside it, and on request a PDF through LibreOffice.
#include <functional>
#include <string>

#include "cli/commands.h"
#include "package/docx_package.h"
#include "template/document_template.h"

namespace kehoach {

// A shipped template name or a path (relative to the plan file), read and compiled.
DocumentTemplate load_document_template(const std::string& name, const std::string& plan_file);

struct DocumentOutputs {
  std::string document;  // X.docx
  std::string table;     // X<suffix>.xlsx
  std::string pdf;       // X.pdf
};

DocumentOutputs outputs_beside(const std::string& document, const std::string& table_suffix);

struct DocumentJob {
  std::string command;          // "plan", for messages
  std::string document_words;   // "kế hoạch": "Đã ghi kế hoạch: …"
  std::string table_words;      // "phụ lục"
  DocumentOutputs outputs;
  DocxPackage document;
  long long timestamp = 0;
  std::function<void(const std::string& path)> write_table;
  bool pdf = false;
};

// Writes the table, the document and the PDF, saying what was written. Returns the exit status:
// 3 when a file cannot be written or a PDF was asked for without LibreOffice (the Word and Excel
// files are written all the same).
int write_documents(const DocumentJob& job, Console console);

}  // namespace kehoach
