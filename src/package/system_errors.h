#pragma once
// What the operating system says went wrong with a file, in the words of the person who runs kehoach:
// "đĩa đã đầy", "không có quyền", not "No space left on device". Messages name the file themselves.
#include <filesystem>
#include <string>
#include <system_error>

namespace kehoach {

// "đĩa đã đầy", "không có quyền ghi hoặc đọc", …; an error it does not know: "lỗi hệ thống số N".
std::string system_reason(const std::error_code& error);

// A std::filesystem error as a sentence naming its path(s): "không đọc hoặc ghi được /a/b: không có quyền
// đọc hoặc ghi ở đó". Used where such an error reaches the person without a better place to say it.
std::string filesystem_problem(const std::filesystem::filesystem_error& error);

// What went wrong, for an exception caught where the work goes on (a batch's unit): memory and file
// system errors in words, anything else by its own message (kehoach's own errors are Vietnamese).
std::string failure_text(const std::exception& error);

}  // namespace kehoach
