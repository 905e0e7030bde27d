package vn.hocba.rules;

/** Thrown when a rules operation is refused (a frozen record, an override without reason); carries the problem. */
public class RuleViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public RuleViolationException(Problem problem) {
        super(problem.messageEn());
        this.problem = problem;
    }

    public Problem problem() { return problem; }

    public ProblemCode code() { return problem.code(); }
}
