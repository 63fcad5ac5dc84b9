#include "write/pdf_export.h"

#include <Poco/TemporaryFile.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <vector>

#include "model/input_error.h"
#include "package/interruption.h"
#include "package/system_errors.h"

extern char** environ;

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

struct Finished {
  int status = -1;     // the exit status, -1 when it did not exit by itself
  std::string output;  // what it said, on stdout and stderr
};

// The environment with TMPDIR set to `temporary`: what the helper leaves there, killed, goes with the folder.
std::vector<std::string> environment_with(const std::string& temporary) {
  std::vector<std::string> variables;
  for (char** variable = environ; *variable; ++variable)
    if (std::strncmp(*variable, "TMPDIR=", 7) != 0) variables.emplace_back(*variable);
  variables.push_back("TMPDIR=" + temporary);
  return variables;
}

std::vector<char*> pointers(const std::vector<std::string>& texts) {
  std::vector<char*> out;
  for (const auto& text : texts) out.push_back(const_cast<char*>(text.c_str()));
  out.push_back(nullptr);
  return out;
}

// Starts `program` in a process group of its own (LibreOffice starts a second process: a stop kills the
// group), its stdout and stderr into `output`, its temporary files in `temporary`, and notes it as the
// helper a stop kills. Returns its PID, or the error of posix_spawn as a negative number.
pid_t start_helper(const std::string& program, const std::vector<std::string>& arguments,
                   const std::string& temporary, int output) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, output, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, defaults;  // the helper starts with Ctrl-C and SIGTERM as a program normally has them
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<std::string> words{program};
  words.insert(words.end(), arguments.begin(), arguments.end());
  const std::vector<std::string> variables = environment_with(temporary);
  std::vector<char*> argv = pointers(words), envp = pointers(variables);
  pid_t pid = 0;
  int error = 0;
  {
    const HoldStopSignals hold;  // a stop between the start and the note would miss the helper
    error = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
    if (error == 0) track_helper(pid);
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return error == 0 ? pid : -error;
}

// Runs `program` as start_helper does and waits for it, gathering what it says.
Finished run_helper(const std::string& program, const std::vector<std::string>& arguments,
                    const std::string& temporary) {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0)
    throw OutputError("không chạy được LibreOffice: " + system_reason({errno, std::generic_category()}) + ".");
  const pid_t pid = start_helper(program, arguments, temporary, ends[1]);
  ::close(ends[1]);
  Finished finished;
  if (pid < 0) {
    ::close(ends[0]);
    throw OutputError("không chạy được LibreOffice (" + program + "): " +
                      system_reason({-pid, std::generic_category()}) + ".");
  }
  char buffer[4096];
  for (ssize_t got; (got = ::read(ends[0], buffer, sizeof buffer)) != 0;) {
    if (got > 0)
      finished.output.append(buffer, static_cast<std::size_t>(got));
    else if (errno != EINTR)
      break;
  }
  ::close(ends[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  untrack_helper();
  if (WIFEXITED(status)) finished.status = WEXITSTATUS(status);
  return finished;
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

void export_pdf(const std::string& libreoffice, const AtomicFile& document, const AtomicFile& pdf) {
  // A private profile and folders: a second LibreOffice (or the officer's open one) cannot interfere, and
  // a failed conversion leaves nothing beside the document. The document goes in under its own name,
  // which LibreOffice gives the PDF.
  Poco::TemporaryFile work;
  work.createDirectories();
  const fs::path folder(work.path());
  const fs::path input = folder / "in" / fs::path(document.target_path()).filename();
  std::error_code error;
  fs::create_directories(input.parent_path(), error);
  if (!error) fs::create_directories(folder / "tmp", error);
  if (!error) fs::copy_file(document.temporary_path(), input, error);
  if (error)
    throw OutputError("không chuẩn bị được bản PDF của " + document.target_path() + ": " + system_reason(error) + ".");
  const std::string profile = "-env:UserInstallation=file://" + (folder / "profile").string();
  const Finished finished =
      run_helper(libreoffice,
                 {profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", (folder / "out").string(),
                  input.string()},
                 (folder / "tmp").string());
  if (stop_requested()) throw Interrupted();
  const fs::path produced = folder / "out" / (input.stem().string() + ".pdf");
  if (finished.status != 0 || !fs::exists(produced))
    throw OutputError("LibreOffice không chuyển được " + document.target_path() + " sang PDF: " + finished.output);
  fs::copy_file(produced, pdf.temporary_path(), fs::copy_options::overwrite_existing, error);
  if (error) throw OutputError("không ghi được tệp " + pdf.target_path() + ": " + system_reason(error) + ".");
}

}  // namespace kehoach
