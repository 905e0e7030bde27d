package vn.hocba.workflow.internal;

import static vn.hocba.model.RecordState.ACCEPTED;
import static vn.hocba.model.RecordState.DRAFT;
import static vn.hocba.model.RecordState.ISSUED;
import static vn.hocba.model.RecordState.LOCKED;
import static vn.hocba.model.RecordState.PRINCIPAL_SIGNED;
import static vn.hocba.model.RecordState.REVOKED;
import static vn.hocba.model.RecordState.SENT;
import static vn.hocba.model.RecordState.SUPERSEDED;
import static vn.hocba.model.RecordState.TEACHER_SIGNED;

import vn.hocba.model.RecordState;
import vn.hocba.workflow.Decision;
import vn.hocba.workflow.RecordFacts;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.Step;

/**
 * The state machine of HOCBA.md §6: which step may be taken on a version in which state, and why not. Pure: no
 * store, no caller (who may take a step is {@link AccessPolicy}'s question).
 *
 * <pre>
 * DRAFT ─lock→ LOCKED ─render→ LOCKED+artefacts ─teacher→ TEACHER_SIGNED ─principal→ PRINCIPAL_SIGNED ─seal→
 *   PRINCIPAL_SIGNED+seal ─issue→ ISSUED ─send→ SENT ─accept→ ACCEPTED
 * LOCKED / TEACHER_SIGNED / PRINCIPAL_SIGNED ─reopen(reason)→ DRAFT
 * ISSUED / SENT / ACCEPTED ─correct(reason)→ new version DRAFT;  ─supersede (when the new one is issued)→ SUPERSEDED
 * ISSUED / SENT / ACCEPTED ─revoke(reason)→ REVOKED
 * </pre>
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    public static Decision decide(Step step, RecordFacts f, String reason) {
        if (step.requiresReason() && (reason == null || reason.isBlank())) {
            return Decision.refuse(step, RefusalCode.REASON_REQUIRED,
                    "Cần ghi rõ lý do để " + step.labelVi().toLowerCase(java.util.Locale.ROOT),
                    step.labelEn() + " needs a written reason");
        }
        if (f.state() == SUPERSEDED) {
            return Decision.refuse(step, RefusalCode.WRONG_STATE, "Phiên bản này đã được thay thế bởi bản đính chính",
                    "This version was superseded by a correction");
        }
        if (f.state() == REVOKED) {
            return step == Step.REVOKE ? done(step) : Decision.refuse(step, RefusalCode.WRONG_STATE,
                    "Học bạ đã bị thu hồi", "The record was revoked");
        }
        return switch (step) {
            case LOCK -> lock(f);
            case REOPEN -> reopen(f);
            case RENDER -> render(f);
            case SIGN_TEACHER -> signTeacher(f);
            case SIGN_PRINCIPAL -> signPrincipal(f);
            case SEAL -> seal(f);
            case ISSUE -> issue(f);
            case SEND -> simple(step, f, ISSUED, SENT);
            case ACCEPT -> simple(step, f, SENT, ACCEPTED);
            case CORRECT -> correct(f);
            case REVOKE -> revoke(f);
            case SUPERSEDE -> f.state().isIssued() ? Decision.allow(step, SUPERSEDED)
                    : wrongState(step, f.state());
        };
    }

    private static Decision lock(RecordFacts f) {
        if (!f.latest()) return notLatest(Step.LOCK);
        if (f.state() == DRAFT) return Decision.allow(Step.LOCK, LOCKED);
        return done(Step.LOCK);
    }

    private static Decision reopen(RecordFacts f) {
        if (!f.latest()) return notLatest(Step.REOPEN);
        return switch (f.state()) {
            case LOCKED, TEACHER_SIGNED, PRINCIPAL_SIGNED -> Decision.allow(Step.REOPEN, DRAFT);
            case DRAFT -> done(Step.REOPEN);
            default -> Decision.refuse(Step.REOPEN, RefusalCode.WRONG_STATE,
                    "Học bạ đã phát hành không thể mở lại; hãy lập bản đính chính",
                    "An issued record cannot be reopened; make a correction instead");
        };
    }

    private static Decision render(RecordFacts f) {
        if (!f.latest()) return notLatest(Step.RENDER);
        return switch (f.state()) {
            case DRAFT -> Decision.refuse(Step.RENDER, RefusalCode.OUT_OF_ORDER, "Cần khoá sổ trước khi tạo bản in",
                    "Lock the record before rendering it");
            case LOCKED -> f.rendered() ? done(Step.RENDER) : Decision.allow(Step.RENDER, LOCKED);
            default -> done(Step.RENDER);
        };
    }

    private static Decision signTeacher(RecordFacts f) {
        if (!f.latest()) return notLatest(Step.SIGN_TEACHER);
        return switch (f.state()) {
            case DRAFT -> Decision.refuse(Step.SIGN_TEACHER, RefusalCode.OUT_OF_ORDER,
                    "Học bạ chưa khoá sổ nên chưa thể ký", "The record is not locked yet, so it cannot be signed");
            case LOCKED -> {
                if (!f.personalIdValid()) yield missingPersonalId(Step.SIGN_TEACHER);
                if (!f.rendered()) {
                    yield Decision.refuse(Step.SIGN_TEACHER, RefusalCode.OUT_OF_ORDER,
                            "Chưa có bản in (PDF và XML) để ký", "There is no rendered PDF and XML to sign yet");
                }
                yield Decision.allow(Step.SIGN_TEACHER, TEACHER_SIGNED);
            }
            default -> done(Step.SIGN_TEACHER);
        };
    }

    private static Decision signPrincipal(RecordFacts f) {
        if (!f.latest()) return notLatest(Step.SIGN_PRINCIPAL);
        return switch (f.state()) {
            case DRAFT, LOCKED -> Decision.refuse(Step.SIGN_PRINCIPAL, RefusalCode.OUT_OF_ORDER,
                    "Giáo viên chủ nhiệm chưa ký; Hiệu trưởng ký sau GVCN",
                    "The homeroom teacher has not signed; the principal signs after the homeroom teacher");
            case TEACHER_SIGNED -> f.personalIdValid() ? Decision.allow(Step.SIGN_PRINCIPAL, PRINCIPAL_SIGNED)
                    : missingPersonalId(Step.SIGN_PRINCIPAL);
            default -> done(Step.SIGN_PRINCIPAL);
        };
    }

    private static Decision seal(RecordFacts f) {
        if (!f.latest()) return notLatest(Step.SEAL);
        return switch (f.state()) {
            case DRAFT, LOCKED, TEACHER_SIGNED -> Decision.refuse(Step.SEAL, RefusalCode.OUT_OF_ORDER,
                    "Hiệu trưởng chưa ký; con dấu được đóng sau chữ ký của Hiệu trưởng",
                    "The principal has not signed; the seal comes after the principal's signature");
            case PRINCIPAL_SIGNED -> {
                if (f.sealed()) yield done(Step.SEAL);
                yield f.personalIdValid() ? Decision.allow(Step.SEAL, PRINCIPAL_SIGNED) : missingPersonalId(Step.SEAL);
            }
            default -> done(Step.SEAL);
        };
    }

    private static Decision issue(RecordFacts f) {
        if (!f.latest()) return notLatest(Step.ISSUE);
        return switch (f.state()) {
            case DRAFT, LOCKED, TEACHER_SIGNED -> Decision.refuse(Step.ISSUE, RefusalCode.OUT_OF_ORDER,
                    "Học bạ chưa đủ chữ ký để phát hành", "The record does not have every signature it needs yet");
            case PRINCIPAL_SIGNED -> {
                if (!f.personalIdValid()) yield missingPersonalId(Step.ISSUE);
                if (!f.sealed() || !f.rendered()) {
                    yield Decision.refuse(Step.ISSUE, RefusalCode.OUT_OF_ORDER,
                            "Học bạ chưa được đóng dấu nên chưa thể phát hành",
                            "The record is not sealed yet, so it cannot be issued");
                }
                yield Decision.allow(Step.ISSUE, ISSUED);
            }
            default -> done(Step.ISSUE);
        };
    }

    private static Decision correct(RecordFacts f) {
        if (f.newerExists()) {
            return Decision.refuse(Step.CORRECT, RefusalCode.CORRECTION_IN_PROGRESS,
                    "Học bạ này đang có một bản đính chính chưa phát hành",
                    "A correction of this record is already under way");
        }
        if (!f.state().isIssued()) {
            return Decision.refuse(Step.CORRECT, RefusalCode.WRONG_STATE,
                    "Chỉ đính chính được học bạ đã phát hành; bản chưa phát hành thì mở lại để sửa",
                    "Only an issued record is corrected; reopen one that is not issued yet");
        }
        return Decision.allow(Step.CORRECT, DRAFT);
    }

    private static Decision revoke(RecordFacts f) {
        if (f.state().isIssued()) return Decision.allow(Step.REVOKE, REVOKED);
        return Decision.refuse(Step.REVOKE, RefusalCode.WRONG_STATE,
                "Chỉ thu hồi được học bạ đã phát hành", "Only an issued record can be revoked");
    }

    private static Decision simple(Step step, RecordFacts f, RecordState from, RecordState to) {
        if (f.state() == from) return Decision.allow(step, to);
        if (f.state().isIssued() && f.state().ordinal() >= to.ordinal()) return done(step);
        return wrongState(step, f.state());
    }

    private static Decision done(Step step) {
        return Decision.refuse(step, RefusalCode.ALREADY_DONE, "Bước \"" + step.labelVi() + "\" đã được thực hiện",
                "\"" + step.labelEn() + "\" was already done");
    }

    private static Decision notLatest(Step step) {
        return Decision.refuse(step, RefusalCode.NOT_LATEST, "Đã có phiên bản mới hơn của học bạ này",
                "A newer version of this record exists");
    }

    private static Decision missingPersonalId(Step step) {
        return Decision.refuse(step, RefusalCode.MISSING_PERSONAL_ID,
                "Học sinh chưa có mã định danh cá nhân 12 chữ số: học bạ được lập nhưng không thể ký",
                "The pupil has no 12-digit personal identification number: the record can be drafted but not signed");
    }

    private static Decision wrongState(Step step, RecordState state) {
        return Decision.refuse(step, RefusalCode.WRONG_STATE,
                "Không thể \"" + step.labelVi() + "\" khi học bạ ở trạng thái \"" + state.label() + "\"",
                "\"" + step.labelEn() + "\" is not possible in state " + state);
    }
}
