// Submissions in the store (store/submissions.h), with the rule of compute/submission_flow.h: every change a
// new state and an event in its history, in one transaction; a refused change, or one without what it needs,
// writes nothing. On the test server's database: SQLite, or PostgreSQL under web.postgresql.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "compute/submission_flow.h"
#include "store/database.h"
#include "store/submissions.h"
#include "store/versions.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

struct Store {
  TestServer server;
  SmallTree tree{server};
  AccountRecord commune_officer = server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  AccountRecord province_officer = server.account("tinh.hatinh", Role::ProvinceOfficer, tree.province.id);
  Poco::Data::Session db = server.site().database().session();

  VersionRecord version(WorkKind kind, int year = 2026) {
    Transaction transaction(server.site().database(), db);
    const VersionRecord added =
        add_version(db, {0, tree.commune_a.id, year, kind, 0, WorkState::Done, server.now(), commune_officer.id}, {});
    transaction.commit();
    return added;
  }

  // The change by the officer, decided by the table of compute/submission_flow.h.
  SubmissionResult act(SubmissionAction action, SubmissionActor actor, std::optional<std::int64_t> version = std::nullopt,
                       const std::string& reason = "", const std::string& explanation = "", WorkKind kind = WorkKind::Plan) {
    server.advance(60);
    const std::int64_t by = actor == SubmissionActor::OwnOfficer ? commune_officer.id : province_officer.id;
    const SubmissionChange change{tree.commune_a.id, 2026, kind, action, version, reason, explanation,
                                  server.now(), by, "127.0.0.1"};
    return change_submission(server.site().database(), db, change, [&](const SubmissionRecord& now) {
      const SubmissionDecision decision =
          decide_submission(now.state, action, actor, {"Kế hoạch năm 2026", "xã An Hòa Thịnh", "tỉnh Hà Tĩnh", "", ""});
      return SubmissionVerdict{decision.next, decision.refusal};
    });
  }

  SubmissionRecord plan() { return find_submission(db, tree.commune_a.id, 2026, WorkKind::Plan); }
};

}  // namespace

TEST_CASE("store: a plan sent, returned with its reason, sent again, approved, reopened, each change in the history") {
  Store s;
  CHECK(s.plan().id == 0);
  CHECK(s.plan().state == SubmissionState::Entering);
  const VersionRecord first = s.version(WorkKind::Plan);
  const VersionRecord second = s.version(WorkKind::Plan);

  SubmissionResult sent = s.act(SubmissionAction::Submit, SubmissionActor::OwnOfficer, first.id);
  REQUIRE(sent.verdict.next == SubmissionState::Submitted);
  CHECK(sent.record.id != 0);
  CHECK(s.plan().state == SubmissionState::Submitted);
  CHECK(s.plan().version_id == first.id);
  CHECK(s.plan().changed_by == s.commune_officer.id);
  CHECK(s.plan().changed_at == s.server.now());

  REQUIRE(s.act(SubmissionAction::Return, SubmissionActor::AncestorOfficer, std::nullopt, "Thiếu chỉ tiêu thôn Trùa.")
              .verdict.next == SubmissionState::Returned);
  CHECK(s.plan().state == SubmissionState::Returned);
  CHECK(s.plan().reason == "Thiếu chỉ tiêu thôn Trùa.");
  CHECK(s.plan().version_id == first.id);  // what was sent is still named

  REQUIRE(s.act(SubmissionAction::Submit, SubmissionActor::OwnOfficer, second.id, "", "Đã thêm.").verdict.next ==
          SubmissionState::Submitted);
  CHECK(s.plan().version_id == second.id);
  CHECK(s.plan().reason.empty());
  CHECK(s.plan().explanation == "Đã thêm.");

  REQUIRE(s.act(SubmissionAction::Approve, SubmissionActor::AncestorOfficer).verdict.next == SubmissionState::Approved);
  CHECK(s.plan().state == SubmissionState::Approved);
  CHECK(s.plan().changed_by == s.province_officer.id);

  REQUIRE(s.act(SubmissionAction::Reopen, SubmissionActor::AncestorOfficer, std::nullopt, "Tỉnh giao lại chỉ tiêu.")
              .verdict.next == SubmissionState::Entering);
  CHECK(s.plan().state == SubmissionState::Entering);
  CHECK(s.plan().reason == "Tỉnh giao lại chỉ tiêu.");
  CHECK(s.plan().version_id == second.id);  // the version approved before

  const std::vector<SubmissionEvent> events = submission_events(s.db, s.plan().id);
  REQUIRE(events.size() == 5);
  using A = SubmissionAction;
  using S = SubmissionState;
  const std::vector<std::tuple<A, S, S>> expected{{A::Submit, S::Entering, S::Submitted},
                                                  {A::Return, S::Submitted, S::Returned},
                                                  {A::Submit, S::Returned, S::Submitted},
                                                  {A::Approve, S::Submitted, S::Approved},
                                                  {A::Reopen, S::Approved, S::Entering}};
  for (std::size_t i = 0; i < events.size(); ++i) {
    CAPTURE(i);
    CHECK(std::tuple<A, S, S>{events[i].action, events[i].from, events[i].to} == expected[i]);
    CHECK(events[i].client_address == "127.0.0.1");
    if (i > 0) CHECK(events[i].at > events[i - 1].at);
  }
  CHECK(events[0].version_id == first.id);
  CHECK(events[1].reason == "Thiếu chỉ tiêu thôn Trùa.");
  CHECK(events[2].explanation == "Đã thêm.");
  CHECK(events[3].by == s.province_officer.id);
  CHECK(events[3].version_id == second.id);
  CHECK(events[4].reason == "Tỉnh giao lại chỉ tiêu.");
  // Nothing else changed: other kinds, years and units have no submission.
  CHECK(find_submission(s.db, s.tree.commune_a.id, 2026, WorkKind::VillageTable).id == 0);
  CHECK(find_submission(s.db, s.tree.commune_a.id, 2025, WorkKind::Plan).id == 0);
  CHECK(find_submission(s.db, s.tree.commune_b.id, 2026, WorkKind::Plan).id == 0);
}

