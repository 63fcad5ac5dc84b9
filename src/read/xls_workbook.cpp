#include "read/xls_workbook.h"

#include <cctype>
#include <cstring>
#include <limits>

namespace kehoach {
namespace {

constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kFreeSector = 0xFFFFFFFF;

[[noreturn]] void damaged(const char* what) { throw XlsDamaged(what); }

std::uint16_t u16(std::string_view data, std::size_t at) {
  if (at + 2 > data.size()) damaged("short record");
  return static_cast<std::uint16_t>(static_cast<unsigned char>(data[at]) | static_cast<unsigned char>(data[at + 1]) << 8);
}

std::uint32_t u32(std::string_view data, std::size_t at) {
  return static_cast<std::uint32_t>(u16(data, at)) | static_cast<std::uint32_t>(u16(data, at + 2)) << 16;
}

double f64(std::string_view data, std::size_t at) {
  if (at + 8 > data.size()) damaged("short record");
  std::uint64_t bits = 0;
  for (int i = 7; i >= 0; --i) bits = bits << 8 | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// The compound file (OLE2, [MS-CFB]): sectors chained by the FAT, small streams in the mini stream.

class CompoundFile {
 public:
  explicit CompoundFile(std::string_view file) : file_(file) {
    if (file.size() < 512 || file.substr(0, 8) != std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
      damaged("no compound file header");
    const std::uint16_t shift = u16(file, 0x1E);
    if (shift != 9 && shift != 12) damaged("sector size");
    sector_ = std::size_t{1} << shift;
    if (u16(file, 0x20) != 6) damaged("mini sector size");
    sectors_ = (file.size() - std::min<std::size_t>(file.size(), sector_) + sector_ - 1) / sector_;
    read_fat();
    directory_ = chain(u32(file, 0x30), std::numeric_limits<std::uint64_t>::max());
    mini_cutoff_ = u32(file, 0x38);
    mini_fat_first_ = u32(file, 0x3C);
  }

  // The stream of the entry named `name` (ASCII, compared without case), if there is one.
  std::optional<std::string> stream(std::string_view name) {
    for (std::size_t at = 0; at + 128 <= directory_.size(); at += 128) {
      const std::string_view entry = std::string_view(directory_).substr(at, 128);
      const std::uint16_t name_bytes = u16(entry, 0x40);
      const auto type = static_cast<unsigned char>(entry[0x42]);
      if (name_bytes < 2 || name_bytes > 64) continue;
      std::string entry_name;
      for (std::size_t i = 0; i + 2 < name_bytes; i += 2) {
        const std::uint16_t c = u16(entry, i);
        entry_name += c < 0x80 ? static_cast<char>(std::tolower(c)) : '?';
      }
      if (type == 5 && at == 0) root_ = entry;
      std::string wanted;
      for (char c : name) wanted += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (type != 2 || entry_name != wanted) continue;
      const std::uint32_t start = u32(entry, 0x74);
      const std::uint64_t size = u32(entry, 0x78);
      if (size > file_.size() * 2 + 4096) damaged("stream larger than the file");
      return size < mini_cutoff_ ? mini_stream_part(start, size) : chain(start, size);
    }
    return std::nullopt;
  }

 private:
  void read_fat() {
    std::vector<std::uint32_t> fat_sectors;
    const std::uint32_t fat_count = u32(file_, 0x2C);
    if (fat_count > sectors_ + 1) damaged("FAT count");
    for (std::size_t i = 0; i < 109 && fat_sectors.size() < fat_count; ++i) fat_sectors.push_back(u32(file_, 0x4C + i * 4));
    std::uint32_t difat = u32(file_, 0x44);
    std::size_t steps = 0;
    while (fat_sectors.size() < fat_count && difat != kEndOfChain && difat != kFreeSector) {
      if (++steps > sectors_) damaged("DIFAT loop");
      const std::string_view sector = sector_at(difat);
      for (std::size_t i = 0; i + 4 < sector_ && fat_sectors.size() < fat_count; i += 4) fat_sectors.push_back(u32(sector, i));
      difat = u32(sector, sector_ - 4);
    }
    if (fat_sectors.size() < fat_count) damaged("FAT sectors missing");
    for (std::uint32_t s : fat_sectors) {
      const std::string_view sector = sector_at(s);
      for (std::size_t i = 0; i < sector_; i += 4) fat_.push_back(u32(sector, i));
    }
  }

  std::string_view sector_at(std::uint32_t index) const {
    const std::uint64_t at = (static_cast<std::uint64_t>(index) + 1) * sector_;
    if (index >= sectors_ || at >= file_.size()) damaged("sector out of the file");
    return file_.substr(at, sector_);
  }

  // A stream of `size` bytes (max: until the chain ends) from sector `start`.
  std::string chain(std::uint32_t start, std::uint64_t size) const {
    std::string out;
    std::size_t steps = 0;
    for (std::uint32_t s = start; s != kEndOfChain && out.size() < size;) {
      if (++steps > sectors_ || s >= fat_.size()) damaged("broken chain");
      out.append(sector_at(s));
      s = fat_[s];
    }
    if (size != std::numeric_limits<std::uint64_t>::max()) {
      if (out.size() < size) damaged("stream shorter than its size");
      out.resize(size);
    }
    return out;
  }

  std::string mini_stream_part(std::uint32_t start, std::uint64_t size) {
    if (mini_.empty()) {
      if (root_.empty()) damaged("no root entry");
      mini_ = chain(u32(root_, 0x74), u32(root_, 0x78));
      mini_fat_ = chain(mini_fat_first_, std::numeric_limits<std::uint64_t>::max());
    }
    std::string out;
    std::size_t steps = 0;
    for (std::uint32_t s = start; s != kEndOfChain && out.size() < size;) {
      if (++steps > mini_.size() / 64 + 1 || static_cast<std::size_t>(s) * 4 + 4 > mini_fat_.size() ||
          static_cast<std::size_t>(s) * 64 + 64 > mini_.size())
        damaged("broken mini chain");
      out.append(mini_, static_cast<std::size_t>(s) * 64, 64);
      s = u32(mini_fat_, static_cast<std::size_t>(s) * 4);
    }
    if (out.size() < size) damaged("mini stream shorter than its size");
    out.resize(size);
    return out;
  }

  std::string_view file_;
  std::size_t sector_ = 512;
  std::uint64_t sectors_ = 0;
  std::vector<std::uint32_t> fat_;
  std::string directory_;
  std::string_view root_;
  std::uint32_t mini_cutoff_ = 4096;
  std::uint32_t mini_fat_first_ = kEndOfChain;
  std::string mini_, mini_fat_;
};

// ---------------------------------------------------------------------------------------------
// BIFF8 records: type, length, data.

struct Record {
  std::uint16_t type = 0;
  std::string_view data;
};

class Records {
 public:
  Records(std::string_view stream, std::size_t at) : stream_(stream), at_(at) {
    if (at > stream.size()) damaged("sheet offset out of the stream");
  }
  bool next(Record& record) {
    if (at_ + 4 > stream_.size()) return false;
    record.type = u16(stream_, at_);
    const std::uint16_t length = u16(stream_, at_ + 2);
    if (at_ + 4 + length > stream_.size()) damaged("record beyond the stream");
    record.data = stream_.substr(at_ + 4, length);
    at_ += 4 + length;
    return true;
  }
  // The CONTINUE record after the current one, if any (its data), without moving past others.
  std::optional<std::string_view> continuation() {
    if (at_ + 4 > stream_.size() || u16(stream_, at_) != 0x003C) return std::nullopt;
    Record record;
    next(record);
    return record.data;
  }

 private:
  std::string_view stream_;
  std::size_t at_;
};

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | c >> 6);
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;  // a lone surrogate (pairs are rare in these files)
    out += static_cast<char>(0xE0 | c >> 12);
    out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// `count` characters from data[at]: 8-bit (the low bytes of UTF-16) or 16-bit.
std::string characters(std::string_view data, std::size_t at, std::size_t count, bool wide) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (wide) append_utf8(out, u16(data, at + 2 * i));
    else {
      if (at + i >= data.size()) damaged("short string");
      append_utf8(out, static_cast<unsigned char>(data[at + i]));
    }
  }
  return out;
}

// An XLUnicodeString (16-bit length) or ShortXLUnicodeString (8-bit length) at data[at], rich text
// and phonetic runs skipped.
std::string unicode_string(std::string_view data, std::size_t at, bool short_length) {
  std::size_t count = 0;
  if (short_length) {
    if (at >= data.size()) damaged("short string");
    count = static_cast<unsigned char>(data[at]);
    at += 1;
  } else {
    count = u16(data, at);
    at += 2;
  }
  if (count == 0) return "";
  if (at >= data.size()) damaged("short string");
  const auto flags = static_cast<unsigned char>(data[at++]);
  if (flags & 0x08) at += 2;  // rich text runs count
  if (flags & 0x04) at += 4;  // phonetic size
  return characters(data, at, count, flags & 0x01);
}

// A STRING record's text, which may go on in CONTINUE records, each starting with its own flags byte.
std::string continued_string(std::string_view data, Records& records) {
  std::size_t left = u16(data, 0);
  if (left == 0) return "";
  if (data.size() < 3) damaged("short string");
  std::string text;
  std::string_view part = data.substr(2);
  while (left > 0) {
    if (part.empty()) damaged("short string");
    const bool wide = static_cast<unsigned char>(part[0]) & 0x01;
    const std::size_t fits = std::min(left, (part.size() - 1) / (wide ? 2 : 1));
    text += characters(part, 1, fits, wide);
    left -= fits;
    if (left == 0) break;
    auto more = records.continuation();
    if (!more) damaged("string cut short");
    part = *more;
  }
  return text;
}

std::string error_text(unsigned char code) {
  switch (code) {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x0F: return "#VALUE!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    default: return "#N/A";
  }
}

}  // namespace

