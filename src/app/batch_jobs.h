#pragma once
// What `kehoach batch` writes, as a list of jobs: every unit at the plan level gets its draft plan
// (.docx) and appendix (.xlsx) in a folder of its own; every unit above it, the appendix of its
// children. Each job knows the fingerprint of its inputs, so that a second run can skip it.
#include <memory>
#include <string>
#include <vector>

#include "compute/cascade.h"
#include "model/cascade.h"
#include "model/plan.h"
#include "model/unit_tree.h"

namespace kehoach {

struct BatchJob {
  int node = 0;
  std::vector<std::string> path;   // names from below the top ("Xã An Hòa Thịnh"), empty for the top
  std::string folder;              // relative to the output folder ("xa-an-hoa-thinh"; "" for the top)
  bool folder_shortened = false;   // the unit's name made a folder name too long: it was shortened
  bool plan = false;               // a plan unit: plan and appendix; otherwise the appendix only
  Plan document;                   // issuer, year, template: the plan the files belong to
  const AppendixTable* table = nullptr;  // the unit's children
  std::string fingerprint;         // of everything the files are made from
  std::string plan_file() const { return folder.empty() ? "ke-hoach.docx" : folder + "/ke-hoach.docx"; }
  std::string appendix_file() const { return folder.empty() ? "phu-luc.xlsx" : folder + "/phu-luc.xlsx"; }
};

// The level whose units issue plans: the one named in the cascade file, else the one above the
// lowest. Throws InputError naming the cascade file when the name is not a level of the units.
int plan_level(const UnitTree& tree, const CascadeSpec& spec);

// The template of the plans: the cascade file's, else the one written for the plan level's units
// ("xa" for communes and wards, "huyen" for districts). Throws InputError naming the cascade file and
// the key to write when the level says neither.
std::string batch_template(const UnitTree& tree, const CascadeSpec& spec, int level);

// What every plan of a batch shares: the offices' names and the national programme.
struct SharedPlanData {
  std::shared_ptr<const OfficeBook> offices;
  std::shared_ptr<const NationalProgramme> programme;
};

// Jobs in preorder (each unit before the units below it). `template_fingerprint` stands for the
// template's content, so that a changed template rewrites every plan.
std::vector<BatchJob> batch_jobs(const UnitTree& tree, const CascadeResult& cascade, const CascadeSpec& spec,
                                 int level, const std::string& template_name, const std::string& template_fingerprint,
                                 const SharedPlanData& shared);

// A unit's level word for the index: its name's ("Phường"), else its column's ("Xã").
std::string unit_level_word(const UnitTree& tree, int node);

// "xa-an-hoa-thinh": a folder name from a unit name, without diacritics or spaces. One longer than
// kFolderNameBytes is cut there (at a word where it can) and ends in 8 hex digits of the whole name's
// fingerprint: the same name always gives the same folder, and two long names that begin alike differ.
inline constexpr std::size_t kFolderNameBytes = 80;
std::string folder_name(const std::string& unit_name);

}  // namespace kehoach
