#include "read/xlsx_number_format.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>

#include "package/ooxml_xml.h"

namespace kehoach {
namespace {

constexpr int kGeneralDigits = 10;  // significant digits General shows, per the contract

// ---------------------------------------------------------------------------------------------
// Numbers. Excel keeps 15 significant decimal digits and rounds what it shows from those, so
// the value goes through that decimal form first: 2.675 (binary 2.67499999...) shows as "2.68"
// under "0.00", and 0.1 + 0.2 shows as "0.3" under General, exactly as the user sees them.

// value = d.ddd... x 10^exponent; no trailing zeros in digits; zero is {"0", 0}.
struct Decimal {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

void normalize(Decimal& number) {
  while (!number.digits.empty() && number.digits.back() == '0') number.digits.pop_back();
  if (!number.digits.empty()) return;
  number = Decimal{false, "0", 0};
}

Decimal to_decimal(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.14e", value);
  std::string_view text = buffer;
  const auto e = text.find_first_of("eE");
  Decimal number;
  number.negative = text.front() == '-';
  for (char c : text.substr(0, e))  // digits only, whatever decimal mark the C locale uses
    if (std::isdigit(static_cast<unsigned char>(c))) number.digits += c;
  number.exponent = std::atoi(buffer + e + 1);
  normalize(number);
  return number;
}

// Keeps `keep` significant digits, rounding half away from zero as Excel does.
void round_digits(Decimal& number, int keep) {
  if (keep >= static_cast<int>(number.digits.size())) return;
  if (keep < 0) {
    number = Decimal{false, "0", 0};
    return;
  }
  bool carry = number.digits[static_cast<std::size_t>(keep)] >= '5';
  number.digits.resize(static_cast<std::size_t>(keep));
  for (auto i = number.digits.size(); carry && i-- > 0;) {
    carry = number.digits[i] == '9';
    number.digits[i] = carry ? '0' : static_cast<char>(number.digits[i] + 1);
  }
  if (carry) {
    number.digits.insert(number.digits.begin(), '1');
    ++number.exponent;
  }
  normalize(number);
}

std::string fixed_text(const Decimal& number, int decimals) {
  auto digit_at = [&](int power) {
    const int index = number.exponent - power;
    return index >= 0 && index < static_cast<int>(number.digits.size()) ? number.digits[static_cast<std::size_t>(index)] : '0';
  };
  std::string out = number.negative ? "-" : "";
  for (int power = std::max(number.exponent, 0); power >= 0; --power) out += digit_at(power);
  if (decimals > 0) out += '.';
  for (int power = -1; power >= -decimals; --power) out += digit_at(power);
  return out;
}

// Only for magnitudes no village statistic has; written the way Excel writes them ("1.5E+20").
std::string scientific_text(const Decimal& number) {
  std::string out = number.negative ? "-" : "";
  out += number.digits.front();
  if (number.digits.size() > 1) {
    out += '.';
    out.append(number.digits, 1);
  }
  char exponent[16];
  std::snprintf(exponent, sizeof exponent, "E%c%02d", number.exponent < 0 ? '-' : '+', std::abs(number.exponent));
  return out + exponent;
}

std::string general_text(Decimal number) {
  round_digits(number, kGeneralDigits);
  if (number.exponent >= 15 || number.exponent < -9) return scientific_text(number);
  const int decimals = std::max(0, static_cast<int>(number.digits.size()) - 1 - number.exponent);
  return fixed_text(number, decimals);
}

// The custom codes of xl/styles.xml's <numFmts>, by numFmtId.
// The most custom formats and cell styles kept: Excel allows some 250 and 64.000. More is a damaged file,
// and bounds what a hostile one makes us keep.
constexpr std::size_t kMaxStyles = 1 << 20;

// xl/styles.xml, streamed: the custom formats (<numFmts><numFmt numFmtId formatCode/>), the fonts' names
// (<fonts><font><name val/>) and the number format and font of each cell style (<cellXfs><xf numFmtId
// fontId/>), wherever in the file each list comes.
class StylesHandler : public XmlHandler {
 public:
  void start(std::string_view name, const char* const* attributes) override {
    ++depth_;
    if (depth_ == 2) list_ = name;
    if (depth_ == 4 && list_ == "fonts" && name == "name" && !font_names_.empty())
      font_names_.back() = xml_attribute_text(attributes, "val");
    if (depth_ != 3) return;
    if (list_ == "numFmts" && name == "numFmt") add_custom(attributes);
    if (list_ == "fonts" && name == "font") add_font();
    if (list_ == "cellXfs" && name == "xf") add_style(attributes);
  }
  void end(std::string_view) override {
    if (depth_ == 2) list_.clear();
    --depth_;
  }

  bool too_many() const { return too_many_; }

  std::vector<NumberFormat> formats() const {
    std::vector<NumberFormat> formats;
    formats.reserve(style_ids_.size());
    for (int id : style_ids_) {
      auto custom = custom_.find(id);
      formats.push_back(custom != custom_.end() ? custom->second : parse_format_code(builtin_format_code(id)));
    }
    return formats;
  }

