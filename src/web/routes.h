#pragma once
// Every page of the site, registered by the file that renders it: a page family is one file of
// web/pages/ with its `add_…_routes`, called from add_routes().
//
//   GET  /                                   → the signed-in account's start page, or the sign-in page
//   GET  /static/{file}                      the style sheet
//   GET  /dang-nhap, POST /dang-nhap         sign in
//   POST /dang-xuat                          sign out
//   GET  /doi-mat-khau, POST /doi-mat-khau   change password (forced after a one-time password)
//   GET  /don-vi/{unit}                      a commune's home (a province's: its communes)
//   GET  /don-vi/{unit}/thon, POST /don-vi/{unit}/thon, POST /don-vi/{unit}/thon/tai-len     village table
//   GET  /don-vi/{unit}/ke-hoach, POST /don-vi/{unit}/ke-hoach                              plan
//   GET  /don-vi/{unit}/phien-ban/{version}, GET /don-vi/{unit}/phien-ban/{version}/{file}  a version, a file
//   GET  /don-vi/{unit}/bao-cao, POST /don-vi/{unit}/bao-cao, POST /don-vi/{unit}/bao-cao/tai-len          reports
//        (?nam=YYYY: the four periods; &ky=q1|6m|9m|year: a period's report)
//   GET  /don-vi/{unit}/nop/{kind}?nam=YYYY  a submission (kind: thon, ke-hoach, bao-cao-q1|6m|9m|year), and
//   POST /don-vi/{unit}/nop/{kind}/gui | /tra-lai | /duyet | /mo-lai    send, return, approve, reopen it
//   GET  /don-vi/{unit}/tinh-hinh-nop?nam=YYYY&ky=KIND&trang-thai=…   a province's (or district's) dashboard of
//        the submissions of the communes below it (kind as above), with GET …/tinh-hinh-nop/tai-ve.xlsx (the same
//        as a workbook) and POST …/tinh-hinh-nop/han-nop (its deadline for that year and kind)
//   GET  /don-vi/{unit}/tong-hop?nam=YYYY&ky=KIND   the approved submissions aggregated (the province appendix of
//        `kehoach batch`; a period's reports: the table of `kehoach report`), with GET …/tong-hop/tai-ve.xlsx (that
//        table) and GET …/tong-hop/tai-ve.zip (every commune's files)
//   GET  /don-vi/{unit}/giao-chi-tieu?nam=YYYY, POST the same    a province's targets split and given (Giao chỉ tiêu)
//   GET  /don-vi/{unit}/giao-chi-tieu/{assignment}/{file}         the cascade file and units table of a version
//   POST /don-vi/{unit}/giao-chi-tieu/de-nghi/{request}           agree to or refuse a commune's request
//   GET  /quan-tri                           administration: overview
//   GET  /quan-tri/don-vi, POST /quan-tri/don-vi, POST /quan-tri/don-vi/tai-len      units
//   GET  /quan-tri/tai-khoan, POST /quan-tri/tai-khoan                              accounts
//   POST /quan-tri/tai-khoan/{account}/dat-lai-mat-khau | /khoa | /mo-khoa
//   GET  /don-vi/{unit}/nhat-ky              Nhật ký thay đổi of a province and every unit below it, and
//   GET  /quan-tri/nhat-ky                   of everything, for the administrator (filters: ?tai-khoan= &viec=
//        &tu-ngay= &den-ngay= &trang=)
#include "web/router.h"
#include "web/static_files.h"

namespace kehoach {

void add_routes(Router& router, const std::map<std::string, StaticFile>& static_files);

void add_static_routes(Router& router, const std::map<std::string, StaticFile>& static_files);
void add_login_routes(Router& router);
void add_password_routes(Router& router);
void add_home_routes(Router& router);
void add_village_table_routes(Router& router);
void add_plan_routes(Router& router);
void add_report_routes(Router& router);
void add_version_routes(Router& router);
void add_submission_routes(Router& router);
void add_status_routes(Router& router);
void add_summary_routes(Router& router);
void add_target_routes(Router& router);
void add_admin_routes(Router& router);
void add_admin_unit_routes(Router& router);
void add_admin_account_routes(Router& router);
void add_audit_routes(Router& router);

// The error pages every route may answer with: "Không tìm thấy trang" (404: also what an account gets
// for a record it may not see), "Yêu cầu bị từ chối" (403), and the others by status.
Reply error_page(const RequestContext& context, int status, const std::string& detail = "");

}  // namespace kehoach
