package vn.hocba.signing.csc.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.testpki.CscTestServer;
import vn.hocba.signing.testpki.TestPki;

/** One test CSC service per JVM with four credentials, and providers configured against it. */
final class CscFixture {

    static final String SCHOOL = "31000001";
    static final SignerRef TEACHER = new SignerRef(SCHOOL, "gv-01");
    static final SignerRef SECOND_TEACHER = new SignerRef(SCHOOL, "gv-02");
    static final SignerRef PRINCIPAL = new SignerRef(SCHOOL, "ht-01");
    static final SignerRef SEAL = new SignerRef(SCHOOL, "seal");
    static final String TEACHER_PIN = "135790";
    static final String SECOND_TEACHER_OTP = "246802";
    static final String SEAL_PIN = "112233";

    private static CscFixture shared;

    final CscTestServer server;
    /** BASIC login; serves gv-01 with the account's own credentials (PIN, RSA, multisign 50). */
    final CscSignatureProvider basic;
    /** OAuth 2.0 client credentials; serves gv-02 (OTP), ht-01 (phone) and the seal (PIN, EC) by userID. */
    final CscSignatureProvider oauth;

    static synchronized CscFixture shared() {
        if (shared == null) {
            try {
                shared = new CscFixture();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    private CscFixture() throws IOException, GeneralSecurityException {
        TestPki pki = TestPki.shared();
        KeyPair ec = ecKeyPair();
        X509Certificate ecCert = issueEc(pki, ec);
        server = new CscTestServer(List.of(
                new CscTestServer.Account("gv01-rsa", "default", pki.teacher().keyPair().getPrivate(),
                        pki.teacher().chain(), CscTestServer.Unlock.PIN, TEACHER_PIN, 50),
                new CscTestServer.Account("gv02-otp", "tran.binh", pki.principal().keyPair().getPrivate(),
                        pki.principal().chain(), CscTestServer.Unlock.OTP, SECOND_TEACHER_OTP, 100),
                new CscTestServer.Account("ht01-phone", "le.ha", pki.deputy().keyPair().getPrivate(),
                        pki.deputy().chain(), CscTestServer.Unlock.PHONE, "", 500),
                new CscTestServer.Account("seal-ec", "an-lao-seal", ec.getPrivate(),
                        List.of(ecCert, pki.ca().certificate(), pki.root().certificate()), CscTestServer.Unlock.PIN,
                        SEAL_PIN, 200)));
        basic = new CscSignatureProvider(basicSettings("csc-basic", server.baseUrl(), Duration.ofMinutes(5)));
        oauth = new CscSignatureProvider(new CscSettings("csc-oauth", URI.create(server.baseUrl()),
                AuthType.OAUTH2_CLIENT, CscTestServer.CLIENT_ID, CscTestServer.CLIENT_SECRET, null, SCHOOL,
                List.of("gv-02=tran.binh", "ht-01=le.ha", "seal=an-lao-seal"), AuthDataStyle.PIN_OTP_FIELDS, 0,
                Duration.ofMillis(20), Duration.ofMinutes(5), Duration.ofSeconds(10)));
    }

    static CscSettings basicSettings(String id, String baseUrl, Duration confirmationTimeout) {
        return new CscSettings(id, URI.create(baseUrl), AuthType.BASIC, CscTestServer.USER, CscTestServer.PASSWORD,
                null, SCHOOL, List.of("gv-01"), AuthDataStyle.AUTH_DATA, 0, Duration.ofMillis(20), confirmationTimeout,
                Duration.ofSeconds(10));
    }

    static CscSettings oauthSettings(String id, Duration confirmationTimeout) {
        return new CscSettings(id, URI.create(shared().server.baseUrl()), AuthType.OAUTH2_CLIENT,
                CscTestServer.CLIENT_ID, CscTestServer.CLIENT_SECRET, null, SCHOOL, List.of("ht-01=le.ha"),
                AuthDataStyle.AUTH_DATA, 0, Duration.ofMillis(20), confirmationTimeout, Duration.ofSeconds(10));
    }

    /** The service's authorizeCheck handle inside our pending handle. */
    static String serverHandle(vn.hocba.signing.spi.SignResult.PendingHandle handle) {
        return PendingToken.decode(handle.token()).handle();
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate issueEc(TestPki pki, KeyPair ec) throws GeneralSecurityException {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(pki.ca().certificate().getSubjectX500Principal().getEncoded()),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    new X500Name("C=VN, O=Phòng Giáo dục và Đào tạo huyện An Lão, CN=Trường Tiểu học An Lão (EC)"),
                    ec.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pki.ca().keyPair().getPrivate())));
        } catch (Exception e) {
            throw new GeneralSecurityException("cannot issue the EC test certificate", e);
        }
    }
}
