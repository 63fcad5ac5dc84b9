#pragma once
// PDF through LibreOffice headless: the layout Word would give, with Liberation Serif standing in
// for Times New Roman on Debian (same metrics, so lines and pages break alike).
#include <optional>
#include <string>

namespace kehoach {

// The LibreOffice program (soffice or libreoffice) on PATH, if any.
std::optional<std::string> find_libreoffice();

// What to tell a user who asked for a PDF on a machine without LibreOffice.
std::string libreoffice_missing_message();

// Converts `document` (a .docx) to `pdf`, whole or not at all. Throws std::runtime_error with
// LibreOffice's complaint when the conversion fails.
void export_pdf(const std::string& libreoffice, const std::string& document, const std::string& pdf);

}  // namespace kehoach