std::string xls_workbook_stream(std::string_view file) {
  CompoundFile compound(file);
  if (auto workbook = compound.stream("Workbook")) return std::move(*workbook);
  if (compound.stream("Book")) throw XlsOldFormat{};
  damaged("no Workbook stream");
}

XlsWorkbook scan_xls_workbook(std::string_view stream) {
  XlsWorkbook workbook;
  Records records(stream, 0);
  Record record;
  if (!records.next(record) || record.type != 0x0809) damaged("no BOF");
  if (u16(record.data, 0) != 0x0600) throw XlsOldFormat{};
  while (records.next(record)) {
    switch (record.type) {
      case 0x002F: throw XlsEncrypted{};  // FILEPASS
      case 0x0085: {                      // BOUNDSHEET
        XlsSheetInfo sheet;
        sheet.offset = u32(record.data, 0);
        if (record.data.size() < 8) damaged("short BOUNDSHEET");
        sheet.worksheet = static_cast<unsigned char>(record.data[5]) == 0;
        sheet.name = unicode_string(record.data, 6, true);
        workbook.sheets.push_back(std::move(sheet));
        break;
      }
      case 0x0031:  // FONT
        if (workbook.fonts.size() == 4) workbook.fonts.emplace_back();  // BIFF skips font index 4
        workbook.fonts.push_back({unicode_string(record.data, 14, true)});
        break;
      case 0x041E:  // FORMAT
        workbook.formats[u16(record.data, 0)] = unicode_string(record.data, 2, false);
        break;
      case 0x00E0:  // XF
        workbook.xfs.emplace_back(u16(record.data, 0), u16(record.data, 2));
        break;
      default: break;
    }
    if (record.type == 0x000A) break;  // EOF of the globals
  }
  for (auto& sheet : workbook.sheets) {
    Records sheet_records(stream, sheet.offset);
    if (!sheet_records.next(record) || record.type != 0x0809) damaged("sheet without BOF");
    while (sheet_records.next(record) && record.type != 0x000A) {
      if (record.type != 0x0200) continue;  // DIMENSION
      const std::uint32_t first_row = u32(record.data, 0), end_row = u32(record.data, 4);
      const std::uint16_t first_column = u16(record.data, 8), end_column = u16(record.data, 10);
      sheet.rows = end_row > first_row ? end_row : 0;
      sheet.columns = end_column > first_column ? end_column : 0;
      break;
    }
  }
  return workbook;
}

