#include "template/part_template.h"

#include <Poco/Exception.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <type_traits>
#include <variant>

#include "template/run_merger.h"
#include "template/section_layout.h"
#include "template/word_part.h"
#include "template/xml_layout.h"

namespace kehoach {

// The compiled part: literal XML, values to fill in, sections around their contents. Rendering walks
// it once; no text is searched at render time.
struct PartTemplate::Node {
  enum class Kind { kText, kValue, kSection, kInverted };
  Kind kind = Kind::kText;
  std::string text;               // kText: the XML, written as is; otherwise the name as written
  std::vector<std::string> path;  // the name split at its dots
  std::string location;           // where the tag stands, for messages
  std::string line_break;         // kValue: what "\n" in a value becomes
  std::string tab;                // kValue: what "\t" becomes
  std::vector<Node> children;     // kSection, kInverted
};

namespace {

using Node = PartTemplate::Node;

// ---------------------------------------------------------------------------------------------
// Compiling

void check_well_formed(std::string_view xml, const std::string& where) {
  try {
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.parseMemoryNP(xml.data(), xml.size());
  } catch (const Poco::XML::SAXParseException& error) {
    std::string reason = error.message();
    auto in_line = reason.find(" in line ");
    if (in_line != std::string::npos) reason.erase(in_line);
    throw TemplateError("phần " + where + " không phải XML hợp lệ: dòng " + std::to_string(error.getLineNumber()) +
                        ", cột " + std::to_string(error.getColumnNumber() + 1) + ": " + reason + ".");
  } catch (const Poco::Exception& error) {
    throw TemplateError("phần " + where + " không phải XML hợp lệ: " + error.message() + ".");
  }
}

std::vector<std::string> split_name(const std::string& name) {
  std::vector<std::string> path;
  std::size_t from = 0;
  while (true) {
    auto dot = name.find('.', from);
    path.push_back(name.substr(from, dot - from));
    if (dot == std::string::npos) return path;
    from = dot + 1;
  }
}

// The sections laid out as a tree by the bytes they cover, and what each level holds.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view xml, Layout layout) : xml_(xml), layout_(std::move(layout)) {}

  std::vector<Node> build() {
    Region root{{0, xml_.size()}, -1, {}, {}};
    regions_.push_back(root);
    nest_sections();
    place_tags();
    return emit(0);
  }

 private:
  struct Item {  // a value tag or removed bytes
    ByteRange range;
    int value = -1;  // index in layout_.values; -1 for removed bytes
  };
  struct Region {
    ByteRange range;
    int section = -1;  // index in layout_.sections; -1 for the whole part
    std::vector<std::size_t> children;
    std::vector<Item> items;
  };

  static bool contains(const ByteRange& outer, const ByteRange& inner) {
    return outer.begin <= inner.begin && inner.end <= outer.end;
  }

  // Sections by where they start, outer before inner; each goes under the innermost that holds it.
  void nest_sections() {
    std::vector<std::size_t> order(layout_.sections.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const LaidSection& x = layout_.sections[a];
      const LaidSection& y = layout_.sections[b];
      if (x.body.begin != y.body.begin) return x.body.begin < y.body.begin;
      if (x.body.end != y.body.end) return x.body.end > y.body.end;
      return x.opened_at < y.opened_at;
    });
    std::vector<std::size_t> open{0};  // regions
    for (std::size_t s : order) {
      const LaidSection& section = layout_.sections[s];
      while (!contains(regions_[open.back()].range, section.body)) {
        const Region& top = regions_[open.back()];
        if (top.range.end > section.body.begin)
          overlap(section, layout_.sections[static_cast<std::size_t>(top.section)]);
        open.pop_back();
      }
      regions_.push_back({section.body, static_cast<int>(s), {}, {}});
      regions_[open.back()].children.push_back(regions_.size() - 1);
      open.push_back(regions_.size() - 1);
    }
  }

