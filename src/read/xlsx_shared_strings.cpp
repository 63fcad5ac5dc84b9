#include "read/xlsx_shared_strings.h"

#include <algorithm>

#include "model/input_error.h"
#include "package/input_limits.h"
#include "package/ooxml_xml.h"
#include "read/table_bounds.h"
#include "text/number_words.h"

namespace kehoach {
namespace {

// The strings are kept whole while the sheet is read: what they may take in memory (their text and a
// string each) is bounded by the limit of one part of the file's kind, and never more than this.
constexpr std::uint64_t kMaxSharedStringsMemory = 256 * kMiB;

// As in a sheet, a string's XML text may hold _xHHHH_ escapes, seven characters for one.
constexpr std::size_t kMaxRawStringCharacters = 7 * kMaxCellCharacters;

// Streamed: each <si> is one string, made of its <t> texts (plain, or one per rich-text run <r>);
// the <t> inside phonetic hints <rPh> is not part of the cell's text. A string too long, or strings
// too many, stop the parse (nothing may throw through expat) and are reported after it.
class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(std::uint64_t budget) : budget_(budget) {}

  void start(std::string_view name, const char* const*) override {
    if (name == "si") {
      text_.clear();
      text_length_.reset();
    }
    if (name == "rPh") in_phonetic_ = true;
    if (name == "t" && !in_phonetic_) collecting_ = true;
  }

  void end(std::string_view name) override {
    if (name == "t") collecting_ = false;
    if (name == "rPh") in_phonetic_ = false;
    if (name == "si") add();
  }

  void text(std::string_view piece) override {
    if (!collecting_) return;
    text_.append(piece);
    if (text_length_.over(text_)) give_up(too_long_);
  }

  bool too_long() const { return too_long_; }
  bool too_many() const { return too_many_; }
  std::size_t count() const { return strings_.size(); }
  SharedStrings take() {
    strings_.shrink_to_fit();
    return std::move(strings_);
  }

 private:
  // What each string may take is counted as a std::string of its own would take, as before the strings
  // were kept in one block (which takes less): the limit stays where it was.
  void add() {
    const bool escaped = text_.find("_x") != std::string::npos;
    const std::string decoded = escaped ? decode_escapes(text_) : std::string();
    const std::string_view text = escaped ? std::string_view(decoded) : std::string_view(text_);
    if (cell_too_long(text)) return give_up(too_long_);
    memory_ += sizeof(std::string) + text.size();
    if (memory_ > budget_) return give_up(too_many_);
    strings_.add(text);
  }

  void give_up(bool& why) {
    why = true;
    XmlHandler::stop();
  }

  std::uint64_t budget_;
  std::uint64_t memory_ = 0;
  SharedStrings strings_;
  std::string text_;
  GrowingText text_length_{kMaxRawStringCharacters};
  bool in_phonetic_ = false;
  bool collecting_ = false;
  bool too_long_ = false;
  bool too_many_ = false;
};

}  // namespace

SharedStrings::SharedStrings(const std::vector<std::string>& strings) {
  for (const auto& text : strings) add(text);
}

void SharedStrings::add(std::string_view text) {
  text_.append(text);
  ends_.push_back(static_cast<std::uint32_t>(text_.size()));
}

void SharedStrings::shrink_to_fit() {
  text_.shrink_to_fit();
  ends_.shrink_to_fit();
}

SharedStrings read_shared_strings(XlsxPackage& package, const std::string& part) {
  if (part.empty() || !package.has(part)) return {};  // a workbook of numbers only has none
  const std::uint64_t budget = std::min(input_limits(package.kind()).part, kMaxSharedStringsMemory);
  SharedStringsHandler handler(budget);
  package.parse_xml(part, handler);
  if (handler.too_long())
    package.fail("chuỗi chữ dùng chung thứ " + std::to_string(handler.count() + 1) + " (phần " + part + ") dài hơn " +
                 format_count(static_cast<long long>(kMaxCellCharacters)) +
                 " ký tự, giới hạn một ô của Excel; tệp bị hỏng hoặc cố ý gây hại: hãy mở bằng Excel hoặc LibreOffice "
                 "rồi lưu lại.");
  if (handler.too_many()) {
    const bool can_raise = budget < kMaxSharedStringsMemory;
    package.fail("các chuỗi chữ dùng chung (phần " + part + ") chiếm hơn " + format_size(budget) +
                 " bộ nhớ, quá giới hạn của " + kind_noun(package.kind()) +
                 "; hãy lưu bảng dưới dạng CSV (UTF-8), được đọc từng dòng" +
                 (can_raise ? "; " + raise_advice(package.kind()) : "."));
  }
  return handler.take();
}

}  // namespace kehoach
