// The error pages: what went wrong in a sentence and where to go from there, in the site's frame.
#include "web/html.h"
#include "web/layout.h"
#include "web/routes.h"

namespace kehoach {
namespace {

struct ErrorText {
  const char* title;
  const char* text;
};

ErrorText error_text(int status) {
  switch (status) {
    case 400: return {"Yêu cầu không hợp lệ", "Trình duyệt gửi yêu cầu mà máy chủ không đọc được."};
    case 403:
      return {"Yêu cầu bị từ chối",
              "Biểu mẫu đã hết hạn hoặc không được gửi từ trang của kehoach, nên không có gì được lưu. Hãy quay lại "
              "trang trước, tải lại trang rồi gửi lại."};
    case 404:
      return {"Không tìm thấy trang",
              "Địa chỉ này không có trang nào, hoặc tài khoản của bạn không được xem trang này. Hãy kiểm tra lại địa chỉ."};
    case 405: return {"Yêu cầu không hợp lệ", "Trang này không nhận kiểu yêu cầu đó."};
    case 411: return {"Yêu cầu không hợp lệ", "Trình duyệt gửi biểu mẫu mà không ghi độ dài."};
    case 413: return {"Dữ liệu gửi lên quá lớn", "Dữ liệu hoặc tệp gửi lên lớn quá giới hạn; không có gì được lưu."};
    default:
      return {"Lỗi máy chủ",
              "Máy chủ gặp lỗi ngoài dự kiến nên chưa làm được việc này; không có gì được lưu dở. Hãy thử lại sau ít "
              "phút; nếu vẫn lỗi, hãy báo cho cán bộ quản trị."};
  }
}

}  // namespace

Reply error_page(const RequestContext& context, int status, const std::string& detail) {
  const ErrorText text = error_text(status);
  std::string body = "<p>" + escape_html(text.text) + "</p>\n";
  if (!detail.empty()) body += "<p>" + escape_html(detail) + "</p>\n";
  body += "<p><a href=\"/\">Về trang chính</a></p>\n";
  return page_reply(context, {text.title, "", body, nullptr}, status);
}

}  // namespace kehoach
