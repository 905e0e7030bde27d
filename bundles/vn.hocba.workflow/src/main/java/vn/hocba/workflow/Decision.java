package vn.hocba.workflow;

import vn.hocba.model.RecordState;

/**
 * Whether a step may be taken on a version now: allowed (with the state it leads to) or refused (with why).
 *
 * @param target the state after the step when allowed, else null
 */
public record Decision(Step step, RecordState target, Refusal refusal) {

    public static Decision allow(Step step, RecordState target) {
        return new Decision(step, target, null);
    }

    public static Decision refuse(Step step, RefusalCode code, String messageVi, String messageEn) {
        return new Decision(step, null, new Refusal(code, messageVi, messageEn));
    }

    public boolean allowed() {
        return refusal == null;
    }

    /** Refused only because it was done already (a job counts the version as done). */
    public boolean alreadyDone() {
        return refusal != null && refusal.code() == RefusalCode.ALREADY_DONE;
    }
}
