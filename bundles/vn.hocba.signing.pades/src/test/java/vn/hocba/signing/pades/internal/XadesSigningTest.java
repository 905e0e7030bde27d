package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureOrderException;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.testpki.TestPki;

/** The record's XML signed by the same signers in the same order (XAdES enveloped, B-T), judged by EU DSS. */
class XadesSigningTest {

    static final TestPki PKI = TestPki.shared();
    static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<thongtinsohocbasotieuhoc xmlns=\"urn:hocba:vn:2024\">\n"
            + "  <madinhdanhhocba>HB-31000001-2024-0001</madinhdanhhocba>\n"
            + "  <hovaten>Nguyễn Văn An</hovaten>\n"
            + "  <dsbangdiem><mamonhoc>TV</mamonhoc><mucdat>T</mucdat><diem>9</diem></dsbangdiem>\n"
            + "</thongtinsohocbasotieuhoc>\n";
    static XadesSigner signer;
    static byte[] signed;

    @BeforeAll
    static void signAll() throws Exception {
        signer = new XadesSigner(new PadesSettings(PKI.tsaUrl(), 10_000, 1));
        byte[] xml = sign(XML.getBytes(StandardCharsets.UTF_8), PKI.teacher(), SignerRole.HOMEROOM_TEACHER, "Nguyễn Thị Hoa");
        xml = sign(xml, PKI.deputy(), SignerRole.DEPUTY_PRINCIPAL, "Lê Thị Thu Hà");
        signed = sign(xml, PKI.seal(), SignerRole.SCHOOL_SEAL, "Trường Tiểu học An Lão");
    }

    static byte[] sign(byte[] xml, TestPki.Identity who, SignerRole role, String name) throws Exception {
        PreparedSignature p = signer.prepare(xml, new SignatureParameters(new SignerInfo(name, role,
                role == SignerRole.DEPUTY_PRINCIPAL ? "Phó hiệu trưởng (ký thay hiệu trưởng)" : null, null), null,
                who.chainDer(), SignatureAlgorithm.RSA_SHA256, BaselineLevel.B_T));
        return signer.embed(p, who.signDigest(p.digest(), p.signatureAlgorithm().digestAlgorithm().oid()));
    }

    @Test
    void everySignatureIsXadesBaselineTAndPassesDss() {
        SimpleReport report = IndependentValidators.dssDocument(signed, "hocba.xml", PKI.root().certificate(), true)
                .getSimpleReport();
        assertEquals(3, report.getSignatureIdList().size());
        for (String id : report.getSignatureIdList()) {
            assertEquals(SignatureLevel.XAdES_BASELINE_T, report.getSignatureFormat(id));
            assertEquals(Indication.TOTAL_PASSED, report.getIndication(id),
                    () -> id + " " + report.getSubIndication(id) + " " + report.getAdESValidationErrors(id));
        }
    }

    @Test
    void ourVerifierAgrees() {
        XadesVerifier verifier = new XadesVerifier(List.of(PKI.root().certificate()), new RevocationCollector(10_000));
        VerificationReport report = verifier.verify(signed);
        assertEquals(VerificationReport.Indication.TOTAL_PASSED, report.indication(), () -> Json.write(report));
        assertEquals(List.of(SignerRole.HOMEROOM_TEACHER, SignerRole.DEPUTY_PRINCIPAL, SignerRole.SCHOOL_SEAL),
                report.signatures().stream().map(VerificationReport.SignatureReport::role).toList());
        assertEquals("Phó hiệu trưởng (ký thay hiệu trưởng)", report.signatures().get(1).position());
        assertEquals(BaselineLevel.B_T, report.signatures().get(0).level());
    }

    @Test
    void anEditedScoreFailsBothVerifiers() {
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("<diem>9</diem>", "<diem>10</diem>")
                .getBytes(StandardCharsets.UTF_8);
        XadesVerifier verifier = new XadesVerifier(List.of(PKI.root().certificate()), null);
        VerificationReport ours = verifier.verify(tampered);
        assertEquals(VerificationReport.Indication.TOTAL_FAILED, ours.indication());
        assertTrue(ours.signatures().stream().noneMatch(VerificationReport.SignatureReport::cryptographicallyValid));
        // the signatures themselves hold; what they signed changed, and the report says so plainly
        for (VerificationReport.SignatureReport sig : ours.signatures()) {
            assertTrue(sig.modifiedAfter(), sig::toString);
            assertEquals(PadesVerifier.MODIFIED_AFTER_SIGNING, sig.messages().get(0), sig.messages()::toString);
        }
        assertTrue(ours.messages().contains(PadesVerifier.MODIFIED_AFTER_SIGNING), ours.messages()::toString);
        assertTrue(verifier.verify(signed).signatures().stream().noneMatch(VerificationReport.SignatureReport::modifiedAfter));
        SimpleReport dss = IndependentValidators.dssDocument(tampered, "hocba.xml", PKI.root().certificate(), false)
                .getSimpleReport();
        for (String id : dss.getSignatureIdList()) {
            assertEquals(Indication.TOTAL_FAILED, dss.getIndication(id));
        }
    }

    @Test
    void theOrderIsEnforcedInXmlToo() throws Exception {
        byte[] xml = XML.getBytes(StandardCharsets.UTF_8);
        assertThrows(SignatureOrderException.class, () -> sign(xml, PKI.principal(), SignerRole.PRINCIPAL, "Trần Văn Bình"));
        assertThrows(SignatureOrderException.class, () -> sign(signed, PKI.principal(), SignerRole.PRINCIPAL, "Trần Văn Bình"));
        assertEquals(List.of(SignerRole.HOMEROOM_TEACHER, SignerRole.DEPUTY_PRINCIPAL, SignerRole.SCHOOL_SEAL),
                signer.signedRoles(signed));
        assertNotEquals(-1, new String(signed, StandardCharsets.UTF_8).indexOf("Nguyễn Văn An"), "NFC text kept");
    }
}
