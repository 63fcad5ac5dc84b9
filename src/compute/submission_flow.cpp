#include "compute/submission_flow.h"

namespace kehoach {
namespace {

using S = SubmissionState;
using A = SubmissionAction;
using W = SubmissionActor;  // who
using R = Refusal;

constexpr W kOwn = W::OwnOfficer;
constexpr W kAbove = W::AncestorOfficer;
constexpr W kAdmin = W::Administrator;

Transition allow(S state, A action, W actor, S next) { return {state, action, actor, next, R::None}; }
Transition refuse(S state, A action, W actor, R why) { return {state, action, actor, std::nullopt, why}; }

// Every row written out, so that what happens in each case is read here and nowhere else.
const std::vector<Transition> kTable = {
    // ---- Đang nhập: the unit works on it; only the unit's sending moves it.
    allow(S::Entering, A::Submit, kOwn, S::Submitted),
    refuse(S::Entering, A::Submit, kAbove, R::OnlyUnitSubmits),
    refuse(S::Entering, A::Submit, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Entering, A::Return, kOwn, R::OnlyAboveDecides),
    refuse(S::Entering, A::Return, kAbove, R::NotSubmitted),
    refuse(S::Entering, A::Return, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Entering, A::Approve, kOwn, R::OnlyAboveDecides),
    refuse(S::Entering, A::Approve, kAbove, R::NotSubmitted),
    refuse(S::Entering, A::Approve, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Entering, A::Reopen, kOwn, R::OnlyAboveDecides),
    refuse(S::Entering, A::Reopen, kAbove, R::NothingToReopen),
    refuse(S::Entering, A::Reopen, kAdmin, R::AdministratorTakesNoPart),
    // ---- Đã gửi: waiting for the level above, which returns or approves it.
    refuse(S::Submitted, A::Submit, kOwn, R::AlreadySubmitted),
    refuse(S::Submitted, A::Submit, kAbove, R::OnlyUnitSubmits),
    refuse(S::Submitted, A::Submit, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Submitted, A::Return, kOwn, R::OnlyAboveDecides),
    allow(S::Submitted, A::Return, kAbove, S::Returned),
    refuse(S::Submitted, A::Return, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Submitted, A::Approve, kOwn, R::OnlyAboveDecides),
    allow(S::Submitted, A::Approve, kAbove, S::Approved),
    refuse(S::Submitted, A::Approve, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Submitted, A::Reopen, kOwn, R::OnlyAboveDecides),
    refuse(S::Submitted, A::Reopen, kAbove, R::ReturnInstead),
    refuse(S::Submitted, A::Reopen, kAdmin, R::AdministratorTakesNoPart),
    // ---- Bị trả lại: the unit fixes it and sends it again.
    allow(S::Returned, A::Submit, kOwn, S::Submitted),
    refuse(S::Returned, A::Submit, kAbove, R::OnlyUnitSubmits),
    refuse(S::Returned, A::Submit, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Returned, A::Return, kOwn, R::OnlyAboveDecides),
    refuse(S::Returned, A::Return, kAbove, R::WaitingForResubmission),
    refuse(S::Returned, A::Return, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Returned, A::Approve, kOwn, R::OnlyAboveDecides),
    refuse(S::Returned, A::Approve, kAbove, R::WaitingForResubmission),
    refuse(S::Returned, A::Approve, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Returned, A::Reopen, kOwn, R::OnlyAboveDecides),
    refuse(S::Returned, A::Reopen, kAbove, R::NothingToReopen),
    refuse(S::Returned, A::Reopen, kAdmin, R::AdministratorTakesNoPart),
    // ---- Đã duyệt: locked until the level above reopens it.
    refuse(S::Approved, A::Submit, kOwn, R::ApprovedLocked),
    refuse(S::Approved, A::Submit, kAbove, R::OnlyUnitSubmits),
    refuse(S::Approved, A::Submit, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Approved, A::Return, kOwn, R::OnlyAboveDecides),
    refuse(S::Approved, A::Return, kAbove, R::ReopenInstead),
    refuse(S::Approved, A::Return, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Approved, A::Approve, kOwn, R::OnlyAboveDecides),
    refuse(S::Approved, A::Approve, kAbove, R::AlreadyApproved),
    refuse(S::Approved, A::Approve, kAdmin, R::AdministratorTakesNoPart),
    refuse(S::Approved, A::Reopen, kOwn, R::OnlyAboveDecides),
    allow(S::Approved, A::Reopen, kAbove, S::Entering),
    refuse(S::Approved, A::Reopen, kAdmin, R::AdministratorTakesNoPart),
};

// "đang nhập", "bị trả lại": a state inside a sentence.
std::string state_words(S state) {
  switch (state) {
    case S::Entering: return "đang nhập";
    case S::Submitted: return "đã gửi";
    case S::Returned: return "bị trả lại";
    case S::Approved: return "đã duyệt";
  }
  return "";
}

// " ngày 12/05/2026", or nothing when the day is not known.
std::string on_day(const SubmissionFacts& facts) { return facts.since.empty() ? "" : " ngày " + facts.since; }

std::string contact(const SubmissionFacts& facts) { return facts.contact.empty() ? facts.above : facts.contact; }

}  // namespace

const std::vector<Transition>& submission_transitions() { return kTable; }

std::string locked_refusal(const SubmissionFacts& facts) {
  return facts.work + " đã được duyệt" + on_day(facts) + "; liên hệ " + contact(facts) + " để mở lại.";
}

std::string refusal_text(Refusal refusal, SubmissionState state, SubmissionAction action, const SubmissionFacts& facts) {
  const std::string verb = submission_action_verb(action);
  switch (refusal) {
    case R::None: return "";
    case R::AlreadySubmitted:
      return facts.work + " đã được gửi" + on_day(facts) + ", đang chờ " + facts.above +
             " xem; chưa bị trả lại thì không gửi lại được. Cần sửa thì liên hệ " + facts.above + " để trả lại.";
    case R::ApprovedLocked: return locked_refusal(facts);
    case R::OnlyAboveDecides:
      return facts.work + " do cán bộ " + facts.above + " " + verb + "; đơn vị không tự " + verb + " việc của mình.";
    case R::OnlyUnitSubmits:
      return facts.work + " do cán bộ " + facts.unit + " gửi; cấp trên trả lại, duyệt hoặc mở lại sau khi đơn vị đã gửi.";
    case R::NotSubmitted:
      return facts.work + " của " + facts.unit + " chưa được gửi (đang nhập); chỉ " + verb + " được sau khi " + facts.unit +
             " gửi.";
    case R::NothingToReopen:
      return facts.work + " chưa được duyệt (" + state_words(state) + ") nên không cần mở lại: " + facts.unit +
             " vẫn sửa được.";
    case R::ReturnInstead:
      return facts.work + " đã gửi nhưng chưa được duyệt; muốn " + facts.unit + " sửa thì bấm Trả lại và ghi lý do.";
    case R::WaitingForResubmission:
      return facts.work + " đã bị trả lại" + on_day(facts) + ", đang chờ " + facts.unit + " sửa và gửi lại; chỉ " + verb +
             " được sau khi " + facts.unit + " gửi lại.";
    case R::ReopenInstead:
      return facts.work + " đã được duyệt" + on_day(facts) + "; muốn " + facts.unit + " sửa thì bấm Mở lại và ghi lý do.";
    case R::AlreadyApproved: return facts.work + " đã được duyệt" + on_day(facts) + " rồi.";
    case R::AdministratorTakesNoPart:
      return "Tài khoản quản trị chỉ quản lý đơn vị và tài khoản, không " + verb + " thay cán bộ: " + facts.work +
             " do cán bộ " + facts.unit + " gửi và cán bộ " + facts.above + " trả lại, duyệt hoặc mở lại.";
  }
  return "";
}

SubmissionDecision decide_submission(SubmissionState state, SubmissionAction action, SubmissionActor actor,
                                     const SubmissionFacts& facts) {
  for (const Transition& row : kTable)
    if (row.state == state && row.action == action && row.actor == actor) {
      if (row.next) return {row.next, "", Refusal::None};
      return {std::nullopt, refusal_text(row.refusal, state, action, facts), row.refusal};
    }
  return {std::nullopt, facts.work + ": không làm được việc này.", Refusal::None};  // unreachable: every row is there
}

}  // namespace kehoach
