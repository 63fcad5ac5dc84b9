#pragma once
#include <string>

#include "model/plan.h"

namespace kehoach {

// The template a plan is written with: its template key, else the one written for its issuer (a
// commune's committee "xa", a district's "huyen", the Women's Union "hoi-phu-nu"). Throws InputError
// at the issuer's line, naming the templates and the key to write, when no shipped template fits.
std::string plan_template(const Plan& plan);

// Where a plan's template is: a shipped name ("xa", "huyen", "hoi-phu-nu") is looked up in the
// templates folder beside the program (build/../templates, or ../share/kehoach/templates), else
// in the source tree it was built from; anything with a "/" or ending in ".docx" is a path,
// relative to the plan file's folder. Throws InputError naming the plan file and the shipped
// names when a name is unknown. A shipped template is a folder there with a word/document.xml
// (not chung/ or khoi/, the parts and blocks they share: read_template_package).
std::string locate_template(const std::string& name, const std::string& plan_file);

// The shipped templates folder (the one whose chung/ holds the shared parts), found the same way.
std::string templates_folder();

}  // namespace kehoach

namespace kehoach {

// The shipped poverty standards (data/standards), found the same way as the templates.
std::string standards_folder();

// The shipped office names (data/offices/co-quan.yaml), found the same way.
std::string offices_file();

// The shipped national programmes (data/chuong-trinh), found the same way.
std::string programmes_folder();

}  // namespace kehoach
