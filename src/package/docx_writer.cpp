#include "package/docx_writer.h"

#include <algorithm>
#include <ctime>
#include <set>

namespace kehoach {
namespace {

constexpr const char* kCoreProperties = "docProps/core.xml";

std::string w3cdtf(long long timestamp) {
  const std::time_t time = static_cast<std::time_t>(timestamp);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// Sets the text of <dcterms:NAME …>…</dcterms:NAME>, or adds the element before the root's end.
void set_date(std::string& core, const std::string& name, const std::string& value) {
  const std::string open = "<dcterms:" + name, close = "</dcterms:" + name + ">";
  const auto start = core.find(open);
  const auto text = start == std::string::npos ? std::string::npos : core.find('>', start);
  const auto end = text == std::string::npos ? std::string::npos : core.find(close, text);
  if (end != std::string::npos) {
    core.replace(text + 1, end - text - 1, value);
    return;
  }
  const auto root_end = core.rfind("</cp:coreProperties>");
  if (root_end == std::string::npos) return;  // not core properties as Word writes them: leave it
  core.insert(root_end, open + " xsi:type=\"dcterms:W3CDTF\">" + value + close);
}

// The folders a part's name lists before it, as Poco's zip (which wrote kehoach's documents before) made
// them: none for a part one folder deep ("word/document.xml"), every folder down to the part's own for a
// part deeper ("word/", "word/_rels/" before "word/_rels/document.xml.rels"), each once. Word needs none;
// they are kept so that the documents hold the same entries as they always have.
std::vector<std::string> folders_before(const std::string& part, std::set<std::string>& listed) {
  std::vector<std::string> folders;
  if (std::count(part.begin(), part.end(), '/') < 2) return folders;
  for (std::size_t slash = part.find('/'); slash != std::string::npos; slash = part.find('/', slash + 1)) {
    std::string folder = part.substr(0, slash + 1);
    if (listed.insert(folder).second) folders.push_back(std::move(folder));
  }
  return folders;
}

}  // namespace

std::string stamped_core_properties(const std::string& core, long long timestamp) {
  std::string out = core;
  const std::string when = w3cdtf(timestamp);
  if (out.find("xmlns:dcterms=") == std::string::npos || out.find("xmlns:xsi=") == std::string::npos) return out;
  set_date(out, "created", when);
  set_date(out, "modified", when);
  return out;
}

DocxZip::DocxZip(const DocxPackage& package, const std::vector<std::string>& changing) {
  std::set<std::string> listed;
  for (const auto& [name, bytes] : package.parts) {
    for (std::string& folder : folders_before(name, listed)) {
      Slot slot;
      slot.entry = stored_entry(std::move(folder), "");
      slots_.push_back(std::move(slot));
    }
    Slot slot;
    const auto given = std::find(changing.begin(), changing.end(), name);
    if (given != changing.end()) {
      slot.changing = static_cast<int>(given - changing.begin());
      slot.entry.name = name;
    } else if (name == kCoreProperties) {
      slot.core = true;
      slot.entry.name = name;
      slot.original = bytes;
    } else {
      slot.entry = deflated_entry(name, bytes, kOnceDeflate);
      fixed_bytes_ += slot.entry.data.size();
    }
    fixed_bytes_ += 2 * name.size() + 76;  // the entry's two headers
    slots_.push_back(std::move(slot));
  }
}

std::string DocxZip::zip(const std::vector<std::string>& bytes, long long timestamp) const {
  ZipBuilder zip(timestamp);
  std::size_t room = fixed_bytes_ + 1024;
  for (const std::string& part : bytes) room += part.size() / 4;  // XML deflates to a fifth or less
  zip.reserve(room);
  for (const Slot& slot : slots_) {
    if (slot.changing >= 0)
      zip.add_deflated(slot.entry.name, bytes.at(static_cast<std::size_t>(slot.changing)), kFastestDeflate);
    else if (slot.core)
      zip.add_deflated(slot.entry.name, stamped_core_properties(slot.original, timestamp), kFastestDeflate);
    else
      zip.add(slot.entry);
  }
  return zip.finish();
}

std::string docx_bytes(const DocxPackage& package, long long timestamp) {
  return DocxZip(package, {}).zip({}, timestamp);
}

void write_docx(const DocxPackage& package, const AtomicFile& file, long long timestamp) {
  file.write_all(docx_bytes(package, timestamp));
}

}  // namespace kehoach