  // Each style's legacy font, or nothing at all when no style has one (the common case: no lookups).
  std::vector<std::optional<LegacyFont>> legacy_fonts() const {
    std::vector<std::optional<LegacyFont>> by_font(font_names_.size());
    bool any = false;
    for (std::size_t i = 0; i < font_names_.size(); ++i) {
      bool upper = false;
      if (const auto encoding = font_encoding(font_names_[i], &upper)) {
        by_font[i] = LegacyFont{*encoding, upper};
        any = true;
      }
    }
    if (!any) return {};
    std::vector<std::optional<LegacyFont>> fonts(style_fonts_.size());
    for (std::size_t i = 0; i < style_fonts_.size(); ++i)
      if (style_fonts_[i] >= 0 && static_cast<std::size_t>(style_fonts_[i]) < by_font.size())
        fonts[i] = by_font[static_cast<std::size_t>(style_fonts_[i])];
    return fonts;
  }

 private:
  void add_custom(const char* const* attributes) {
    auto id = parse_int(xml_attribute_text(attributes, "numFmtId"));
    if (!id) return;
    if (custom_.size() == kMaxStyles) too_many_ = true;
    if (!too_many_) custom_[*id] = parse_format_code(xml_attribute_text(attributes, "formatCode"));
  }

  void add_style(const char* const* attributes) {
    if (style_ids_.size() == kMaxStyles) too_many_ = true;
    if (too_many_) return;
    style_ids_.push_back(parse_int(xml_attribute_text(attributes, "numFmtId")).value_or(0));
    style_fonts_.push_back(parse_int(xml_attribute_text(attributes, "fontId")).value_or(0));
  }

  void add_font() {
    if (font_names_.size() == kMaxStyles) too_many_ = true;
    if (!too_many_) font_names_.emplace_back();
  }

  std::map<int, NumberFormat> custom_;  // what a code shows, not the code: a few bytes each
  std::vector<int> style_ids_;
  std::vector<int> style_fonts_;          // each style's fontId
  std::vector<std::string> font_names_;   // each font's name
  std::string list_;
  int depth_ = 0;
  bool too_many_ = false;
};

// A whole number as a sheet writes most of them ("3", "1500000", "-12"), shown without the detour
// through binary and decimal that number_text takes: the same text, for the formats that show such a
// number as its digits (General up to 10 digits, fixed decimals up to the 15 digits a double holds
// exactly). Nothing for any other value or format, which number_text then works out in full.
std::optional<std::string> whole_number_text(std::string_view value, const NumberFormat& format) {
  const bool negative = !value.empty() && value.front() == '-';
  const std::string_view digits = value.substr(negative ? 1 : 0);
  if (digits.empty() || digits.size() > (format.general ? 10u : 15u) || format.percent) return std::nullopt;
  if (digits.front() == '0' && digits.size() > 1) return std::nullopt;  // "007": the long way
  for (char c : digits)
    if (c < '0' || c > '9') return std::nullopt;
  std::string text;
  text.reserve(value.size() + 1 + static_cast<std::size_t>(std::max(format.decimals, 0)));
  if (negative && digits != "0") text += '-';
  text += digits;
  if (!format.general && format.decimals > 0) {
    text += '.';
    text.append(static_cast<std::size_t>(format.decimals), '0');
  }
  return text;
}

}  // namespace

std::string number_text(std::string_view value, const NumberFormat& format) {
  if (auto whole = whole_number_text(value, format)) return std::move(*whole);
  double parsed = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(parsed))
    return std::string(value);  // not a number after all: show what the file holds
  Decimal number = to_decimal(parsed);
  if (format.general) return general_text(number);
  if (format.percent && number.digits != "0") number.exponent += 2;
  round_digits(number, number.exponent + 1 + format.decimals);
  return fixed_text(number, format.decimals);
}

NumberFormat parse_format_code(std::string_view code) {
  NumberFormat format;
  bool after_point = false;
  bool has_placeholder = false;
  for (std::size_t i = 0; i < code.size() && code[i] != ';'; ++i) {
    const char c = code[i];
    if (c == '"' || c == '[') {
      i = code.find(c == '"' ? '"' : ']', i + 1);
      if (i == std::string_view::npos) break;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal, a width, or a fill
    } else if (c == '%') {
      format.percent = true;
    } else if (c == '.') {
      after_point = true;
    } else if (c == '0' || c == '#' || c == '?') {
      has_placeholder = true;
      if (after_point) ++format.decimals;
    }
  }
  format.general = !has_placeholder;
  return format;
}

std::string builtin_format_code(int id) {
  static const std::map<int, std::string> codes = {{1, "0"},    {2, "0.00"}, {3, "#,##0"},
                                                   {4, "#,##0.00"}, {9, "0%"},   {10, "0.00%"}};
  auto found = codes.find(id);
  return found == codes.end() ? "General" : found->second;
}

CellStyles read_cell_styles(XlsxPackage& package, const std::string& part) {
  if (part.empty() || !package.has(part)) return {};  // no styles: every cell is General
  StylesHandler handler;
  package.parse_xml(part, handler);
  if (handler.too_many()) package.fail_broken(part);
  return {handler.formats(), handler.legacy_fonts()};
}

}  // namespace kehoach
