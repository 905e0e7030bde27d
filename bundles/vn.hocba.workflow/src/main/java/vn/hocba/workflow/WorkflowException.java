package vn.hocba.workflow;

import java.util.Objects;

/** A workflow request that was refused or failed; nothing of it was written. */
public class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    public WorkflowException(Refusal refusal) {
        this(refusal, null);
    }

    public WorkflowException(Refusal refusal, Throwable cause) {
        super(Objects.requireNonNull(refusal, "refusal").messageEn(), cause);
        this.refusal = refusal;
    }

    public WorkflowException(RefusalCode code, String messageVi, String messageEn) {
        this(new Refusal(code, messageVi, messageEn));
    }

    public Refusal refusal() {
        return refusal;
    }

    public RefusalCode code() {
        return refusal.code();
    }

    public String messageVi() {
        return refusal.messageVi();
    }
}
