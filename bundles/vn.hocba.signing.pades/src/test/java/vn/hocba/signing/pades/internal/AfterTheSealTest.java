package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.testpki.TestPki;

/**
 * A signature appended after the seal by another tool (our engine refuses to): the seal's DocMDP P=1 makes it a
 * forbidden change; our verifier fails the document and EU DSS sees the same change after the seal.
 */
class AfterTheSealTest {

    @Test
    void aSignatureAfterTheSealIsAForbiddenChange() throws Exception {
        if (PadesSigningTest.signedT == null) {
            PadesSigningTest.signTheRecord();
        }
        TestPki pki = PadesSigningTest.PKI;
        byte[] forged = signWithPlainPdfBox(PadesSigningTest.signedT, pki.deputy());

        VerificationReport ours = PadesVerifier.online(List.of(pki.root().certificate()), 10_000).verify(forged);
        VerificationReport.SignatureReport seal = ours.signatures().get(2);
        assertTrue(seal.modifiedAfter(), () -> Json.write(ours));
        assertTrue(seal.messages().contains(PadesVerifier.MODIFIED_AFTER_SIGNING), seal.messages()::toString);
        assertTrue(ours.messages().contains(PadesVerifier.MODIFIED_AFTER_SIGNING), ours.messages()::toString);
        assertEquals(VerificationReport.Indication.TOTAL_FAILED, ours.indication());
        // plain BC CMS has no signing-certificate-v2: not a PAdES baseline signature either
        assertTrue(ours.signatures().get(3).messages().contains("No signing-certificate-v2 attribute"),
                () -> ours.signatures().get(3).messages().toString());
        assertFalse(PadesVerifier.online(List.of(pki.root().certificate()), 10_000).verify(PadesSigningTest.signedT)
                .signatures().get(2).modifiedAfter());

        var diagnostic = IndependentValidators.dss(forged, pki.root().certificate(), true).getDiagnosticData();
        var dssSeal = diagnostic.getSignatures().stream()
                .filter(s -> "hocba-SCHOOL_SEAL".equals(s.getSignatureFieldNames().get(0))).findFirst().orElseThrow();
        assertFalse(dssSeal.getPDFRevision().getPdfSignatureOrFormFillChanges().isEmpty(),
                "DSS sees a signature added after the certification");
    }

    /** A plain PDFBox + Bouncy Castle approval signature, with no order check at all. */
    static byte[] signWithPlainPdfBox(byte[] pdf, TestPki.Identity who) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            sig.setName(who.name());
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(20000);
            doc.addSignature(sig, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = external.getContent()) {
                content = in.readAllBytes();
            }
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(who.keyPair().getPrivate()), who.certificate()));
            g.addCertificates(new JcaCertStore(who.chain()));
            external.setSignature(g.generate(new CMSProcessableByteArray(content), false).getEncoded());
            return out.toByteArray();
        }
    }
}
