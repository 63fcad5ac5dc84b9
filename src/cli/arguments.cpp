#include "cli/arguments.h"

#include <ostream>

#include "cli/commands.h"

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
    if (!spec.takes_value) {
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

std::optional<Arguments> command_arguments(const CommandSpec& spec, const std::vector<std::string>& words,
                                           std::ostream& out, std::ostream& err, int& status) {
  std::vector<OptionSpec> options = spec.options;
  options.push_back({"help", 'h', false});
  try {
    Arguments args = parse_arguments(words, options);
    if (args.has("help")) {
      out << spec.help;
      status = kExitOk;
      return std::nullopt;
    }
    if (args.positional.empty()) throw UsageError(spec.missing_input);
    if (args.positional.size() > 1) throw UsageError("chỉ nhận một tệp, nhưng có " + std::to_string(args.positional.size()) + ".");
    return args;
  } catch (const UsageError& e) {
    err << "kehoach " << spec.name << ": " << e.what() << "\nXem hướng dẫn: kehoach " << spec.name << " --help\n";
    status = kExitUsage;
    return std::nullopt;
  }
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

}  // namespace kehoach
