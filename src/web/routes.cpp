#include "web/routes.h"

#include "web/layout.h"

namespace kehoach {

void add_static_routes(Router& router, const std::map<std::string, StaticFile>& static_files) {
  router.add({"GET", "/static/{file}", Access::Public, [&static_files](RequestContext& context) {
                const auto found = static_files.find(context.param("file"));
                if (found == static_files.end()) return error_page(context, 404);
                Reply reply;
                reply.content_type = found->second.content_type;
                reply.body = found->second.bytes;
                reply.cacheable = true;
                return reply;
              }});
}

void add_routes(Router& router, const std::map<std::string, StaticFile>& static_files) {
  add_static_routes(router, static_files);
  add_login_routes(router);
  add_password_routes(router);
  add_home_routes(router);
  add_village_table_routes(router);
  add_plan_routes(router);
  add_report_routes(router);
  add_version_routes(router);
  add_submission_routes(router);
  add_status_routes(router);
  add_summary_routes(router);
  add_target_routes(router);
  add_admin_routes(router);
  add_admin_unit_routes(router);
  add_admin_account_routes(router);
  add_audit_routes(router);
}

}  // namespace kehoach
