package vn.hocba.signing.testpki;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A complete test PKI generated at run time, with its responders on 127.0.0.1:
 * <pre>
 *   Root CA (trust anchor; CRL /crl/root.crl)
 *     └─ Issuing CA (CRL /crl/ca.crl, OCSP /ocsp)
 *          ├─ teacher, principal, deputy, school seal (Vietnamese names, NFC)
 *          ├─ a revoked teacher
 *          ├─ TSA (id-kp-timeStamping; /tsa, RFC 3161 over HTTP)
 *          └─ OCSP responder (id-kp-OCSPSigning, ocsp-nocheck)
 * </pre>
 * Nothing comes from the network. {@link #shared()} gives one PKI per JVM (its server threads are daemons);
 * {@link #start()} a private one to {@link #close()}.
 */
public final class TestPki implements AutoCloseable {

    /** Bouncy Castle, for key and certificate operations of the PKI itself (not registered globally). */
    static final Provider BC = new BouncyCastleProvider();

    private static volatile TestPki shared;

    private final PkiHttpServer server;
    private final Identity root;
    private final Identity ca;
    private final Identity teacher;
    private final Identity principal;
    private final Identity deputy;
    private final Identity seal;
    private final Identity revokedTeacher;
    private final Identity ecTeacher;
    private final Identity tsa;
    private final Identity ocspResponder;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

    /** A key pair with its certificate and chain up to the root (certificate first, root last). */
    public record Identity(String name, KeyPair keyPair, X509Certificate certificate, List<X509Certificate> chain) {

        /**
         * Signs a precomputed digest the way a token does, as the signing SPI expects the value: RSA: the raw
         * PKCS#1 v1.5 value ({@code NONEwithRSA} over the DigestInfo); EC: DER {@code SEQUENCE { r, s }}.
         *
         * @param digestOid the digest algorithm's OID, e.g. {@code 2.16.840.1.101.3.4.2.1} for SHA-256
         */
        public byte[] signDigest(byte[] digest, String digestOid) {
            try {
                if ("EC".equals(keyPair.getPrivate().getAlgorithm())) {
                    java.security.Signature s = java.security.Signature.getInstance("NONEwithECDSA");
                    s.initSign(keyPair.getPrivate());
                    s.update(digest);
                    return s.sign();
                }
                byte[] digestInfo = new org.bouncycastle.asn1.x509.DigestInfo(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        new org.bouncycastle.asn1.ASN1ObjectIdentifier(digestOid), DERNull.INSTANCE), digest).getEncoded("DER");
                java.security.Signature s = java.security.Signature.getInstance("NONEwithRSA");
                s.initSign(keyPair.getPrivate());
                s.update(digestInfo);
                return s.sign();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The chain as DER, certificate first (as a provider's credential carries it). */
        public List<byte[]> chainDer() {
            List<byte[]> der = new ArrayList<>();
            for (X509Certificate c : chain) {
                try {
                    der.add(c.getEncoded());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            return der;
        }
    }

    /** The PKI of this JVM, created on first use. */
    public static TestPki shared() {
        TestPki pki = shared;
        if (pki == null) {
            synchronized (TestPki.class) {
                pki = shared;
                if (pki == null) {
                    pki = start();
                    shared = pki;
                }
            }
        }
        return pki;
    }

    /** A new PKI with its own HTTP server on 127.0.0.1 (an ephemeral port). */
    public static TestPki start() {
        try {
            return new TestPki();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the test PKI", e);
        }
    }

    private TestPki() throws GeneralSecurityException, IOException {
        server = new PkiHttpServer(this);
        String base = server.baseUrl();
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(1));

        KeyPair rootKeys = rsa(3072);
        X500Name rootName = name("Hocba Test Root CA", "Bộ Giáo dục và Đào tạo (thử nghiệm)");
        X509Certificate rootCert = issue(rootName, rootKeys, rootName, rootKeys, from, now.plus(Duration.ofDays(3650)),
                Role.CA, null, null, null);
        root = new Identity("Hocba Test Root CA", rootKeys, rootCert, List.of(rootCert));

        KeyPair caKeys = rsa(2048);
        X500Name caName = name("Hocba Test Issuing CA", "Bộ Giáo dục và Đào tạo (thử nghiệm)");
        X509Certificate caCert = issue(caName, caKeys, rootName, rootKeys, from, now.plus(Duration.ofDays(3000)),
                Role.CA, rootCert, base + "/crl/root.crl", null);
        ca = new Identity("Hocba Test Issuing CA", caKeys, caCert, List.of(caCert, rootCert));

        teacher = leaf("Nguyễn Thị Hoa", "Trường Tiểu học An Lão", Role.SIGNER);
        principal = leaf("Trần Văn Bình", "Trường Tiểu học An Lão", Role.SIGNER);
        deputy = leaf("Lê Thị Thu Hà", "Trường Tiểu học An Lão", Role.SIGNER);
        seal = leaf("Trường Tiểu học An Lão", "Phòng Giáo dục và Đào tạo huyện An Lão", Role.SIGNER);
        revokedTeacher = leaf("Phạm Đức Dũng", "Trường Tiểu học An Lão", Role.SIGNER);
        ecTeacher = leaf("Vũ Thị Ngọc Ánh", "Trường Tiểu học An Lão", Role.SIGNER, ec());
        tsa = leaf("Hocba Test TSA", "Bộ Giáo dục và Đào tạo (thử nghiệm)", Role.TSA);
        ocspResponder = leaf("Hocba Test OCSP", "Bộ Giáo dục và Đào tạo (thử nghiệm)", Role.OCSP);
        revoked.put(revokedTeacher.certificate().getSerialNumber(), now.minus(Duration.ofHours(12)));
        server.start();
    }

    private Identity leaf(String commonName, String organisation, Role role) throws GeneralSecurityException, IOException {
        return leaf(commonName, organisation, role, rsa(2048));
    }

    private Identity leaf(String commonName, String organisation, Role role, KeyPair keys)
            throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        X509Certificate cert = issue(name(commonName, organisation), keys, X500Name.getInstance(
                ca.certificate().getSubjectX500Principal().getEncoded()), ca.keyPair(), now.minus(Duration.ofHours(20)),
                now.plus(Duration.ofDays(730)), role, ca.certificate(), server.baseUrl() + "/crl/ca.crl",
                server.baseUrl() + "/ocsp");
        return new Identity(Normalizer.normalize(commonName, Normalizer.Form.NFC), keys, cert,
                List.of(cert, ca.certificate(), root.certificate()));
    }

    private enum Role { CA, SIGNER, TSA, OCSP }

    private X509Certificate issue(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            Instant from, Instant to, Role role, X509Certificate issuerCert, String crlUrl, String ocspUrl)
            throws GeneralSecurityException, IOException {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serials.incrementAndGet()),
                Date.from(from), Date.from(to), subject, subjectKeys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        if (issuerCert != null) {
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
        } else {
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(subjectKeys.getPublic()));
        }
        switch (role) {
            case CA -> {
                b.addExtension(Extension.basicConstraints, true, issuerCert == null ? new BasicConstraints(true) : new BasicConstraints(0));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            case SIGNER -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            }
            case TSA -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            case OCSP -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            }
        }
        if (crlUrl != null) {
            DistributionPoint dp = new DistributionPoint(new DistributionPointName(new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null);
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {dp}));
        }
        if (ocspUrl != null && role != Role.OCSP) {
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription(
                    X509ObjectIdentifiers.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
        }
        X509CertificateHolder holder = b.build(signer(issuerKeys));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    static ContentSigner signer(KeyPair keys) {
        try {
            return new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, Normalizer.normalize(organisation, Normalizer.Form.NFC))
                .addRDN(BCStyle.CN, Normalizer.normalize(commonName, Normalizer.Form.NFC))
                .build();
    }

    /** The trust anchor. */
    public Identity root() {
        return root;
    }

    /** The issuing CA (issues every end-entity certificate, its CRL and, through the responder, OCSP). */
    public Identity ca() {
        return ca;
    }

    /** The homeroom teacher, "Nguyễn Thị Hoa". */
    public Identity teacher() {
        return teacher;
    }

    /** The principal, "Trần Văn Bình". */
    public Identity principal() {
        return principal;
    }

    /** The deputy principal, "Lê Thị Thu Hà". */
    public Identity deputy() {
        return deputy;
    }

    /** The school seal (organisation certificate), "Trường Tiểu học An Lão". */
    public Identity seal() {
        return seal;
    }

    /** A homeroom teacher with an EC P-256 key ("Vũ Thị Ngọc Ánh"), for ECDSA paths. */
    public Identity ecTeacher() {
        return ecTeacher;
    }

    /** A teacher whose certificate is on the CRL and answered REVOKED by OCSP. */
    public Identity revokedTeacher() {
        return revokedTeacher;
    }

    public Identity tsa() {
        return tsa;
    }

    public Identity ocspResponder() {
        return ocspResponder;
    }

    /** E.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The RFC 3161 time-stamping URL. */
    public String tsaUrl() {
        return server.baseUrl() + "/tsa";
    }

    /** How many time-stamp requests the TSA answered so far. */
    public long tsaRequests() {
        return server.tsaRequests();
    }

    /** How many CRL or OCSP requests were answered so far. */
    public long revocationRequests() {
        return server.revocationRequests();
    }

    Map<BigInteger, Instant> revokedSerials() {
        return revoked;
    }

    /** Writes the root certificate, PEM, to a file (e.g. a trust-anchor folder). */
    public Path writeRootPem(Path file) throws IOException {
        try {
            String b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(root.certificate().getEncoded());
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n");
            return file;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /**
     * Writes a PKCS#12 keystore with one private-key entry per identity (alias = the given alias, or the
     * identity's name when aliases run out).
     */
    public static Path writePkcs12(Path file, char[] password, Map<String, Identity> entriesByAlias)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (Map.Entry<String, Identity> e : entriesByAlias.entrySet()) {
            ks.setKeyEntry(e.getKey(), e.getValue().keyPair().getPrivate(), password,
                    e.getValue().chain().toArray(new Certificate[0]));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
        return file;
    }

    @Override
    public void close() {
        if (this != shared) {
            server.stop();
        }
    }
}
