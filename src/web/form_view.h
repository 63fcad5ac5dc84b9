#pragma once
// Forms as every page writes them, in the way GOV.UK's design system does: each field with its label,
// an optional hint and, when the value was refused, the message beside it; and at the top of the page
// an error summary listing every message as a link to its field (`#field-id`), so that a reader of a
// screen reader hears them first and reaches each field in one step. A page with errors also says so in
// its title ("Lỗi: …", web/layout.h).
#include <string>
#include <vector>

namespace kehoach {

struct FieldError {
  std::string field_id;  // the id of the field (its input's id): the summary links to it
  std::string message;   // what to fix, in Vietnamese: "Hãy nhập tên đơn vị."
};

class FormErrors {
 public:
  void add(const std::string& field_id, const std::string& message) { errors_.push_back({field_id, message}); }
  bool empty() const { return errors_.empty(); }
  const std::vector<FieldError>& all() const { return errors_; }
  // The first message for the field, or "".
  std::string message_for(const std::string& field_id) const;

 private:
  std::vector<FieldError> errors_;
};

// The box at the top: "Có lỗi cần sửa" and a link per message. "" when there are none.
std::string error_summary(const FormErrors& errors);

// A notice after something worked ("Đã tạo tài khoản …"), in a box with role="status". "" when empty.
std::string notice_box(const std::string& notice);

// Every member has an initializer, so that a page names only those it sets ({.id = …, .label = …}).
struct Field {
  std::string id = "";            // also its name in the form
  std::string label = "";
  std::string value = "";         // as typed (shown again when the form comes back with errors)
  std::string hint = "";          // one line under the label, or ""
  std::string type = "text";      // text, password, number
  std::string autocomplete = "";  // "username", "current-password", "new-password", "off", or ""
  std::string width_class = "";   // "input--short" for a year or a number, or ""
};

// <div class="field"> with <label>, hint, error message and <input>: aria-describedby links the hint
// and the message, aria-invalid marks a refused value.
std::string text_field(const Field& field, const FormErrors& errors);

struct Choice {
  std::string value;
  std::string label;
};
// The same with a <select>; `field.value` is the chosen value.
std::string select_field(const Field& field, const std::vector<Choice>& choices, const FormErrors& errors);

// The same with <input type="file">; `accept` as the attribute takes it (".csv,.xlsx").
std::string file_field(const Field& field, const std::string& accept, const FormErrors& errors);

// The same with a <textarea> of `rows` lines: paragraphs (a blank line between two), or a list typed one
// item a line.
std::string text_area(const Field& field, const FormErrors& errors, int rows = 5);

// The hidden field of the session's form token (checked on every POST).
std::string csrf_field(const std::string& token);

// <form method="post" action="…"> with the token, `inner` and nothing else: forms end with a button.
std::string post_form(const std::string& action, const std::string& csrf, const std::string& inner,
                      bool multipart = false, const std::string& css_class = "");

std::string submit_button(const std::string& label, const std::string& css_class = "button");

// A submit button that also sends name=value: one of several actions of a form ("Thêm dòng", "Lưu").
std::string action_button(const std::string& label, const std::string& name, const std::string& value,
                          const std::string& css_class = "button");

}  // namespace kehoach
