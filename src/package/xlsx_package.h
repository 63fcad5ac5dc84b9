#pragma once
// An .xlsx file as a package: the zip of XML parts, and what xl/workbook.xml and its
// relationships say about them (which sheets exist, in order, and where each part is). Only this
// file knows the zip and the workbook's part names; the readers of the other parts are given a
// part's name and parse it through the package. Every error is an InputError naming the file as
// the user gave it.
//
// Every part is parsed as it is inflated (expat, xml_parser.h), never held whole, within the limits of
// its kind (zip_reader.h: inflated sizes, names, runs without a tag); what a handler keeps is its own to
// bound.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "package/input_limits.h"
#include "package/xml_parser.h"

namespace kehoach {

class ZipReader;

// The XML elements a part may nest: sheets nest six deep, rich text in a cell a few more. Deeper is no
// spreadsheet, and an XML parser keeps every open element.
constexpr int kMaxXmlDepth = 64;

// The zip container. Poco indexes the archive once; each part is then streamed from
// the same file, so a large sheet never has to sit in memory as XML text.
class XlsxPackage {
 public:
  // Refuses a file it cannot open or that is not a regular file within the limit of `kind`
  // (file_bytes.h), one that is not a zip (not an .xlsx), and one with a part named outside it.
  XlsxPackage(const std::string& path, const std::string& display_name, InputKind kind = InputKind::Table);
  ~XlsxPackage();

  bool has(const std::string& part) const;

  // Streams the part through `handler`. Handlers must not throw through the XML parser (expat is
  // C), so a handler that must give up calls stop(): the parse ends there, rather than reading the
  // rest of a sheet of a million rows for nothing, and the caller reports why. Missing or broken XML
  // (a document type declaration included): fail_broken. A part over its limits, or nesting elements
  // deeper than kMaxXmlDepth: an InputError saying so.
  void parse_xml(const std::string& part, XmlHandler& handler);

  InputKind kind() const { return kind_; }
  const std::string& display_name() const { return display_name_; }

  [[noreturn]] void fail(const std::string& problem) const;
  // The file is damaged: `part` is missing or cannot be read.
  [[noreturn]] void fail_broken(const std::string& part) const;

 private:
  std::string display_name_;
  InputKind kind_;
  std::unique_ptr<ZipReader> zip_;
};

// xl/workbook.xml and its relationships: which sheets exist, in order, and where their parts are.
struct XlsxWorkbook {
  struct Sheet {
    std::string name;
    std::string relationship_id;
  };
  struct Relationship {
    std::string type;
    std::string part;  // resolved: a zip entry name
  };
  std::vector<Sheet> sheets;                          // in workbook order
  std::map<std::string, Relationship> relationships;  // by Id; external targets left out
};

// Refuses a zip without xl/workbook.xml as not an .xlsx, and one without its relationships as
// damaged.
XlsxWorkbook read_workbook(XlsxPackage& package);

struct ChosenSheet {
  std::string name;  // as the workbook writes it
  std::string part;
};

// `wanted` empty: the first sheet in workbook order; otherwise the sheet with that name (compared
// with name_key, so case and Unicode form do not matter). Refuses a workbook without sheets, a name
// that no sheet has (listing the sheets that do), and a sheet without its relationship.
ChosenSheet choose_sheet(const XlsxWorkbook& workbook, const std::string& wanted, const XlsxPackage& package);

// The part of the first relationship whose type ends with `type_suffix` ("/styles"), or "".
std::string part_of_type(const XlsxWorkbook& workbook, std::string_view type_suffix);

// Relationship targets are relative to the source part's folder ("worksheets/a.xml" from "xl/")
// or absolute within the package ("/xl/worksheets/a.xml"); zip entries have no leading '/'.
// "." and ".." segments are resolved.
std::string resolve_part(const std::string& base_folder, const std::string& target);

}  // namespace kehoach
