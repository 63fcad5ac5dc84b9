#include "package/system_errors.h"

#include <cerrno>
#include <new>

namespace kehoach {

std::string system_reason(const std::error_code& error) {
  if (error.category() == std::generic_category() || error.category() == std::system_category()) {
    switch (error.value()) {
      case ENOSPC: return "đĩa đã đầy";
      case EDQUOT: return "đã hết hạn mức dung lượng của người dùng trên đĩa";
      case EACCES:
      case EPERM: return "không có quyền đọc hoặc ghi ở đó";
      case EROFS: return "ổ đĩa chỉ cho đọc, không cho ghi";
      case ENOENT: return "không có tệp hoặc thư mục đó";
      case ENOTDIR: return "một phần của đường dẫn là tệp, không phải thư mục";
      case EISDIR: return "đó là một thư mục, không phải tệp";
      case ENAMETOOLONG: return "tên tệp hoặc đường dẫn dài quá mức hệ thống tệp cho phép";
      case ELOOP: return "đường dẫn có liên kết vòng quanh";
      case EEXIST: return "đã có tệp hoặc thư mục cùng tên";
      case ENOTEMPTY: return "thư mục không trống";
      case EMFILE:
      case ENFILE: return "đang mở quá nhiều tệp";
      case ENOMEM: return "không đủ bộ nhớ";
      case EIO: return "lỗi đọc ghi của ổ đĩa";
      case EFBIG: return "tệp lớn quá mức hệ thống tệp cho phép";
      case EXDEV: return "tệp và thư mục ở hai ổ đĩa khác nhau";
      case EBUSY: return "tệp hoặc thư mục đang được dùng";
      default: break;
    }
  }
  return "lỗi hệ thống số " + std::to_string(error.value());
}

std::string filesystem_problem(const std::filesystem::filesystem_error& error) {
  std::string paths = error.path1().string();
  if (!error.path2().empty()) paths += " và " + error.path2().string();
  return "không đọc hoặc ghi được " + (paths.empty() ? std::string("tệp hoặc thư mục") : paths) + ": " +
         system_reason(error.code());
}

std::string failure_text(const std::exception& error) {
  if (dynamic_cast<const std::bad_alloc*>(&error)) return "không đủ bộ nhớ";
  if (const auto* file = dynamic_cast<const std::filesystem::filesystem_error*>(&error)) return filesystem_problem(*file);
  return error.what();
}

}  // namespace kehoach
