#include "package/input_limits.h"

#include <cstdlib>
#include <optional>
#include <string_view>

#include "model/input_error.h"

namespace kehoach {
namespace {

constexpr std::uint64_t kMaxSetting = 1'000'000;  // MB: a terabyte; beyond it the products could overflow

struct KindSetting {
  const char* variable;
  std::uint64_t default_mb;
  const char* noun;
};

KindSetting setting(InputKind kind) {
  switch (kind) {
    case InputKind::Yaml: return {"KEHOACH_MAX_YAML_MB", 1, "tệp YAML (kế hoạch, phân bổ, chuẩn nghèo…)"};
    case InputKind::Table: return {"KEHOACH_MAX_TABLE_MB", 10, "bảng số liệu"};
    case InputKind::Records: return {"KEHOACH_MAX_RECORDS_MB", 1024, "danh sách hộ, tệp đơn vị"};
    case InputKind::Template: return {"KEHOACH_MAX_TEMPLATE_MB", 2, "mẫu Word"};
  }
  return {"", 0, ""};
}

std::optional<std::uint64_t> whole_number(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

std::uint64_t limit_mb(InputKind kind) {
  const KindSetting kind_setting = setting(kind);
  const char* text = std::getenv(kind_setting.variable);
  if (text == nullptr || *text == '\0') return kind_setting.default_mb;
  const auto value = whole_number(text);
  if (!value || *value < 1 || *value > kMaxSetting)
    throw InputError("biến môi trường " + std::string(kind_setting.variable) + "=\"" + text +
                     "\" không dùng được: hãy ghi giới hạn bằng một số nguyên MB, từ 1 đến 1000000, ví dụ " +
                     kind_setting.variable + "=" + std::to_string(kind_setting.default_mb * 10) + ".");
  return *value;
}

// Tenths of `bytes` in `unit`, rounded up: a file just over a limit never reads as equal to it.
std::string in_unit(std::uint64_t bytes, std::uint64_t unit, const char* name) {
  const std::uint64_t tenths = bytes / unit * 10 + (bytes % unit * 10 + unit - 1) / unit;  // no overflow
  std::string text = std::to_string(tenths / 10);
  if (tenths % 10 != 0) text += "," + std::to_string(tenths % 10);
  return text + " " + name;
}

}  // namespace

InputLimits input_limits(InputKind kind) {
  const std::uint64_t file = limit_mb(kind) * kMiB;
  return {file, file * kPartFactor, file * kPackageFactor};
}

std::string kind_noun(InputKind kind) { return setting(kind).noun; }

std::string limit_variable(InputKind kind) { return setting(kind).variable; }

std::string raise_advice(InputKind kind) {
  const std::string variable = limit_variable(kind);
  return "nếu tệp đúng là lớn như vậy, hãy đặt biến môi trường " + variable + " lớn hơn (số MB, hiện " +
         std::to_string(limit_mb(kind)) + "), ví dụ " + variable + "=" + std::to_string(limit_mb(kind) * 10) + ".";
}

std::string format_size(std::uint64_t bytes) {
  constexpr std::uint64_t kKiB = 1024, kGiB = kMiB * 1024;
  if (bytes < kKiB) return std::to_string(bytes) + " byte";
  if (bytes < kMiB) return in_unit(bytes, kKiB, "KB");
  if (bytes < kGiB) return in_unit(bytes, kMiB, "MB");
  return in_unit(bytes, kGiB, "GB");
}

}  // namespace kehoach
