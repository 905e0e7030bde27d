package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.testpki.TestPki;

/** An EC P-256 teacher: the provider's DER ECDSA value goes into CMS as is and into XMLDSig as r||s. */
class EcdsaSigningTest {

    static final TestPki PKI = TestPki.shared();

    @Test
    void ecdsaPadesAndXadesPassDss() throws Exception {
        PadesSettings settings = new PadesSettings(PKI.tsaUrl(), 10_000, 1);
        TestPki.Identity anh = PKI.ecTeacher();
        SignatureParameters params = new SignatureParameters(new SignerInfo(anh.name(), SignerRole.HOMEROOM_TEACHER, null,
                null), SamplePdfa.box(SignerRole.HOMEROOM_TEACHER), anh.chainDer(), SignatureAlgorithm.ECDSA_SHA256,
                BaselineLevel.B_T);

        PadesSigner pades = new PadesSigner(settings);
        PreparedSignature p = pades.prepare(SamplePdfa.yearPage("Hoàng Gia Bảo"), params);
        byte[] pdf = pades.embed(p, anh.signDigest(p.digest(), p.signatureAlgorithm().digestAlgorithm().oid()));
        assertPassed(IndependentValidators.dss(pdf, PKI.root().certificate(), true).getSimpleReport());

        XadesSigner xades = new XadesSigner(settings);
        PreparedSignature x = xades.prepare(XadesSigningTest.XML.getBytes(StandardCharsets.UTF_8), params);
        byte[] xml = xades.embed(x, anh.signDigest(x.digest(), x.signatureAlgorithm().digestAlgorithm().oid()));
        assertPassed(IndependentValidators.dssDocument(xml, "hocba.xml", PKI.root().certificate(), true).getSimpleReport());
    }

    private static void assertPassed(SimpleReport report) {
        assertEquals(1, report.getSignatureIdList().size());
        String id = report.getFirstSignatureId();
        assertEquals(Indication.TOTAL_PASSED, report.getIndication(id),
                () -> report.getSubIndication(id) + " " + report.getAdESValidationErrors(id));
    }
}
