#pragma once
// xl/sharedStrings.xml: the texts a workbook's cells share, indexed by a cell's <v> when t="s".
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "package/xlsx_package.h"

namespace kehoach {

// The strings of a workbook, kept one after another in one block of text: a household list saved by
// Excel has a string for each household's code, a million strings for a million rows, which as as many
// std::strings would take twice the memory (and a million allocations).
class SharedStrings {
 public:
  SharedStrings() = default;
  SharedStrings(const std::vector<std::string>& strings);  // NOLINT: a list of strings reads as the table it is

  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t index) const {
    const std::uint32_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
  }
  void add(std::string_view text);
  void shrink_to_fit();

 private:
  std::string text_;
  std::vector<std::uint32_t> ends_;  // where each string ends in text_ (the table is bounded far below 4 GB)
};

// The strings in order, _xHHHH_ escapes decoded and nothing else done to them (each cell's text is
// cleaned where it is read). None when `part` is "" or absent: a workbook of numbers only has none.
SharedStrings read_shared_strings(XlsxPackage& package, const std::string& part);

}  // namespace kehoach
