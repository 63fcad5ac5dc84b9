#pragma once
// The files of one command, written together or not at all: a plan's Word document, its Excel appendix
// and its PDF; a batch unit's plan and appendix; a batch's index.csv and index.html. Each is written to a
// temporary file beside its target (an AtomicFile); commit() renames them all, and puts back what was
// there when a rename fails half way, so that a failure never leaves an appendix without its plan.
//
// Before anything is written, add() refuses a target that is one of the files the work read (the
// InputLog, compared by identity) or a folder.
#include <memory>
#include <string>
#include <vector>

#include "package/atomic_file.h"
#include "package/input_log.h"

namespace kehoach {

// Throws InputError when `target` is one of `inputs` (the same file, however spelt).
void refuse_input_as_output(const InputFiles& inputs, const std::string& target);

class OutputSet {
 public:
  explicit OutputSet(const InputFiles* inputs = nullptr) : inputs_(inputs) {}

  // The file to write for `target`. Throws InputError when the target is one of the inputs, OutputError
  // when it is a folder or its folder does not exist.
  AtomicFile& add(const std::string& target);
  // A file that will not be made after all (a PDF LibreOffice could not make): its temporary removed,
  // the others still committed.
  void drop(const AtomicFile& file);
  // Renames every file into place, Ctrl-C held back meanwhile. Throws OutputError, the targets then as
  // they were before.
  void commit();

 private:
  const InputFiles* inputs_;
  std::vector<std::unique_ptr<AtomicFile>> files_;
};

}  // namespace kehoach