  [[noreturn]] static void overlap(const LaidSection& later, const LaidSection& earlier) {
    auto open = [](const LaidSection& s) { return std::string(s.inverted ? "{{^" : "{{#") + s.name + "}}"; };
    throw TemplateError(later.location + ": vùng lặp của " + open(later) + " … {{/" + later.name +
                        "}} chồng lên vùng của " + open(earlier) + " … {{/" + earlier.name +
                        "}}: hai vùng phải tách rời nhau, hoặc vùng này nằm trọn trong vùng kia.");
  }

  // Each value tag and removed stretch goes to the innermost section holding it.
  void place_tags() {
    auto place = [&](Item item) {
      std::size_t at = 0;
      while (true) {
        // Children are disjoint and in order: only the last one starting before the item can hold it.
        const auto& children = regions_[at].children;
        auto starts_after = [&](std::size_t begin, std::size_t c) { return begin < regions_[c].range.begin; };
        auto after = std::upper_bound(children.begin(), children.end(), item.range.begin, starts_after);
        if (after == children.begin() || !contains(regions_[*std::prev(after)].range, item.range)) break;
        at = *std::prev(after);
      }
      regions_[at].items.push_back(item);
    };
    for (std::size_t v = 0; v < layout_.values.size(); ++v) place({layout_.values[v].tag, static_cast<int>(v)});
    for (const ByteRange& removed : layout_.removed) place({removed, -1});
  }

  std::vector<Node> emit(std::size_t at) {
    const Region& region = regions_[at];
    struct Entry {
      ByteRange range;
      const Item* item = nullptr;   // or
      std::size_t child = 0;        // a region
    };
    std::vector<Entry> entries;
    for (const Item& item : region.items) entries.push_back({item.range, &item, 0});
    for (std::size_t child : region.children) entries.push_back({regions_[child].range, nullptr, child});
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return a.range.begin != b.range.begin ? a.range.begin < b.range.begin : a.range.end < b.range.end;
    });

    std::vector<Node> nodes;
    std::size_t cursor = region.range.begin;
    for (const Entry& entry : entries) {
      if (entry.range.begin < cursor) straddle(region);
      add_text(nodes, cursor, entry.range.begin);
      if (entry.item == nullptr) {
        const LaidSection& section = layout_.sections[static_cast<std::size_t>(regions_[entry.child].section)];
        Node node;
        node.kind = section.inverted ? Node::Kind::kInverted : Node::Kind::kSection;
        node.text = section.name;
        node.path = split_name(section.name);
        node.location = section.location;
        node.children = emit(entry.child);
        nodes.push_back(std::move(node));
      } else if (entry.item->value >= 0) {
        const LaidValue& value = layout_.values[static_cast<std::size_t>(entry.item->value)];
        std::string t = value.text_prefix.empty() ? "t" : value.text_prefix + ":t";
        std::string br = value.text_prefix.empty() ? "br" : value.text_prefix + ":br";
        std::string tab = value.text_prefix.empty() ? "tab" : value.text_prefix + ":tab";
        Node node;
        node.kind = Node::Kind::kValue;
        node.text = value.name;
        node.path = split_name(value.name);
        node.location = value.location;
        node.line_break = "</" + t + "><" + br + "/><" + t + " xml:space=\"preserve\">";
        node.tab = "</" + t + "><" + tab + "/><" + t + " xml:space=\"preserve\">";
        nodes.push_back(std::move(node));
      }
      cursor = entry.range.end;
    }
    if (cursor > region.range.end) straddle(region);
    add_text(nodes, cursor, region.range.end);
    return nodes;
  }

  void add_text(std::vector<Node>& nodes, std::size_t from, std::size_t to) const {
    if (from >= to) return;
    if (nodes.empty() || nodes.back().kind != Node::Kind::kText) nodes.emplace_back();
    nodes.back().text.append(xml_.substr(from, to - from));
  }

  // Not reachable with the rules of section_layout.cpp; kept so a gap in them cannot write broken XML.
  [[noreturn]] void straddle(const Region& region) const {
    if (region.section < 0) throw TemplateError("mẫu có các thẻ chồng lên nhau.");
    const LaidSection& section = layout_.sections[static_cast<std::size_t>(region.section)];
    throw TemplateError(section.location + ": vùng lặp của thẻ " + section.name +
                        " cắt ngang một thẻ hoặc một đoạn chứa thẻ khác.");
  }

  std::string_view xml_;
  Layout layout_;
  std::vector<Region> regions_;
};

