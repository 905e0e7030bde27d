package vn.hocba.store;

/** Where a signing step or an export delivery of one record version is. */
public enum TaskStatus {
    /** Waiting to be started (or retried). */
    PENDING,
    /** Started; for remote signing, waiting for the signer's confirmation; for export, sent and awaiting a receipt. */
    IN_PROGRESS,
    DONE,
    FAILED
}
