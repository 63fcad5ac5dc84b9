#include "web/audit_words.h"

#include <map>

namespace kehoach {

AuditActor audit_actor(const RequestContext& context) {
  return {context.who ? context.who->account.id : 0, context.client_address, context.now};
}

std::string audit_action_label(const std::string& action) {
  static const std::map<std::string, std::string> labels{
      {"version.save", "Lưu phiên bản"},
      {"submission.submit", "Gửi lên cấp trên"},
      {"submission.return", "Trả lại"},
      {"submission.approve", "Duyệt"},
      {"submission.reopen", "Mở lại"},
      {"target.assign", "Giao chỉ tiêu"},
      {"target.request", "Đề nghị điều chỉnh chỉ tiêu"},
      {"target.agree", "Đồng ý điều chỉnh chỉ tiêu"},
      {"target.refuse", "Không đồng ý điều chỉnh chỉ tiêu"},
      {"deadline.set", "Đặt hạn nộp"},
      {"deadline.remove", "Bỏ hạn nộp"},
      {"account.create", "Tạo tài khoản"},
      {"account.reset_password", "Đặt lại mật khẩu"},
      {"account.lock", "Khóa tài khoản"},
      {"account.unlock", "Mở khóa tài khoản"},
      {"account.change_password", "Đổi mật khẩu"},
      {"account.sign_in", "Đăng nhập"},
      {"unit.create", "Thêm đơn vị"},
      {"unit.import", "Thêm đơn vị từ tệp"},
  };
  const auto found = labels.find(action);
  return found == labels.end() ? action : found->second;
}

const std::vector<AuditChoice>& audit_action_choices() {
  static const std::vector<AuditChoice> choices{
      {"", "Tất cả"},
      {"version.save", "Lưu phiên bản (bảng số liệu, kế hoạch, báo cáo)"},
      {"submission.", "Gửi, trả lại, duyệt, mở lại"},
      {"target.", "Chỉ tiêu (giao, đề nghị điều chỉnh, đồng ý hay không)"},
      {"deadline.", "Hạn nộp (đặt, bỏ)"},
      {"account.", "Tài khoản (tạo, đặt lại mật khẩu, khóa, đổi mật khẩu, đăng nhập)"},
      {"account.sign_in", "Chỉ đăng nhập"},
      {"unit.", "Đơn vị (thêm)"},
  };
  return choices;
}

}  // namespace kehoach
