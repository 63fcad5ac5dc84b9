#include <doctest/doctest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "compute/submission_flow.h"

using namespace kehoach;

namespace {

using S = SubmissionState;
using A = SubmissionAction;
using W = SubmissionActor;

const SubmissionFacts kFacts{"Kế hoạch năm 2026", "xã An Hòa Thịnh", "tỉnh Hà Tĩnh", "12/05/2026",
                             "Nguyễn Văn Bình, tỉnh Hà Tĩnh"};

// What each case must give, written out again here (not read from the table): the state after, or the
// words the refusal must hold (why, and what to do).
struct Expected {
  S state;
  A action;
  W actor;
  std::optional<S> next;
  std::string says;  // for a refusal
};

const std::string kAdmin = "Tài khoản quản trị chỉ quản lý đơn vị và tài khoản";

const std::vector<Expected> kExpected = {
    {S::Entering, A::Submit, W::OwnOfficer, S::Submitted, ""},
    {S::Entering, A::Submit, W::AncestorOfficer, std::nullopt, "Kế hoạch năm 2026 do cán bộ xã An Hòa Thịnh gửi"},
    {S::Entering, A::Submit, W::Administrator, std::nullopt, kAdmin + ", không gửi thay cán bộ"},
    {S::Entering, A::Return, W::OwnOfficer, std::nullopt, "do cán bộ tỉnh Hà Tĩnh trả lại; đơn vị không tự trả lại"},
    {S::Entering, A::Return, W::AncestorOfficer, std::nullopt,
     "chưa được gửi (đang nhập); chỉ trả lại được sau khi xã An Hòa Thịnh gửi"},
    {S::Entering, A::Return, W::Administrator, std::nullopt, kAdmin + ", không trả lại thay cán bộ"},
    {S::Entering, A::Approve, W::OwnOfficer, std::nullopt, "do cán bộ tỉnh Hà Tĩnh duyệt; đơn vị không tự duyệt"},
    {S::Entering, A::Approve, W::AncestorOfficer, std::nullopt, "chưa được gửi (đang nhập); chỉ duyệt được sau khi"},
    {S::Entering, A::Approve, W::Administrator, std::nullopt, kAdmin + ", không duyệt thay cán bộ"},
    {S::Entering, A::Reopen, W::OwnOfficer, std::nullopt, "do cán bộ tỉnh Hà Tĩnh mở lại; đơn vị không tự mở lại"},
    {S::Entering, A::Reopen, W::AncestorOfficer, std::nullopt,
     "chưa được duyệt (đang nhập) nên không cần mở lại: xã An Hòa Thịnh vẫn sửa được"},
    {S::Entering, A::Reopen, W::Administrator, std::nullopt, kAdmin + ", không mở lại thay cán bộ"},

    {S::Submitted, A::Submit, W::OwnOfficer, std::nullopt,
     "đã được gửi ngày 12/05/2026, đang chờ tỉnh Hà Tĩnh xem; chưa bị trả lại thì không gửi lại được. Cần sửa thì "
     "liên hệ tỉnh Hà Tĩnh để trả lại"},
    {S::Submitted, A::Submit, W::AncestorOfficer, std::nullopt, "do cán bộ xã An Hòa Thịnh gửi"},
    {S::Submitted, A::Submit, W::Administrator, std::nullopt, kAdmin},
    {S::Submitted, A::Return, W::OwnOfficer, std::nullopt, "đơn vị không tự trả lại"},
    {S::Submitted, A::Return, W::AncestorOfficer, S::Returned, ""},
    {S::Submitted, A::Return, W::Administrator, std::nullopt, kAdmin},
    {S::Submitted, A::Approve, W::OwnOfficer, std::nullopt, "do cán bộ tỉnh Hà Tĩnh duyệt; đơn vị không tự duyệt"},
    {S::Submitted, A::Approve, W::AncestorOfficer, S::Approved, ""},
    {S::Submitted, A::Approve, W::Administrator, std::nullopt, kAdmin + ", không duyệt thay cán bộ"},
    {S::Submitted, A::Reopen, W::OwnOfficer, std::nullopt, "đơn vị không tự mở lại"},
    {S::Submitted, A::Reopen, W::AncestorOfficer, std::nullopt,
     "đã gửi nhưng chưa được duyệt; muốn xã An Hòa Thịnh sửa thì bấm Trả lại và ghi lý do"},
    {S::Submitted, A::Reopen, W::Administrator, std::nullopt, kAdmin},

    {S::Returned, A::Submit, W::OwnOfficer, S::Submitted, ""},
    {S::Returned, A::Submit, W::AncestorOfficer, std::nullopt, "do cán bộ xã An Hòa Thịnh gửi"},
    {S::Returned, A::Submit, W::Administrator, std::nullopt, kAdmin},
    {S::Returned, A::Return, W::OwnOfficer, std::nullopt, "đơn vị không tự trả lại"},
    {S::Returned, A::Return, W::AncestorOfficer, std::nullopt,
     "đã bị trả lại ngày 12/05/2026, đang chờ xã An Hòa Thịnh sửa và gửi lại; chỉ trả lại được sau khi"},
    {S::Returned, A::Return, W::Administrator, std::nullopt, kAdmin},
    {S::Returned, A::Approve, W::OwnOfficer, std::nullopt, "đơn vị không tự duyệt"},
    {S::Returned, A::Approve, W::AncestorOfficer, std::nullopt,
     "đang chờ xã An Hòa Thịnh sửa và gửi lại; chỉ duyệt được sau khi xã An Hòa Thịnh gửi lại"},
    {S::Returned, A::Approve, W::Administrator, std::nullopt, kAdmin},
    {S::Returned, A::Reopen, W::OwnOfficer, std::nullopt, "đơn vị không tự mở lại"},
    {S::Returned, A::Reopen, W::AncestorOfficer, std::nullopt, "chưa được duyệt (bị trả lại) nên không cần mở lại"},
    {S::Returned, A::Reopen, W::Administrator, std::nullopt, kAdmin},

    {S::Approved, A::Submit, W::OwnOfficer, std::nullopt,
     "Kế hoạch năm 2026 đã được duyệt ngày 12/05/2026; liên hệ Nguyễn Văn Bình, tỉnh Hà Tĩnh để mở lại."},
    {S::Approved, A::Submit, W::AncestorOfficer, std::nullopt, "do cán bộ xã An Hòa Thịnh gửi"},
    {S::Approved, A::Submit, W::Administrator, std::nullopt, kAdmin},
    {S::Approved, A::Return, W::OwnOfficer, std::nullopt, "đơn vị không tự trả lại"},
    {S::Approved, A::Return, W::AncestorOfficer, std::nullopt,
     "đã được duyệt ngày 12/05/2026; muốn xã An Hòa Thịnh sửa thì bấm Mở lại và ghi lý do"},
    {S::Approved, A::Return, W::Administrator, std::nullopt, kAdmin},
    {S::Approved, A::Approve, W::OwnOfficer, std::nullopt, "đơn vị không tự duyệt"},
    {S::Approved, A::Approve, W::AncestorOfficer, std::nullopt, "Kế hoạch năm 2026 đã được duyệt ngày 12/05/2026 rồi."},
    {S::Approved, A::Approve, W::Administrator, std::nullopt, kAdmin},
    {S::Approved, A::Reopen, W::OwnOfficer, std::nullopt, "do cán bộ tỉnh Hà Tĩnh mở lại; đơn vị không tự mở lại"},
    {S::Approved, A::Reopen, W::AncestorOfficer, S::Entering, ""},
    {S::Approved, A::Reopen, W::Administrator, std::nullopt, kAdmin + ", không mở lại thay cán bộ"},
};

std::string name(const Expected& e) {
  return std::string(submission_state_key(e.state)) + " × " + submission_action_key(e.action) + " × " +
         std::to_string(static_cast<int>(e.actor));
}

}  // namespace