TEST_CASE("store: a refused change writes nothing, neither the state nor the history") {
  Store s;
  const VersionRecord version = s.version(WorkKind::Plan);
  // Before anything was sent: approving is refused and no row is made.
  const SubmissionResult early = s.act(SubmissionAction::Approve, SubmissionActor::AncestorOfficer);
  CHECK_FALSE(early.verdict.next);
  CHECK(early.verdict.refusal.find("chưa được gửi") != std::string::npos);
  CHECK(s.server.count("submissions") == 0);
  CHECK(s.server.count("submission_events") == 0);

  REQUIRE(s.act(SubmissionAction::Submit, SubmissionActor::OwnOfficer, version.id).verdict.next);
  const SubmissionRecord sent = s.plan();
  for (const std::pair<SubmissionAction, SubmissionActor>& attempt : std::vector<std::pair<SubmissionAction, SubmissionActor>>{
           {SubmissionAction::Submit, SubmissionActor::OwnOfficer},         // sent already
           {SubmissionAction::Approve, SubmissionActor::OwnOfficer},        // its own work
           {SubmissionAction::Reopen, SubmissionActor::AncestorOfficer},    // not approved
           {SubmissionAction::Approve, SubmissionActor::Administrator}}) {  // takes no part
    const char* action = submission_action_key(attempt.first);  // a plain name: doctest's CAPTURE is a lambda
    CAPTURE(action);
    const SubmissionResult refused = s.act(attempt.first, attempt.second, version.id, "lý do");
    CHECK_FALSE(refused.verdict.next);
    CHECK_FALSE(refused.verdict.refusal.empty());
    CHECK(refused.record.state == SubmissionState::Submitted);
    const SubmissionRecord now = s.plan();
    CHECK(now.state == sent.state);
    CHECK(now.changed_at == sent.changed_at);
    CHECK(now.changed_by == sent.changed_by);
    CHECK(now.reason == sent.reason);
  }
  CHECK(s.server.count("submissions") == 1);
  CHECK(s.server.count("submission_events") == 1);
}

TEST_CASE("store: a return or a reopening without a reason, a sending without a version, is not written at all") {
  Store s;
  const VersionRecord version = s.version(WorkKind::VillageTable);
  CHECK_THROWS_AS(s.act(SubmissionAction::Submit, SubmissionActor::OwnOfficer, std::nullopt, "", "", WorkKind::VillageTable),
                  std::invalid_argument);
  REQUIRE(s.act(SubmissionAction::Submit, SubmissionActor::OwnOfficer, version.id, "", "", WorkKind::VillageTable).verdict.next);
  CHECK_THROWS_AS(s.act(SubmissionAction::Return, SubmissionActor::AncestorOfficer, std::nullopt, "", "", WorkKind::VillageTable),
                  std::invalid_argument);
  CHECK(find_submission(s.db, s.tree.commune_a.id, 2026, WorkKind::VillageTable).state == SubmissionState::Submitted);
  CHECK(s.server.count("submission_events") == 1);
}

TEST_CASE("store: two officers approving at the same moment, one approval is written, the other is refused") {
  Store s;
  const VersionRecord version = s.version(WorkKind::Plan);
  REQUIRE(s.act(SubmissionAction::Submit, SubmissionActor::OwnOfficer, version.id).verdict.next);
  std::atomic<int> approved{0}, refused{0};
  auto approve = [&] {
    Poco::Data::Session db = s.server.site().database().session();
    const SubmissionChange change{s.tree.commune_a.id, 2026, WorkKind::Plan, SubmissionAction::Approve, std::nullopt, "", "",
                                  s.server.now(), s.province_officer.id, "127.0.0.1"};
    const SubmissionResult result = change_submission(s.server.site().database(), db, change, [](const SubmissionRecord& now) {
      const SubmissionDecision decision = decide_submission(now.state, SubmissionAction::Approve,
                                                            SubmissionActor::AncestorOfficer, {"Kế hoạch", "xã", "tỉnh", "", ""});
      return SubmissionVerdict{decision.next, decision.refusal};
    });
    (result.verdict.next ? approved : refused) += 1;
  };
  std::thread first(approve), second(approve);
  first.join();
  second.join();
  CHECK(approved == 1);
  CHECK(refused == 1);
  CHECK(s.server.count("submission_events") == 2);
}
