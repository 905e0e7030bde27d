package vn.hocba.workflow;

/** Where a job is, derived from its items. */
public enum JobStatus {
    /** Nothing started yet. */
    QUEUED,
    /** Some items are done or being worked on. */
    RUNNING,
    /** A remote signer has to confirm (e.g. on a phone); hosts poll the provider. */
    AWAITING_CONFIRMATION,
    /** Every item is done (or was already done, or skipped with a reason). */
    COMPLETED,
    /** Every item is finished and some failed; see the items. */
    COMPLETED_WITH_ERRORS,
    /** Stopped on request; items not started stay as they were. */
    CANCELLED
}
