package vn.hocba.workflow;

/** Why something was refused, with the HTTP status a REST answer carries. */
public enum RefusalCode {
    NOT_FOUND(404),
    FORBIDDEN(403),
    INVALID_REQUEST(400),
    REASON_REQUIRED(400),
    /** The version is in a state where the step makes no sense (e.g. revoking a draft). */
    WRONG_STATE(409),
    /** An earlier step is missing: signing before the lock, the principal before the teacher, issue before seal. */
    OUT_OF_ORDER(409),
    /** No 12-digit personal id: the record can be drafted but not signed or issued. */
    MISSING_PERSONAL_ID(409),
    /** The step was already done on this version (jobs count it as done: steps are idempotent). */
    ALREADY_DONE(409),
    /** A newer version exists; only the latest version moves on. */
    NOT_LATEST(409),
    /** A correction of the record is already under way. */
    CORRECTION_IN_PROGRESS(409),
    /** The record's data has errors that block the lock. */
    VALIDATION_FAILED(422),
    /** Somebody else changed the record at the same time; nothing was written. */
    CONFLICT(409),
    /** A service the step needs (renderer, signing provider, engine) is not available now; retry later. */
    UNAVAILABLE(503),
    /** The step failed for another reason (see the message). */
    FAILED(500);

    private final int httpStatus;

    RefusalCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
