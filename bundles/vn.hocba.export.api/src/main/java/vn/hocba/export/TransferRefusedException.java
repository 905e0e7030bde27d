package vn.hocba.export;

import java.util.stream.Collectors;

/** A transfer that was refused: nothing was stored; the report lists every reason. */
public class TransferRefusedException extends ExportException {

    private static final long serialVersionUID = 1L;

    private final transient TransferReport report;

    public TransferRefusedException(TransferReport report) {
        super("Không nhận hồ sơ chuyển trường: " + report.problems().stream().map(TransferProblem::messageVi)
                .collect(Collectors.joining("; ")),
                "Transfer refused: " + report.problems().stream().map(TransferProblem::messageEn)
                        .collect(Collectors.joining("; ")));
        this.report = report;
    }

    public TransferReport report() {
        return report;
    }
}
