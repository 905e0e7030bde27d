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

    private final PadesVerifier pades;
    private final XadesVerifier xades;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecordStatusLookup records;

    @Activate
    public SignatureVerifierComponent(PadesConfig config) throws IOException {
        List<X509Certificate> anchors = TrustAnchors.load(Path.of(config.trustAnchorsDir()));
        RevocationCollector online = config.onlineRevocation() ? new RevocationCollector(config.timeoutMillis()) : null;
        pades = new PadesVerifier(anchors, online);
        xades = new XadesVerifier(anchors, online);
    }

    @Override
    public VerificationReport verify(byte[] document) throws SigningException {
        VerificationReport report = isPdf(document) ? pades.verify(document) : xades.verify(document);
        return withRecordStatus(report, records);
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
