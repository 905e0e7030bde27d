package vn.hocba.signing.pades.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.spi.DigestAlgorithm;

/** XAdES verification (not yet implemented: reports INDETERMINATE with a message). */
final class XadesVerifier {

    XadesVerifier(List<X509Certificate> trustAnchors, RevocationCollector online) {
    }

    VerificationReport verify(byte[] xml) {
        String sha = HexFormat.of().formatHex(CadesDetached.digest(DigestAlgorithm.SHA256, xml));
        return new VerificationReport(DocumentFormat.XML, sha, Instant.now().toString(),
                VerificationReport.Indication.INDETERMINATE, List.of(), null,
                List.of("XAdES verification is not available in this version"));
    }
}
