#include "write/pdf_export.h"

#include <Poco/Exception.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "model/input_error.h"
#include "package/atomic_file.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "/usr/bin:/bin");
  for (std::string folder; std::getline(folders, folder, ':');) {
    const fs::path candidate = fs::path(folder.empty() ? "." : folder) / program;
    std::error_code error;
    if (fs::is_regular_file(candidate, error) && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> find_libreoffice() {
  if (auto soffice = on_path("soffice")) return soffice;
  return on_path("libreoffice");
}

std::string libreoffice_missing_message() {
  return "cần LibreOffice để xuất PDF nhưng máy chưa có. Trên Debian/Ubuntu hãy cài:\n"
         "  sudo apt-get install libreoffice-writer-nogui fonts-liberation2\n"
         "(fonts-liberation2 có phông Liberation Serif cùng cỡ chữ với Times New Roman). "
         "Tệp Word .docx vẫn được ghi bình thường.";
}

void export_pdf(const std::string& libreoffice, const std::string& document, const std::string& pdf) {
  // A private profile and output folder: a second LibreOffice (or the officer's open one) cannot
  // interfere, and a failed conversion leaves nothing beside the document.
  Poco::TemporaryFile work;
  work.createDirectories();
  const fs::path folder(work.path());
  const std::string profile = "-env:UserInstallation=file://" + (folder / "profile").string();
  Poco::Pipe output;
  Poco::ProcessHandle process = Poco::Process::launch(
      libreoffice, {profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", (folder / "out").string(), document},
      nullptr, &output, &output);
  Poco::PipeInputStream said(output);
  std::string complaint((std::istreambuf_iterator<char>(said)), {});
  const int status = process.wait();
  const fs::path produced = folder / "out" / (fs::path(document).stem().string() + ".pdf");
  if (status != 0 || !fs::exists(produced))
    throw OutputError("LibreOffice không chuyển được " + document + " sang PDF: " + complaint);
  AtomicFile file(pdf);
  fs::copy_file(produced, file.temporary_path(), fs::copy_options::overwrite_existing);
  file.commit();
}

}  // namespace kehoach