// ---------------------------------------------------------------------------------------------
// Rendering

class Renderer {
 public:
  Renderer(const TemplateRecord& data, std::string& out) : out_(out) { scopes_.push_back({&data, nullptr, 0, nullptr}); }

  void write(const std::vector<Node>& nodes) {
    for (const Node& node : nodes) {
      switch (node.kind) {
        case Node::Kind::kText:
          out_ += node.text;
          break;
        case Node::Kind::kValue:
          write_value(node);
          break;
        case Node::Kind::kSection:
          write_section(node);
          break;
        case Node::Kind::kInverted:
          if (!shows(find(node, "{{^"))) write(node.children);
          break;
      }
    }
  }

 private:
  // Where names are looked up: a record, or a row of a table (within the names of one of its records).
  struct Scope {
    const TemplateRecord* record = nullptr;
    const TemplateTable* table = nullptr;
    std::size_t row = 0;
    const TemplateColumns* names = nullptr;
  };

  // What a name stands for: a value of a record, a text of a table, or a record within a table's row.
  struct Found {
    const TemplateValue* value = nullptr;
    const std::string* text = nullptr;
    Scope record;
  };

  // The first part of the name in the innermost scope that has it, the rest through records.
  Found find(const Node& node, const char* sign) const {
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
      if (scope->record) {
        auto found = scope->record->find(node.path.front());
        if (found == scope->record->end()) continue;
        const TemplateValue* value = &found->second;
        for (std::size_t i = 1; i < node.path.size(); ++i) {
          const auto* record = std::get_if<TemplateRecord>(&value->value);
          auto next = record == nullptr ? TemplateRecord::const_iterator() : record->find(node.path[i]);
          if (record == nullptr || next == record->end()) missing(node, sign);
          value = &next->second;
        }
        return {value, nullptr, {}};
      }
      const TemplateColumns::Column* column = scope->names->find(node.path.front());
      if (column == nullptr) continue;
      for (std::size_t i = 1; i < node.path.size(); ++i) {
        column = column->record ? column->record->find(node.path[i]) : nullptr;
        if (column == nullptr) missing(node, sign);
      }
      if (column->record) return {nullptr, nullptr, {nullptr, scope->table, scope->row, column->record.get()}};
      const TemplateTable& table = *scope->table;
      return {nullptr, &table.texts[scope->row * table.width + static_cast<std::size_t>(column->text)], {}};
    }
    missing(node, sign);
  }

  [[noreturn]] static void missing(const Node& node, const char* sign) {
    throw TemplateError(node.location + ": thẻ " + sign + node.text + "}} không có trong dữ liệu.");
  }

  static bool shows(const Found& found) {
    if (found.text) return !found.text->empty();
    if (!found.value) return true;  // a record
    return std::visit(
        [](const auto& v) -> bool {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, bool>)
            return v;
          else if constexpr (std::is_same_v<T, TemplateRecord>)
            return true;
          else
            return v.size() > 0;
        },
        found.value->value);
  }

  void write_within(const Scope& scope, const Node& node) {
    scopes_.push_back(scope);
    write(node.children);
    scopes_.pop_back();
  }

  void write_section(const Node& node) {
    const Found found = find(node, "{{#");
    if (!found.value && !found.text) return write_within(found.record, node);
    const TemplateValue* value = found.value;
    if (const auto* list = value ? std::get_if<TemplateList>(&value->value) : nullptr) {
      for (const TemplateRecord& record : *list) write_within({&record, nullptr, 0, nullptr}, node);
    } else if (const auto* table = value ? std::get_if<TemplateTable>(&value->value) : nullptr) {
      for (std::size_t row = 0; row < table->size(); ++row) write_within({nullptr, table, row, table->columns.get()}, node);
    } else if (const auto* record = value ? std::get_if<TemplateRecord>(&value->value) : nullptr) {
      write_within({record, nullptr, 0, nullptr}, node);
    } else if (shows(found)) {
      write(node.children);
    }
  }

  void write_value(const Node& node) {
    const Found found = find(node, "{{");
    const std::string* text = found.text ? found.text : found.value ? std::get_if<std::string>(&found.value->value) : nullptr;
    if (text) {
      write_escaped(*text, node);
      return;
    }
    std::string tag = "{{" + node.text + "}}";
    std::string section = "{{#" + node.text + "}} … {{/" + node.text + "}}";
    const bool flag = found.value && std::holds_alternative<bool>(found.value->value);
    const bool list = found.value && (std::holds_alternative<TemplateList>(found.value->value) ||
                                      std::holds_alternative<TemplateTable>(found.value->value));
    std::string problem =
        flag ? " là giá trị đúng/sai chứ không phải văn bản: hãy dùng " + section + " để hiện một đoạn khi đúng."
        : list ? " là một danh sách chứ không phải văn bản: hãy dùng " + section + " để lặp qua danh sách."
               : " là một nhóm giá trị chứ không phải văn bản: hãy dùng {{" + node.text +
                     ".…}} để lấy từng giá trị trong nhóm.";
    throw TemplateError(node.location + ": thẻ " + tag + problem);
  }

  // XML escapes; "\n" (or "\r\n", "\r") a line break, "\t" a tab; other control characters, which
  // XML cannot hold, are left out.
  void write_escaped(const std::string& text, const Node& node) {
    std::size_t plain = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') continue;
      out_.append(text, plain, i - plain);
      plain = i + 1;
      switch (c) {
        case '&': out_ += "&amp;"; break;
        case '<': out_ += "&lt;"; break;
        case '>': out_ += "&gt;"; break;
        case '"': out_ += "&quot;"; break;
        case '\'': out_ += "&apos;"; break;
        case '\t': out_ += node.tab; break;
        case '\n': out_ += node.line_break; break;
        case '\r':
          if (i + 1 == text.size() || text[i + 1] != '\n') out_ += node.line_break;
          break;
        default: break;
      }
    }
    out_.append(text, plain, text.size() - plain);
  }

  std::vector<Scope> scopes_;
  std::string& out_;
};

std::size_t text_size(const std::vector<Node>& nodes) {
  std::size_t size = 0;
  for (const Node& node : nodes) size += node.kind == Node::Kind::kText ? node.text.size() : text_size(node.children);
  return size;
}

}  // namespace

PartTemplate PartTemplate::compile(std::string_view xml, const std::string& where) {
  check_well_formed(xml, where);  // before the spacing goes: its messages give the template's lines
  const std::string compact = without_layout_spacing(xml);
  std::string joined = join_split_tags(compact, read_word_part(compact), where);
  Layout layout = lay_out_tags(joined, where);
  PartTemplate compiled;
  compiled.where_ = where;
  compiled.names_ = layout.names;
  compiled.nodes_ = std::make_shared<const std::vector<Node>>(TreeBuilder(joined, std::move(layout)).build());
  return compiled;
}

std::string PartTemplate::render(const TemplateRecord& data) const {
  std::string out;
  if (!nodes_) return out;
  out.reserve(text_size(*nodes_) + text_size(*nodes_) / 4);
  Renderer(data, out).write(*nodes_);
  return out;
}

const std::set<std::string>& PartTemplate::names() const { return names_; }

}  // namespace kehoach
