package vn.hocba.export.moet.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import vn.hocba.export.DeliverySummary;
import vn.hocba.export.ExportService;
import vn.hocba.export.TransferReport;
import vn.hocba.export.TransferResult;
import vn.hocba.export.TransferService;
import vn.hocba.model.SchoolYear;
import vn.hocba.store.ExportState;
import vn.hocba.store.RecordRef;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.TaskStatus;

/**
 * Gogo commands of the export, for the school admin at the console (scope {@code hocba-export}):
 * <pre>
 *   status SCHOOL [STATUS]          export states of the school's destination (PENDING, IN_PROGRESS, DONE, FAILED)
 *   record SCHOOL RECORD_ID VERSION the export states of one version
 *   enqueue SCHOOL 2024-2025        queue the issued versions of a year
 *   deliver SCHOOL                  run a delivery cycle now
 *   requeue SCHOOL                  queue refused versions again
 *   verify FILE                     check a transfer package / record XML / PDF
 *   importTransfer SCHOOL FILE [PUPILCODE]  import a transfer for a pupil
 * </pre>
 */
@Component(service = ExportCommands.class, property = {"osgi.command.scope=hocba-export",
    "osgi.command.function=status", "osgi.command.function=record", "osgi.command.function=enqueue",
    "osgi.command.function=deliver", "osgi.command.function=requeue", "osgi.command.function=verify",
    "osgi.command.function=importTransfer"})
public class ExportCommands {

    private final ExportService export;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TransferService transfers;

    @Activate
    public ExportCommands(@Reference ExportService export) {
        this.export = export;
    }

    public String status(String school) {
        StringBuilder out = new StringBuilder("destination " + export.destinationFor(school) + "\n");
        for (TaskStatus s : TaskStatus.values()) {
            out.append(String.format("%-12s %d%n", s, export.statusOfSchool(SchoolScope.of(school), s).size()));
        }
        return out.toString();
    }

    public String status(String school, String status) {
        return lines(export.statusOfSchool(SchoolScope.of(school), TaskStatus.valueOf(status.toUpperCase())));
    }

    public String record(String school, String recordId, int version) {
        return lines(export.status(SchoolScope.of(school), new RecordRef(recordId, version)));
    }

    public String enqueue(String school, String year) {
        return "queued " + export.enqueueIssued(SchoolScope.of(school), SchoolYear.parse(year));
    }

    public String deliver(String school) {
        DeliverySummary s = export.deliverPending(SchoolScope.of(school));
        return "packages delivered " + s.packagesDelivered() + ", records " + s.recordsDelivered() + ", failed "
                + s.packagesFailed() + (s.messages().isEmpty() ? "" : "\n" + String.join("\n", s.messages()));
    }

    public String requeue(String school) {
        return "queued again " + export.requeueFailed(SchoolScope.of(school));
    }

    public String verify(String file) throws java.io.IOException {
        return describe(transfers().verify(Files.readAllBytes(Path.of(file))));
    }

    public String importTransfer(String school, String file) throws java.io.IOException {
        return importTransfer(school, file, null);
    }

    public String importTransfer(String school, String file, String pupilCode) throws java.io.IOException {
        TransferResult r = transfers().importTransfer(SchoolScope.of(school), Files.readAllBytes(Path.of(file)),
                pupilCode, "console");
        return describe(r.report()) + "imported " + r.imported() + " for pupil " + r.pupilCode() + "\n";
    }

    private TransferService transfers() {
        TransferService t = transfers;
        if (t == null) throw new IllegalStateException("the transfer service is not running");
        return t;
    }

    static String describe(TransferReport r) {
        StringBuilder out = new StringBuilder(r.accepted() ? "ACCEPTED" : "REFUSED");
        out.append(" package ").append(r.packageId()).append(" from ").append(r.sourceSchoolCode()).append(' ')
                .append(r.sourceSchoolName()).append('\n');
        if (r.packageSignature() != null) {
            out.append("  manifest sealed by ").append(r.packageSignature().signerName()).append(": ")
                    .append(r.packageSignature().indication()).append('\n');
        }
        r.records().forEach(c -> out.append("  ").append(c.key()).append(' ').append(c.fullName()).append(' ')
                .append(c.schoolYear()).append(" grade ").append(c.grade()).append(": ")
                .append(c.signatures().stream().map(s -> s.role() + " " + s.signerName() + " " + s.indication())
                        .collect(Collectors.joining(", ")))
                .append('\n'));
        r.problems().forEach(p -> out.append("  ! ").append(p.code()).append(' ').append(p.subject()).append(": ")
                .append(p.messageEn()).append(" / ").append(p.messageVi()).append('\n'));
        return out.toString();
    }

    private static String lines(List<ExportState> states) {
        StringBuilder out = new StringBuilder();
        for (ExportState s : states) {
            out.append(String.format("%-28s %-12s attempts=%d batch=%s at=%s %s%n", s.ref(), s.status(), s.attempts(),
                    s.batchId(), s.updatedAt(), s.message()));
        }
        return out.length() == 0 ? "none\n" : out.toString();
    }
}
