package vn.hocba.workflow;

/** Where one record of a job is. */
public enum ItemStatus {
    /** Not started. */
    PENDING,
    /** A host is working on it (under a lease; another host takes it over when the lease runs out). */
    CLAIMED,
    /** Its new artefacts are made and kept with the job; applying them to the record is what is left. */
    STAGED,
    /** Its signature waits for the signer's confirmation at a remote provider. */
    AWAITING,
    /** Done (or found already done). */
    DONE,
    /** Not done, because the record cannot take the step (the reason says why); not an error of the job. */
    SKIPPED,
    /** Failed; the reason says why. */
    FAILED;

    public boolean finished() {
        return this == DONE || this == SKIPPED || this == FAILED;
    }
}
