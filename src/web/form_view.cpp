#include "web/form_view.h"

#include "web/html.h"

namespace kehoach {
namespace {

struct Parts {
  std::string open, describedby, after_label;
  bool invalid = false;
};

// What every kind of field shares: the wrapper, the label, the hint and the message.
Parts field_parts(const Field& field, const FormErrors& errors) {
  Parts parts;
  const std::string message = errors.message_for(field.id);
  parts.invalid = !message.empty();
  const std::string id = escape_html(field.id);
  parts.open = std::string("<div class=\"field") + (parts.invalid ? " field--error" : "") + "\">\n<label for=\"" + id +
               "\">" + escape_html(field.label) + "</label>\n";
  if (!field.hint.empty()) {
    parts.after_label += "<p class=\"field-hint\" id=\"" + id + "-goi-y\">" + escape_html(field.hint) + "</p>\n";
    parts.describedby += id + "-goi-y";
  }
  if (parts.invalid) {
    parts.after_label += "<p class=\"field-error\" id=\"" + id + "-loi\"><span class=\"visually-hidden\">Lỗi: </span>" +
                         escape_html(message) + "</p>\n";
    parts.describedby += (parts.describedby.empty() ? "" : " ") + id + "-loi";
  }
  return parts;
}

std::string common_attributes(const Field& field, const Parts& parts) {
  std::string attributes = " id=\"" + escape_html(field.id) + "\" name=\"" + escape_html(field.id) + "\"";
  if (!parts.describedby.empty()) attributes += " aria-describedby=\"" + parts.describedby + "\"";
  if (parts.invalid) attributes += " aria-invalid=\"true\"";
  return attributes;
}

}  // namespace

std::string FormErrors::message_for(const std::string& field_id) const {
  for (const FieldError& error : errors_)
    if (error.field_id == field_id) return error.message;
  return "";
}

std::string error_summary(const FormErrors& errors) {
  if (errors.empty()) return "";
  std::string html =
      "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"tom-tat-loi\" tabindex=\"-1\">\n"
      "<h2 id=\"tom-tat-loi\" class=\"error-summary-title\">Có lỗi cần sửa</h2>\n<ul class=\"error-summary-list\">\n";
  for (const FieldError& error : errors.all())
    html += "<li><a href=\"#" + escape_html(error.field_id) + "\">" + escape_html(error.message) + "</a></li>\n";
  return html + "</ul>\n</div>\n";
}

std::string notice_box(const std::string& notice) {
  if (notice.empty()) return "";
  return "<div class=\"notice\" role=\"status\"><p>" + escape_html(notice) + "</p></div>\n";
}

std::string text_field(const Field& field, const FormErrors& errors) {
  const Parts parts = field_parts(field, errors);
  std::string input = "<input class=\"input" + (field.width_class.empty() ? "" : " " + field.width_class) + "\" type=\"" +
                      escape_html(field.type) + "\"" + common_attributes(field, parts);
  if (field.type != "password") input += " value=\"" + escape_html(field.value) + "\"";
  if (!field.autocomplete.empty()) input += " autocomplete=\"" + escape_html(field.autocomplete) + "\"";
  if (field.type == "text") input += " spellcheck=\"false\"";
  return parts.open + parts.after_label + input + ">\n</div>\n";
}

std::string select_field(const Field& field, const std::vector<Choice>& choices, const FormErrors& errors) {
  const Parts parts = field_parts(field, errors);
  std::string html = parts.open + parts.after_label + "<select class=\"select\"" + common_attributes(field, parts) + ">\n";
  for (const Choice& choice : choices)
    html += "<option value=\"" + escape_html(choice.value) + "\"" + (choice.value == field.value ? " selected" : "") + ">" +
            escape_html(choice.label) + "</option>\n";
  return html + "</select>\n</div>\n";
}

std::string file_field(const Field& field, const std::string& accept, const FormErrors& errors) {
  const Parts parts = field_parts(field, errors);
  return parts.open + parts.after_label + "<input class=\"file-input\" type=\"file\"" + common_attributes(field, parts) +
         " accept=\"" + escape_html(accept) + "\">\n</div>\n";
}

std::string text_area(const Field& field, const FormErrors& errors, int rows) {
  const Parts parts = field_parts(field, errors);
  return parts.open + parts.after_label + "<textarea class=\"textarea" +
         (field.width_class.empty() ? "" : " " + field.width_class) + "\" rows=\"" + std::to_string(rows) + "\"" +
         common_attributes(field, parts) + " spellcheck=\"false\">" + escape_html(field.value) + "</textarea>\n</div>\n";
}

std::string csrf_field(const std::string& token) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape_html(token) + "\">\n";
}

std::string post_form(const std::string& action, const std::string& csrf, const std::string& inner, bool multipart,
                      const std::string& css_class) {
  return "<form method=\"post\" action=\"" + escape_html(action) + "\"" +
         (multipart ? " enctype=\"multipart/form-data\"" : "") +
         (css_class.empty() ? "" : " class=\"" + escape_html(css_class) + "\"") + " novalidate>\n" + csrf_field(csrf) +
         inner + "</form>\n";
}

std::string submit_button(const std::string& label, const std::string& css_class) {
  return "<button type=\"submit\" class=\"" + escape_html(css_class) + "\">" + escape_html(label) + "</button>\n";
}

std::string action_button(const std::string& label, const std::string& name, const std::string& value,
                          const std::string& css_class) {
  return "<button type=\"submit\" class=\"" + escape_html(css_class) + "\" name=\"" + escape_html(name) + "\" value=\"" +
         escape_html(value) + "\">" + escape_html(label) + "</button>\n";
}

}  // namespace kehoach
