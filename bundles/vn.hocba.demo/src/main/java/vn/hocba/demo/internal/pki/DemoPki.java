package vn.hocba.demo.internal.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509ExtensionUtils;

/**
 * The demo's own certification authority, in one folder: a root clearly labelled as not for real use
 * ({@value #ROOT_NAME}), one PKCS#12 file per demo signer (teachers, principal, deputy, the school seal) issued by
 * it, the root as PEM for the trust anchors, and the root's CRL, so that the records the demo signs verify as valid.
 *
 * <p>Only Bouncy Castle's certificate builders are used (embedded in this bundle); keys, signatures and the
 * PKCS#12 files come from the JDK, so nothing registers a security provider. Everything is created once: an
 * existing root is reused and an existing signer's file is never replaced, so a restart changes nothing.
 */
public final class DemoPki {

    /** The root's common name: says in both languages that nothing it certifies is real. */
    public static final String ROOT_NAME = "hocba DEMO — không dùng thật / not for real use";
    static final String ROOT_FILE = "demo-root.p12";
    static final String ROOT_ALIAS = "hocba-demo-root";
    public static final String ROOT_PEM = "demo-root.pem";
    public static final String CRL_FILE = "demo-root.crl";
    private static final Duration CRL_VALIDITY = Duration.ofDays(30);
    private static final Duration RENEW_CRL_BEFORE = Duration.ofDays(7);
    private static final String SIGNATURE = "SHA256withRSA";

    private final Path folder;
    private final char[] password;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final PrivateKey rootKey;
    private final X509Certificate root;

    private DemoPki(Path folder, char[] password, Clock clock, PrivateKey rootKey, X509Certificate root) {
        this.folder = folder;
        this.password = password.clone();
        this.clock = clock;
        this.rootKey = rootKey;
        this.root = root;
    }

    /** The demo CA of this folder: its existing root, or a new one (key, PKCS#12, PEM) when there is none yet. */
    public static DemoPki open(Path folder, char[] password, Clock clock) throws IOException, GeneralSecurityException {
        Files.createDirectories(folder);
        Path file = folder.resolve(ROOT_FILE);
        if (Files.isRegularFile(file)) {
            KeyStore ks = load(file, password);
            return new DemoPki(folder, password, clock, (PrivateKey) ks.getKey(ROOT_ALIAS, password),
                    (X509Certificate) ks.getCertificate(ROOT_ALIAS));
        }
        KeyPair keys = rsa();
        Instant now = clock.instant();
        X500Name name = name(ROOT_NAME, "hocba DEMO", null);
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(name, serial(new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                spki(keys.getPublic()));
        X509ExtensionUtils ext = JdkOperators.extensionUtils();
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki(keys.getPublic())));
        } catch (CertIOException e) {
            throw new IOException(e);
        }
        X509Certificate root = certificate(b, keys.getPrivate());
        writeRootPem(folder.resolve(ROOT_PEM), root);
        write(file, ROOT_ALIAS, keys.getPrivate(), new Certificate[] { root }, password);
        return new DemoPki(folder, password, clock, keys.getPrivate(), root);
    }

    public X509Certificate root() {
        return root;
    }

    public Path folder() {
        return folder;
    }

    /** The root as PEM, for a trust anchors folder. */
    public Path rootPem() throws IOException {
        Path pem = folder.resolve(ROOT_PEM);
        if (!Files.isRegularFile(pem)) writeRootPem(pem, root);
        return pem;
    }

    /**
     * The PKCS#12 file of a signer ({@code <id>.p12}, alias {@code id}, key and chain), issued now if it does not
     * exist; an existing file is returned as it is.
     *
     * @param id         the signer id the signing provider knows (a user id, or {@code seal})
     * @param commonName the person's (or the school's) name; stored NFC
     * @param school     the school's name (the organisation of the certificate); stored NFC
     * @param crlUrl     where verifiers fetch the root's CRL, or empty for none
     */
    public Path keystore(String id, String commonName, String school, String crlUrl)
            throws IOException, GeneralSecurityException {
        if (!id.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("not a file-safe signer id: " + id);
        Path file = folder.resolve(id + ".p12");
        if (Files.isRegularFile(file)) return file;
        KeyPair keys = rsa();
        Instant now = clock.instant();
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(X500Name.getInstance(root.getSubjectX500Principal()
                .getEncoded()), serial(random), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3 * 365))), name(commonName, school, ROOT_NAME),
                spki(keys.getPublic()));
        X509ExtensionUtils ext = JdkOperators.extensionUtils();
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki(keys.getPublic())));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(holder(root)));
            if (!crlUrl.isBlank()) {
                b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null) }));
            }
        } catch (CertIOException e) {
            throw new IOException(e);
        }
        X509Certificate cert = certificate(b, rootKey);
        Path tmp = folder.resolve(id + ".p12.tmp");
        write(tmp, id, keys.getPrivate(), new Certificate[] { cert, root }, password);
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The root's CRL (nobody revoked), written again when it is missing or due within a week. */
    public Path crl() throws IOException, GeneralSecurityException {
        Path file = folder.resolve(CRL_FILE);
        Instant now = clock.instant();
        if (Files.isRegularFile(file)) {
            X509CRL current = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new java.io.ByteArrayInputStream(Files.readAllBytes(file)));
            if (current.getNextUpdate() != null && current.getNextUpdate().toInstant().isAfter(now.plus(RENEW_CRL_BEFORE))
                    && current.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
                return file;
            }
        }
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                Date.from(now));
        b.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
        try {
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    JdkOperators.extensionUtils().createAuthorityKeyIdentifier(holder(root)));
            b.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(
                    BigInteger.valueOf(now.getEpochSecond())));
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                    new java.io.ByteArrayInputStream(b.build(JdkOperators.signer(SIGNATURE, rootKey)).getEncoded()));
            Path tmp = folder.resolve(CRL_FILE + ".tmp");
            Files.write(tmp, crl.getEncoded());
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (CertIOException e) {
            throw new IOException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** CN, O, OU (the demo warning), C=VN; UTF8String values, NFC. */
    private static X500Name name(String commonName, String organisation, String unit) {
        X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, nfc(organisation));
        if (unit != null) n.addRDN(BCStyle.OU, nfc(unit));
        return n.addRDN(BCStyle.CN, nfc(commonName)).build();
    }

    static String nfc(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }

    private static SubjectPublicKeyInfo spki(PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded());
    }

    private static X509CertificateHolder holder(X509Certificate cert) throws IOException {
        try {
            return new X509CertificateHolder(cert.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    /** Built by Bouncy Castle, signed and parsed by the JDK (its parser also checks what was built). */
    private static X509Certificate certificate(X509v3CertificateBuilder b, PrivateKey issuerKey)
            throws IOException, GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(b.build(JdkOperators.signer(SIGNATURE, issuerKey)).getEncoded()));
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }

    private static void write(Path file, String alias, PrivateKey key, Certificate[] chain, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, key, password, chain);
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
    }

    static void writeRootPem(Path file, X509Certificate cert) throws IOException {
        try {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n",
                    StandardCharsets.US_ASCII);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    /** For tests: the public key of a file's entry. */
    static PublicKey publicKey(Path p12, String alias, char[] password) throws IOException, GeneralSecurityException {
        return load(p12, password).getCertificate(alias).getPublicKey();
    }
}
