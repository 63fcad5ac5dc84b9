#include "template/tag_parser.h"

#include <utf8proc.h>

#include "text/unicode.h"

namespace kehoach {
namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Letters (with the combining marks of decomposed Vietnamese), digits, '_', '.' and '-'.
bool name_characters_allowed(std::string_view name) {
  auto bytes = reinterpret_cast<const utf8proc_uint8_t*>(name.data());
  auto left = static_cast<utf8proc_ssize_t>(name.size());
  while (left > 0) {
    utf8proc_int32_t code = 0;
    auto length = utf8proc_iterate(bytes, left, &code);
    if (length <= 0) return false;
    bytes += length;
    left -= length;
    if (code == '_' || code == '.' || code == '-') continue;
    switch (utf8proc_category(code)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
      case UTF8PROC_CATEGORY_MN:
      case UTF8PROC_CATEGORY_MC:
      case UTF8PROC_CATEGORY_ND:
        continue;
      default:
        return false;
    }
  }
  return true;
}

bool dots_between_parts(std::string_view name) {
  return !name.starts_with('.') && !name.ends_with('.') && name.find("..") == std::string_view::npos;
}

}  // namespace

TagSpans find_tag_spans(std::string_view text) {
  TagSpans found;
  std::size_t pos = 0;
  while (true) {
    auto open = text.find("{{", pos);
    if (open == std::string_view::npos) break;
    auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      found.unclosed = open;
      break;
    }
    found.tags.push_back({open, close + 2});
    pos = close + 2;
  }
  return found;
}

ParsedTag parse_tag(std::string_view written) {
  ParsedTag tag;
  std::string_view inside = trim_spaces(written.substr(2, written.size() - 4));
  if (!inside.empty() && (inside.front() == '#' || inside.front() == '^' || inside.front() == '/')) {
    tag.kind = inside.front() == '#'   ? TagKind::kSection
               : inside.front() == '^' ? TagKind::kInverted
                                       : TagKind::kClose;
    inside = trim_spaces(inside.substr(1));
  }
  std::string shown(written);
  if (inside.empty()) {
    tag.problem = "thẻ " + shown + " không có tên.";
  } else if (!name_characters_allowed(inside)) {
    tag.problem = "thẻ " + shown +
                  " có tên không hợp lệ: tên chỉ gồm chữ cái, chữ số và các dấu \"_\", \".\", \"-\".";
  } else if (!dots_between_parts(inside)) {
    tag.problem = "thẻ " + shown +
                  " có tên không hợp lệ: dấu \".\" chỉ đứng giữa hai phần của tên, như {{xa.ten}}.";
  } else {
    tag.name = to_nfc(inside);
  }
  return tag;
}

std::string show_tag(TagKind kind, const std::string& name) {
  switch (kind) {
    case TagKind::kSection:
      return "{{#" + name + "}}";
    case TagKind::kInverted:
      return "{{^" + name + "}}";
    case TagKind::kClose:
      return "{{/" + name + "}}";
    case TagKind::kValue:
      break;
  }
  return "{{" + name + "}}";
}

}  // namespace kehoach
