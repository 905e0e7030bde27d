package vn.hocba.signing.pades.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.RecordStatus;
import vn.hocba.signing.RecordStatusLookup;
import vn.hocba.signing.SignatureVerifier;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.VerificationReport;

/**
 * Verification of PDF (PAdES) and XML (XAdES) records against the trust anchors of the configured folder;
 * adds the record's status (superseded, revoked) when a {@link RecordStatusLookup} is registered.
 */
@Component(service = SignatureVerifier.class, configurationPid = PadesEngineComponent.PID)
public final class SignatureVerifierComponent implements SignatureVerifier {

    private final TrustAnchors anchors;
    private final RevocationCollector online;
    private List<X509Certificate> anchorsInUse;
    private Verifiers verifiers;

    /** The PDF and XML verifiers of one set of anchors. */
    private record Verifiers(PadesVerifier pades, XadesVerifier xades) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecordStatusLookup records;

    @Activate
    public SignatureVerifierComponent(PadesConfig config) throws IOException {
        anchors = new TrustAnchors(Path.of(config.trustAnchorsDir()));
        online = config.onlineRevocation() ? new RevocationCollector(config.timeoutMillis()) : null;
        verifiers(); // a broken anchor file fails the activation, as before
    }

    @Override
    public VerificationReport verify(byte[] document) throws SigningException {
        VerificationReport report;
        try {
            Verifiers v = verifiers();
            report = isPdf(document) ? v.pades().verify(document) : v.xades().verify(document);
        } catch (IOException e) {
            throw new SigningException("Không đọc được thư mục chứng thư gốc tin cậy: " + e.getMessage(),
                    "The trust anchors folder cannot be read: " + e.getMessage(), e);
        }
        return withRecordStatus(report, records);
    }

    /** The verifiers for the folder's anchors as they are now (re-created when the folder changed). */
    private synchronized Verifiers verifiers() throws IOException {
        List<X509Certificate> now = anchors.current();
        if (now != anchorsInUse) {
            verifiers = new Verifiers(new PadesVerifier(now, online), new XadesVerifier(now, online));
            anchorsInUse = now;
        }
        return verifiers;
    }

    static VerificationReport withRecordStatus(VerificationReport report, RecordStatusLookup lookup) {
        if (lookup == null) {
            return report;
        }
        Optional<RecordStatus> status = lookup.byDocumentSha256(report.documentSha256());
        if (status.isEmpty()) {
            return report;
        }
        RecordStatus s = status.get();
        List<String> messages = new java.util.ArrayList<>(report.messages());
        if (s.superseded()) {
            messages.add("Superseded by version " + s.supersededByVersion() + " (đã được thay thế bởi phiên bản "
                    + s.supersededByVersion() + ")");
        }
        if (s.revoked()) {
            messages.add("The record was revoked (học bạ đã bị thu hồi)");
        }
        return new VerificationReport(report.format(), report.documentSha256(), report.validationTime(),
                report.indication(), report.signatures(), s, messages);
    }

    static boolean isPdf(byte[] document) {
        int n = Math.min(document.length, 1024);
        for (int i = 0; i + 4 < n; i++) {
            if (document[i] == '%' && document[i + 1] == 'P' && document[i + 2] == 'D' && document[i + 3] == 'F') {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toJson(VerificationReport report) {
        return Json.write(report);
    }

    /** For tests and callers outside DS. */
    DocumentFormat formatOf(byte[] document) {
        return isPdf(document) ? DocumentFormat.PDF : DocumentFormat.XML;
    }
}
