#pragma once
// A save refused because another officer of the unit saved the same kind of work since the form was opened
// (VersionConflict, web/work_versions.h): the page comes back (409) with the officer's input in its form,
// unsaved, and above it the newer version: who saved it and when, a link to it, and what it holds, so that
// they see both and save again deliberately (the form is then opened on the newer version).
#include <string>

#include "store/versions.h"
#include "web/context.h"
#include "web/form_view.h"

namespace kehoach {

// The id of the section the error summary links to.
inline constexpr const char* kConflictAnchor = "xung-dot";

// What a saved version holds, as its own page and a refused save show it: a village table with its totals,
// a plan with its appendix figures, a report with its results ("" when it cannot be read); `heading` is the
// element of its headings ("h2" on the version's page).
std::string version_contents(const RequestContext& context, const VersionRecord& version,
                             const std::string& heading = "h2");

// "Trong lúc bạn nhập, Lê Thị Hoa đã lưu phiên bản 4 (12/05/2026 10:30); phần bạn nhập chưa được lưu: xem
// lại rồi lưu lại.", in the error summary.
std::string conflict_message(const RequestContext& context, const VersionRecord& newer);
void add_conflict(FormErrors& errors, const RequestContext& context, const VersionRecord& newer);

// The section above the form: the message, the link to the newer version and, with `contents`, what it holds.
// `yours` says where the officer's input is and which button saves it; `beside` (HTML) is what a page sets
// beside it, such as the cells where the two differ.
std::string conflict_section(const RequestContext& context, const VersionRecord& newer, const std::string& yours,
                             bool contents = true, const std::string& beside = "");

}  // namespace kehoach