TEST_CASE("the submission table has one row for every state, action and actor") {
  const std::vector<Transition>& table = submission_transitions();
  CHECK(table.size() == 4 * 4 * 3);
  std::set<std::tuple<int, int, int>> seen;
  for (const Transition& row : table) {
    CHECK(seen.insert({static_cast<int>(row.state), static_cast<int>(row.action), static_cast<int>(row.actor)}).second);
    // A row is allowed with a next state, or refused with a reason: never both, never neither.
    CHECK(row.next.has_value() == (row.refusal == Refusal::None));
  }
  CHECK(seen.size() == 48);
  CHECK(kExpected.size() == 48);
}

TEST_CASE("every allowed and every refused submission transition gives its state or its reason") {
  for (const Expected& expected : kExpected) {
    CAPTURE(name(expected));
    const SubmissionDecision decision = decide_submission(expected.state, expected.action, expected.actor, kFacts);
    CHECK(decision.next == expected.next);
    CHECK(decision.allowed() == expected.next.has_value());
    if (expected.next) {
      CHECK(decision.refusal.empty());
    } else {
      CHECK(decision.refusal.find(expected.says) != std::string::npos);
      CHECK(decision.refusal.back() == '.');
    }
  }
}

TEST_CASE("exactly five submission transitions are allowed: the flow of the issue") {
  std::vector<std::string> allowed;
  for (const Transition& row : submission_transitions())
    if (row.next)
      allowed.push_back(std::string(submission_state_key(row.state)) + " " + submission_action_key(row.action) + " → " +
                        submission_state_key(*row.next));
  CHECK(allowed == std::vector<std::string>{"entering submit → submitted", "submitted return → returned",
                                            "submitted approve → approved", "returned submit → submitted",
                                            "approved reopen → entering"});
}

TEST_CASE("the lock's refusal names the work, the day it was approved and whom to ask") {
  CHECK(locked_refusal(kFacts) ==
        "Kế hoạch năm 2026 đã được duyệt ngày 12/05/2026; liên hệ Nguyễn Văn Bình, tỉnh Hà Tĩnh để mở lại.");
  SubmissionFacts unknown = kFacts;
  unknown.contact = "";
  unknown.since = "";
  CHECK(locked_refusal(unknown) == "Kế hoạch năm 2026 đã được duyệt; liên hệ tỉnh Hà Tĩnh để mở lại.");
}

TEST_CASE("submission states and actions are stored by key and read back, unknown words refused") {
  for (S state : {S::Entering, S::Submitted, S::Returned, S::Approved})
    CHECK(submission_state_from_key(submission_state_key(state)) == state);
  for (A action : {A::Submit, A::Return, A::Approve, A::Reopen})
    CHECK(submission_action_from_key(submission_action_key(action)) == action);
  CHECK_FALSE(submission_state_from_key("done").has_value());
  CHECK_FALSE(submission_action_from_key("").has_value());
  CHECK(submission_state_label(S::Returned) == "Bị trả lại");
  CHECK(submission_state_label(S::Approved) == "Đã duyệt");
  CHECK(action_needs_reason(A::Return));
  CHECK(action_needs_reason(A::Reopen));
  CHECK_FALSE(action_needs_reason(A::Approve));
  CHECK_FALSE(action_needs_reason(A::Submit));
}
