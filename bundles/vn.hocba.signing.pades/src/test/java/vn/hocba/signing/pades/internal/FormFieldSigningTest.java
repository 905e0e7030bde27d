package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.testpki.TestPki;

/** A form that already has an empty signature field per step: each signer signs into their own field. */
class FormFieldSigningTest {

    @Test
    void signsIntoTheFormsOwnFields() throws Exception {
        TestPki pki = TestPki.shared();
        PadesSigner signer = new PadesSigner(new PadesSettings(pki.tsaUrl(), 10_000, 1));
        byte[] pdf = SamplePdfa.yearPage("Đỗ Minh Khôi", true);
        pdf = sign(signer, pdf, pki.teacher(), SignerRole.HOMEROOM_TEACHER);
        pdf = sign(signer, pdf, pki.principal(), SignerRole.PRINCIPAL);
        pdf = sign(signer, pdf, pki.seal(), SignerRole.SCHOOL_SEAL);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignatureField> fields = doc.getSignatureFields();
            assertEquals(3, fields.size(), "no field added beside the form's own");
            for (PDSignatureField f : fields) {
                assertTrue(f.getSignature() != null, f.getPartialName() + " signed");
                assertEquals(160f, f.getWidgets().get(0).getRectangle().getWidth(), 0.01f, "kept the form's box");
            }
        }
        VerificationReport report = PadesVerifier.online(List.of(pki.root().certificate()), 10_000).verify(pdf);
        assertEquals(VerificationReport.Indication.TOTAL_PASSED, report.indication(), () -> Json.write(report));
        assertEquals(List.of(), IndependentValidators.veraPdfA3bFailures(pdf));
    }

    private static byte[] sign(PadesSigner signer, byte[] pdf, TestPki.Identity who, SignerRole role) throws Exception {
        PreparedSignature p = signer.prepare(pdf, new SignatureParameters(new SignerInfo(who.name(), role, null, null), null,
                who.chainDer(), SignatureAlgorithm.RSA_SHA256, BaselineLevel.B_T));
        return signer.embed(p, who.signDigest(p.digest(), p.signatureAlgorithm().digestAlgorithm().oid()));
    }
}
