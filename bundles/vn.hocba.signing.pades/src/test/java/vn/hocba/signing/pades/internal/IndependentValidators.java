package vn.hocba.signing.pades.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/** EU DSS and veraPDF, as independent judges of what we produce. */
final class IndependentValidators {

    private static volatile boolean veraInitialised;

    private IndependentValidators() {
    }

    /**
     * Validates with EU DSS, the given root as the only trust anchor.
     *
     * @param online fetch missing revocation data from the URLs in the certificates (for B-T documents)
     */
    static Reports dss(byte[] pdf, X509Certificate root, boolean online) {
        return dssDocument(pdf, "hocba.pdf", root, online);
    }

    static Reports dssDocument(byte[] document, String name, X509Certificate root, boolean online) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(document, name));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        verifier.setTrustedCertSources(trusted);
        if (online) {
            verifier.setCrlSource(new OnlineCRLSource());
            verifier.setOcspSource(new OnlineOCSPSource());
        }
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument();
    }

    /** veraPDF PDF/A-3b: the failed rules, empty when compliant. */
    static List<String> veraPdfA3bFailures(byte[] pdf) throws Exception {
        if (!veraInitialised) {
            synchronized (IndependentValidators.class) {
                if (!veraInitialised) {
                    VeraGreenfieldFoundryProvider.initialise();
                    veraInitialised = true;
                }
            }
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            if (!result.isCompliant()) {
                for (TestAssertion a : result.getTestAssertions()) {
                    if (a.getStatus() == TestAssertion.Status.FAILED) {
                        failures.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage());
                    }
                }
                if (failures.isEmpty()) {
                    failures.add("not compliant");
                }
            }
            return failures;
        }
    }
}