XlsSheetScan scan_xls_sheet(std::string_view stream, const XlsSheetInfo& sheet, std::size_t max_cells,
                            const std::vector<bool>* keep_xf) {
  XlsSheetScan scan;
  Records records(stream, sheet.offset);
  Record record;
  if (!records.next(record) || record.type != 0x0809) damaged("sheet without BOF");
  std::optional<std::pair<int, int>> pending_string;  // a formula whose string result follows
  auto cell = [&](std::string_view data) -> XlsCellExtra& {
    if (scan.cells.size() >= max_cells) damaged("too many cells");
    auto& extra = scan.cells[{u16(data, 0), u16(data, 2)}];
    extra.xf = u16(data, 4);
    return extra;
  };
  auto kept = [&](std::uint16_t xf) { return !keep_xf || (xf < keep_xf->size() && (*keep_xf)[xf]); };
  while (records.next(record) && record.type != 0x000A) {
    const std::string_view data = record.data;
    switch (record.type) {
      case 0x0203: case 0x027E: case 0x00FD: case 0x0204: case 0x0201:  // NUMBER RK LABELSST LABEL BLANK
        if (kept(u16(data, 4))) cell(data);
        break;
      case 0x00BD: case 0x00BE: {  // MULRK, MULBLANK: row, first column, (xf[, rk])..., last column
        const bool rk = record.type == 0x00BD;
        const std::size_t step = rk ? 6 : 2;
        if (data.size() < 6) damaged("short MULRK");
        const std::uint16_t row = u16(data, 0), first = u16(data, 2);
        const std::size_t count = (data.size() - 6) / step;
        for (std::size_t i = 0; i < count; ++i) {
          const std::uint16_t xf = u16(data, 4 + i * step);
          if (!kept(xf)) continue;
          if (scan.cells.size() >= max_cells) damaged("too many cells");
          scan.cells[{row, static_cast<int>(first + i)}].xf = xf;
        }
        break;
      }
      case 0x0205: {  // BOOLERR
        XlsCellExtra& extra = cell(data);
        if (data.size() < 8) damaged("short BOOLERR");
        const auto value = static_cast<unsigned char>(data[6]);
        extra.boolean = data[7] ? error_text(value) : value ? "TRUE" : "FALSE";
        break;
      }
      case 0x0006: {  // FORMULA: its cached result
        XlsCellExtra& extra = cell(data);
        if (data.size() < 14) damaged("short FORMULA");
        if (u16(data, 12) == 0xFFFF) {
          const auto kind = static_cast<unsigned char>(data[6]);
          const auto value = static_cast<unsigned char>(data[8]);
          if (kind == 0) pending_string = std::pair<int, int>{u16(data, 0), u16(data, 2)};
          if (kind == 1) extra.formula_text = value ? "TRUE" : "FALSE";
          if (kind == 2) extra.formula_text = error_text(value);
          if (kind == 3) extra.formula_text = "";
        } else {
          extra.formula_number = f64(data, 6);
        }
        break;
      }
      case 0x0207:  // STRING: the string result of the formula before it
        if (pending_string) {
          scan.cells[*pending_string].formula_text = continued_string(data, records);
          pending_string.reset();
        }
        break;
      case 0x00E5: {  // MERGEDCELLS
        const std::uint16_t count = u16(data, 0);
        for (std::size_t i = 0; i < count; ++i) {
          const std::size_t at = 2 + i * 8;
          scan.merges.push_back({u16(data, at), u16(data, at + 2), u16(data, at + 4), u16(data, at + 6)});
        }
        break;
      }
      default: break;
    }
  }
  return scan;
}

}  // namespace kehoach
