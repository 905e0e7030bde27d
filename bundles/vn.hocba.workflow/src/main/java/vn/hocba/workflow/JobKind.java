package vn.hocba.workflow;

/** What a job does to each record of a class, a school or a selection. */
public enum JobKind {
    /** Freeze the live assessments into each draft and lock it. */
    LOCK(Step.LOCK),
    /** Print the PDF and the XML of each locked version. */
    RENDER(Step.RENDER),
    /** The caller signs each version: as homeroom teacher, or as principal or deputy (one provider batch per chunk). */
    SIGN(null),
    /** The school seal certifies each version (and its validation data is added, B-LT). */
    SEAL(Step.SEAL),
    /** Each sealed version becomes the official record. */
    ISSUE(Step.ISSUE);

    private final Step step;

    JobKind(Step step) {
        this.step = step;
    }

    /** The lifecycle step of each item; null for SIGN, whose step depends on the signer's role. */
    public Step step() {
        return step;
    }
}
