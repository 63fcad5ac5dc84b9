#pragma once
// What the fuzz targets share: a scratch folder for the inputs the readers want as files, the line
// between a refused input (fine) and a crash, and the shipped data the targets read their inputs against.
#include <string>
#include <string_view>

#include "template/document_template.h"
#include "template/template_value.h"

namespace kehoach::fuzz {

// The kehoach source tree (data/examples, templates, data/standards).
std::string source_path(const std::string& relative);

// `bytes` written as `name` in this process's scratch folder (under TMPDIR), whose path is returned.
// The folder also holds copies of the files of `examples` (a folder of data/examples) when asked for, so
// that a plan or cascade file written there finds the tables it names: each file under its own name
// ("thon.csv", the last example copied winning) and under the example's ("an-hoa-thinh-2022-thon.csv").
std::string write_input(const std::string& name, std::string_view bytes);
void copy_examples(const std::string& examples);

// Runs `read`; an InputError or TemplateError is the refusal a bad input deserves, and ends the run
// quietly once its message is checked (non-empty, valid UTF-8; printed when KEHOACH_FUZZ_VERBOSE is set). Anything else (another exception, a
// crash, a sanitizer's report) is a finding. Returns whether `read` went through.
template <class Read>
bool refusing_bad_input(Read&& read);

// The shipped template `name` ("xa", "bao-cao"), compiled once.
const DocumentTemplate& shipped_template(const std::string& name);

// The data of the example plan data/examples/an-hoa-thinh-2022/ke-hoach.yaml for each shipped plan
// template, and of its six-month report for "bao-cao", merged: a record that fills every shipped
// template, made once.
const TemplateRecord& example_record();

// Aborts with `what` on stderr: the finding of a target that checks more than "no crash".
[[noreturn]] void fail(const std::string& what);

void check_message(const char* message);

}  // namespace kehoach::fuzz

#include "model/input_error.h"
#include "template/part_template.h"

template <class Read>
bool kehoach::fuzz::refusing_bad_input(Read&& read) {
  try {
    read();
    return true;
  } catch (const InputError& error) {
    check_message(error.what());
  } catch (const TemplateError& error) {
    check_message(error.what());
  }
  return false;
}
