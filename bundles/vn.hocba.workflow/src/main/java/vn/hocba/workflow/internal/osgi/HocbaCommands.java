package vn.hocba.workflow.internal.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.security.Caller;
import vn.hocba.signing.SignatureVerifier;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.workflow.ClassSummary;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobView;
import vn.hocba.workflow.WorkflowException;

/**
 * Gogo commands for administrators, run as the installation's operator:
 * <pre>
 * hocba:status HP-AL-TH01 2024-2025       classes with records by state, recent jobs, providers
 * hocba:providers [school]                 signature providers registered, and the one each role uses
 * hocba:jobstart SEAL HP-AL-TH01 2024-2025 3A   start LOCK, RENDER, SEAL or ISSUE of a class ('*' = whole school)
 * hocba:jobs HP-AL-TH01                    recent jobs of a school
 * hocba:job &lt;id&gt;                           a job with each record's status
 * hocba:verify /path/to/hocba.pdf          verify a PDF or XML, print the report as JSON
 * </pre>
 * Personal signatures (teacher, principal) are never started from the shell: only their owners sign.
 */
@Component(service = HocbaCommands.class, property = { "osgi.command.scope=hocba",
        "osgi.command.function=status", "osgi.command.function=providers", "osgi.command.function=jobstart",
        "osgi.command.function=jobs", "osgi.command.function=job", "osgi.command.function=verify" })
public class HocbaCommands {

    private static final Caller SHELL = Caller.operator("shell");

    private final WorkflowComponent workflow;
    private final SchoolRepository schools;
    private volatile SigningService signing;
    private volatile SignatureVerifier verifier;

    @Activate
    public HocbaCommands(@Reference WorkflowComponent workflow, @Reference SchoolRepository schools) {
        this.workflow = workflow;
        this.schools = schools;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSigning(SigningService s) {
        signing = s;
    }

    void unsetSigning(SigningService s) {
        if (signing == s) signing = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setVerifier(SignatureVerifier v) {
        verifier = v;
    }

    void unsetVerifier(SignatureVerifier v) {
        if (verifier == v) verifier = null;
    }

    public String status(String school, String year) {
        try {
            School s = schools.school(SchoolScope.of(school)).orElse(null);
            if (s == null) return "Không có trường / no school " + school;
            StringBuilder b = new StringBuilder();
            b.append(s.code()).append("  ").append(s.name()).append("  district ").append(s.district())
                    .append("  year ").append(year).append('\n');
            for (ClassSummary c : workflow.classes(SHELL, school, year)) {
                b.append(String.format("  %-6s grade %d  %3d records  %s%n", c.className(), c.grade(), c.records(),
                        new TreeMap<RecordState, Long>(c.byState())));
            }
            b.append("recent jobs:\n");
            for (JobView j : workflow.jobs(SHELL, school, 5)) b.append("  ").append(line(j)).append('\n');
            b.append(providers(school));
            return b.toString();
        } catch (WorkflowException e) {
            return e.messageVi() + " / " + e.getMessage();
        }
    }

    public String providers() {
        return providers("");
    }

    public String providers(String school) {
        StringBuilder b = new StringBuilder("providers available: ").append(workflow.providerIds()).append('\n');
        SigningService s = signing;
        if (s == null) return b.append("signing service: not running\n").toString();
        if (!school.isEmpty()) {
            for (Map.Entry<String, String> e : Map.of("seal", "seal", "any signer", "?").entrySet()) {
                try {
                    b.append("  ").append(school).append(" ").append(e.getKey()).append(" -> ")
                            .append(s.providerFor(new SignerRef(school, e.getValue()))).append('\n');
                } catch (SigningException ex) {
                    b.append("  ").append(e.getKey()).append(": ").append(ex.getMessage()).append('\n');
                }
            }
        }
        return b.append("this host: ").append(workflow.hostId()).append('\n').toString();
    }

    public String jobstart(String kind, String school, String year, String className) {
        try {
            JobKind k = JobKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
            if (k == JobKind.SIGN) {
                return "Chữ ký cá nhân chỉ do chính người ký thực hiện / personal signatures are made by their owners"
                        + " only (REST POST /hocba/api/v1/jobs)";
            }
            JobView j = workflow.submit(SHELL, new JobRequest(k, school, year, "*".equals(className) ? ""
                    : className, List.of(), "", "", null));
            return line(j);
        } catch (WorkflowException e) {
            return e.messageVi() + " / " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "kind is one of LOCK, RENDER, SEAL, ISSUE";
        }
    }

    public String jobs(String school) {
        StringBuilder b = new StringBuilder();
        try {
            for (JobView j : workflow.jobs(SHELL, school, 20)) b.append(line(j)).append('\n');
        } catch (WorkflowException e) {
            return e.messageVi() + " / " + e.getMessage();
        }
        return b.toString();
    }

    public String job(String id) {
        try {
            JobView j = workflow.job(SHELL, id);
            StringBuilder b = new StringBuilder(line(j)).append('\n');
            for (JobView.Item i : j.items()) {
                b.append(String.format("  %-24s v%d  %-8s %s%n", i.recordId(), i.version(), i.status(),
                        i.messageEn()));
            }
            return b.toString();
        } catch (WorkflowException e) {
            return e.messageVi() + " / " + e.getMessage();
        }
    }

    public String verify(String file) throws IOException {
        SignatureVerifier v = verifier;
        if (v == null) return "Dịch vụ kiểm tra chữ ký chưa chạy / the signature verifier is not running";
        try {
            VerificationReport report = v.verify(Files.readAllBytes(Path.of(file)));
            return v.toJson(report);
        } catch (SigningException e) {
            return e.messageVi() + " / " + e.getMessage();
        }
    }

    static String line(JobView j) {
        return String.format("%s %-6s %s %s %-4s %-22s %d/%d done, %d skipped, %d failed (by %s)", j.id(), j.kind(),
                j.schoolCode(), j.year(), j.className().isEmpty() ? "*" : j.className(), j.status(), j.done(),
                j.total(), j.skipped(), j.failed(), j.requestedBy());
    }
}
