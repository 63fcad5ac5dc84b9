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

// Ctrl-C and SIGTERM wait while the helper starts and is noted, so that a stop never misses it.
class HoldStopSignals {
 public:
  HoldStopSignals() {
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, &previous_);
  }
  ~HoldStopSignals() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  HoldStopSignals(const HoldStopSignals&) = delete;
  HoldStopSignals& operator=(const HoldStopSignals&) = delete;

 private:
  sigset_t previous_;
};

// The environment with TMPDIR set to `temporary`: what the helper leaves there, killed, goes with the folder.
std::vector<std::string> environment_with(const std::string& temporary) {
  std::vector<std::string> variables;
  for (char** variable = environ; *variable; ++variable)
    if (std::strncmp(*variable, "TMPDIR=", 7) != 0) variables.emplace_back(*variable);
  variables.push_back("TMPDIR=" + temporary);
  return variables;
}

// Runs `program` in a process group of its own (LibreOffice starts a second process: a stop kills both),
// its temporary files in `temporary`, and waits for it, gathering what it says.
Finished run_helper(const std::string& program, const std::vector<std::string>& arguments,
                    const std::string& temporary) {
  int pipe_ends[2];
  if (::pipe2(pipe_ends, O_CLOEXEC) != 0) throw OutputError("không chạy được LibreOffice: " + system_reason({errno, std::generic_category()}) + ".");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const std::vector<std::string> variables = environment_with(temporary);
  std::vector<char*> envp;
  for (const auto& variable : variables) envp.push_back(const_cast<char*>(variable.c_str()));
  envp.push_back(nullptr);
  pid_t pid = 0;
  int spawned = 0;
  {
    const HoldStopSignals hold;
    spawned = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
    if (spawned == 0) track_helper(pid);
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(pipe_ends[1]);
  Finished finished;
  if (spawned != 0) {
    ::close(pipe_ends[0]);
    throw OutputError("không chạy được LibreOffice (" + program + "): " + system_reason({spawned, std::generic_category()}) + ".");
  }
  char buffer[4096];
  for (ssize_t got; (got = ::read(pipe_ends[0], buffer, sizeof buffer)) != 0;) {
    if (got > 0) finished.output.append(buffer, static_cast<std::size_t>(got));
    else if (errno != EINTR) break;
  }
  ::close(pipe_ends[0]);
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
  if (error) throw OutputError("không chuẩn bị được bản PDF của " + document.target_path() + ": " + system_reason(error) + ".");
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
