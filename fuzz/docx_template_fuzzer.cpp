// The Word template engine: the input is a template's word/document.xml, its include markers expanded
// against the shipped blocks (templates/khoi), put in the shipped "xa" package in place of its own,
// compiled, and rendered with the data of the example plan and its report (names of every shipped
// template).
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/template_locator.h"
#include "read/template_package.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(docx_template) {
  static const DocxPackage shipped = read_template_package(templates_folder() + "/xa");
  static const TemplateRecord& data = fuzz::example_record();
  fuzz::refusing_bad_input([&] {
    DocxPackage package = shipped;
    *package.find("word/document.xml") = expand_includes(std::string(input), templates_folder(), "word/document.xml");
    DocumentTemplate::compile(std::move(package), "mau").render(data);
  });
}
