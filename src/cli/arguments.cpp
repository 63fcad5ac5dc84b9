#include "cli/arguments.h"

#include <algorithm>
#include <ostream>

namespace kehoach {

std::string Arguments::value(const std::string& name, const std::string& fallback) const {
  auto found = values.find(name);
  return found == values.end() ? fallback : found->second;
}

std::vector<std::string> Arguments::all(const std::string& name) const {
  auto found = repeated.find(name);
  return found == repeated.end() ? std::vector<std::string>{} : found->second;
}

namespace {

// Letters on the screen of UTF-8 text: every byte but the continuation bytes (Vietnamese in NFC has
// one code point a letter).
std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char byte : text) count += (byte & 0xC0) != 0x80;
  return count;
}

const OptionSpec& find_spec(const std::vector<OptionSpec>& specs, const std::string& word) {
  for (const auto& spec : specs) {
    if (word.rfind("--", 0) == 0 && word.substr(2) == spec.long_name) return spec;
    if (word.size() == 2 && word[0] == '-' && word[1] == spec.short_name) return spec;
  }
  throw UsageError("không có tùy chọn " + word + ".");
}

}  // namespace

Arguments parse_arguments(const std::vector<std::string>& words, const std::vector<OptionSpec>& specs) {
  Arguments args;
  bool options_done = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    if (options_done || word.size() < 2 || word[0] != '-') {
      args.positional.push_back(word);
      continue;
    }
    if (word == "--") {
      options_done = true;
      continue;
    }
    std::string inline_value;
    bool has_inline = false;
    if (auto eq = word.find('='); word.rfind("--", 0) == 0 && eq != std::string::npos) {
      inline_value = word.substr(eq + 1);
      word = word.substr(0, eq);
      has_inline = true;
    }
    const OptionSpec& spec = find_spec(specs, word);
    if (!spec.takes_value()) {
      if (has_inline) throw UsageError("tùy chọn --" + spec.long_name + " không nhận giá trị.");
      args.flags.insert(spec.long_name);
    } else if (has_inline) {
      args.values[spec.long_name] = inline_value;
      args.repeated[spec.long_name].push_back(inline_value);
    } else if (i + 1 < words.size()) {
      args.values[spec.long_name] = words[++i];
      args.repeated[spec.long_name].push_back(args.values[spec.long_name]);
    } else {
      throw UsageError("tùy chọn " + word + " cần một giá trị.");
    }
  }
  return args;
}

std::vector<OptionSpec> command_options(const CommandSpec& spec) {
  std::vector<OptionSpec> options = spec.options;
  options.push_back({"help", 'h', "", "Hướng dẫn này."});
  return options;
}

std::string options_help(const std::vector<OptionSpec>& options) {
  std::vector<std::string> labels;
  std::size_t width = 0;
  for (const auto& option : options) {
    std::string label = option.short_name ? std::string("-") + option.short_name + ", " : "";
    label += "--" + option.long_name + (option.takes_value() ? " " + option.value_name : "");
    width = std::max(width, characters(label));
    labels.push_back(label);
  }
  const std::size_t column = 2 + width + 3;
  std::string text = "Tùy chọn:\n";
  for (std::size_t i = 0; i < options.size(); ++i) {
    text += "  " + labels[i] + std::string(column - 2 - characters(labels[i]), ' ');
    const std::string& description = options[i].description;
    for (std::size_t start = 0; start < description.size();) {
      const std::size_t end = std::min(description.find('\n', start), description.size());
      if (start > 0) text += std::string(column, ' ');
      text += description.substr(start, end - start) + '\n';
      start = end + 1;
    }
  }
  return text;
}

std::string command_help(const CommandSpec& spec) { return spec.help + options_help(command_options(spec)) + spec.help_end; }

std::optional<Arguments> command_arguments(const CommandSpec& spec, const std::vector<std::string>& words,
                                           std::ostream& out) {
  Arguments args = parse_arguments(words, command_options(spec));
  if (args.has("help")) {
    out << command_help(spec);
    return std::nullopt;
  }
  if (spec.missing_input.empty()) {  // a command that reads no file (serve)
    if (!args.positional.empty()) throw UsageError("không nhận \"" + args.positional.front() + "\"; lệnh này không đọc tệp nào.");
    return args;
  }
  if (args.positional.empty()) throw UsageError(spec.missing_input);
  if (args.positional.size() > 1) throw UsageError("chỉ nhận một tệp, nhưng có " + std::to_string(args.positional.size()) + ".");
  return args;
}

int integer_option(const Arguments& args, const std::string& name, int low, int high, const std::string& wanted) {
  const std::string text = args.value(name);
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size() && value >= low && value <= high) return value;
  } catch (const std::exception&) {  // not a number at all: the same message
  }
  throw UsageError("--" + name + " phải là " + wanted + ", không phải \"" + text + "\".");
}

OptionSpec encoding_option() {
  return {"encoding", 0, "MÃ",
          "Bảng mã của chữ trong các bảng đọc vào: tcvn3 (gõ bằng phông .VnTime,\n.VnArial…), vni "
          "(phông VNI-Times…) hoặc unicode (không chuyển gì).\nMặc định: tự nhận ra từng cột và chuyển sang "
          "Unicode,\nhỏi lại khi không đủ chắc."};
}

EncodingChoice encoding_choice(const Arguments& args) {
  if (!args.has("encoding")) return EncodingChoice::Auto;
  const std::string text = args.value("encoding");
  const auto choice = parse_encoding_choice(text);
  if (!choice || text.empty()) throw UsageError("--encoding phải là tcvn3, vni hoặc unicode, không phải \"" + text + "\".");
  return *choice;
}

}  // namespace kehoach
