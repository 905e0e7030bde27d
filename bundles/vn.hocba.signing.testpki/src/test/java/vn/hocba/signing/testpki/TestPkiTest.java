package vn.hocba.signing.testpki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.text.Normalizer;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

class TestPkiTest {

    private final TestPki pki = TestPki.shared();

    @Test
    void chainsVerifyAndNamesAreNfc() throws Exception {
        for (TestPki.Identity id : new TestPki.Identity[] {pki.teacher(), pki.principal(), pki.deputy(), pki.seal()}) {
            id.certificate().verify(pki.ca().certificate().getPublicKey());
            String dn = id.certificate().getSubjectX500Principal().getName();
            assertEquals(Normalizer.normalize(dn, Normalizer.Form.NFC), dn);
            assertEquals(3, id.chain().size());
        }
        pki.ca().certificate().verify(pki.root().certificate().getPublicKey());
        pki.ecTeacher().certificate().verify(pki.ca().certificate().getPublicKey());
        assertEquals("EC", pki.ecTeacher().certificate().getPublicKey().getAlgorithm());
        assertTrue(pki.teacher().certificate().getSubjectX500Principal().getName().contains("Nguyễn Thị Hoa"));
    }

    @Test
    void tsaAnswersAVerifiableToken() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("học bạ".getBytes("UTF-8"));
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        var request = g.generate(TSPAlgorithms.SHA256, digest);
        TimeStampResponse response = new TimeStampResponse(post(pki.tsaUrl(), request.getEncoded(),
                "application/timestamp-query"));
        response.validate(request);
        response.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsa().certificate()));
        assertNotNull(response.getTimeStampToken().getTimeStampInfo().getGenTime());
    }

    @Test
    void crlListsTheRevokedTeacher() throws Exception {
        byte[] der;
        try (InputStream in = new URL(pki.baseUrl() + "/crl/ca.crl").openStream()) {
            der = in.readAllBytes();
        }
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(der));
        crl.verify(pki.ca().certificate().getPublicKey());
        assertTrue(crl.isRevoked(pki.revokedTeacher().certificate()));
        assertTrue(!crl.isRevoked(pki.teacher().certificate()));
    }

    @Test
    void ocspSaysGoodOrRevoked() throws Exception {
        assertEquals(null, ocspStatus(pki.teacher()));
        assertTrue(ocspStatus(pki.revokedTeacher()) instanceof RevokedStatus);
    }

    private Object ocspStatus(TestPki.Identity who) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(
                new AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
                new JcaX509CertificateHolder(pki.ca().certificate()), who.certificate().getSerialNumber());
        byte[] der = post(pki.baseUrl() + "/ocsp", new OCSPReqBuilder().addRequest(id).build().getEncoded(),
                "application/ocsp-request");
        OCSPResp resp = new OCSPResp(der);
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pki.ocspResponder().certificate())));
        return basic.getResponses()[0].getCertStatus();
    }

    private static byte[] post(String url, byte[] body, String type) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", type);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        assertEquals(200, c.getResponseCode());
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
