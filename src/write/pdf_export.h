#pragma once
// PDF through LibreOffice headless: the layout Word would give, with Liberation Serif standing in
// for Times New Roman on Debian (same metrics, so lines and pages break alike).
#include <optional>
#include <string>

#include "package/atomic_file.h"

namespace kehoach {

// The LibreOffice program (soffice or libreoffice) on PATH, if any.
std::optional<std::string> find_libreoffice();

// What to tell a user who asked for a PDF on a machine without LibreOffice.
std::string libreoffice_missing_message();

// Converts `document` (a .docx being written, not yet committed) into `pdf` (committed by the caller,
// with the document). Throws OutputError with LibreOffice's complaint when the conversion fails, and
// Interrupted when a stop was asked for meanwhile (LibreOffice is then killed, its folder removed).
void export_pdf(const std::string& libreoffice, const AtomicFile& document, const AtomicFile& pdf);

}  // namespace kehoach
