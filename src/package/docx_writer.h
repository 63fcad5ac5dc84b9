#pragma once
#include <string>
#include <vector>

#include "package/atomic_file.h"
#include "package/docx_package.h"
#include "package/zip_builder.h"

namespace kehoach {

// A Word package zipped many times over (one template, a document per commune): the parts that never
// change are compressed once, here, with their checksums and sizes, and copied into every document; each
// document compresses only its own parts, at the fastest level, into a zip made whole in memory.
class DocxZip {
 public:
  // `changing`: the parts each document gives its own bytes for (the template's text parts); every other
  // part of `package` is compressed now.
  DocxZip(const DocxPackage& package, const std::vector<std::string>& changing);

  // The .docx's bytes: the package's parts in its order, `bytes[i]` the part changing[i]; every entry dated
  // `timestamp` (seconds since 1970) so that the same document gives the same bytes, and so are the
  // document's created and modified dates in docProps/core.xml (a template's own would say 2000).
  std::string zip(const std::vector<std::string>& bytes, long long timestamp) const;

 private:
  struct Slot {
    int changing = -1;     // index into zip()'s bytes, or
    bool core = false;     // docProps/core.xml, stamped at each zip, or
    ZipEntry entry;        // compressed once (a folder: no bytes)
    std::string original;  // core.xml as the template has it
  };
  std::vector<Slot> slots_;
  std::size_t fixed_bytes_ = 0;  // what the slots compressed once take, for the zip's room
};

// Zips the parts into `file` (its caller commits it), as DocxZip does with no part prepared. Throws
// OutputError.
void write_docx(const DocxPackage& package, const AtomicFile& file, long long timestamp);

// The same zip as bytes.
std::string docx_bytes(const DocxPackage& package, long long timestamp);

// core.xml with its dcterms:created and dcterms:modified set to `timestamp` ("2022-01-01T08:00:00Z"),
// added when the template has none.
std::string stamped_core_properties(const std::string& core, long long timestamp);

}  // namespace kehoach
