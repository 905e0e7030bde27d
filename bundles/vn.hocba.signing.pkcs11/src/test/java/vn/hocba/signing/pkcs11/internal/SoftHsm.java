package vn.hocba.signing.pkcs11.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.hocba.signing.testpki.TestPki;

/**
 * Real SoftHSM2 tokens for the tests, in a fresh folder per test run: {@code hocba-teacher} (PIN per batch: the
 * teacher's RSA key and an EC key) and {@code hocba-seal} (PIN in the configuration: the school seal's key), each
 * with the CA and root certificates so that SunPKCS11 builds the chains. Keys are imported as PKCS#8 PEM with
 * {@code softhsm2-util --import}, certificates written with {@code pkcs11-tool} under the same {@code CKA_ID}
 * (SoftHSM shows a key to SunPKCS11 only then). Built once per JVM, before SunPKCS11 first loads the library:
 * SoftHSM reads {@code SOFTHSM2_CONF} and the token folder when it is initialised.
 */
final class SoftHsm {

    static final String INSTALL = "apt-get update && apt-get install -y softhsm2 opensc poppler-utils";
    static final String TEACHER_PIN = "123456";
    static final String SEAL_PIN = "24681357";
    private static final String SO_PIN = "12345678";

    private static SoftHsm shared;

    final Path library;
    final Path folder;
    final int teacherSlot;
    final int sealSlot;
    final Path teacherRsaChain;
    final Path teacherEcChain;
    final X509Certificate teacherEcCertificate;

    static synchronized SoftHsm shared() {
        if (shared == null) {
            try {
                shared = new SoftHsm();
            } catch (IOException | GeneralSecurityException | InterruptedException e) {
                throw new IllegalStateException("cannot set up the SoftHSM2 test tokens: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    private SoftHsm() throws IOException, GeneralSecurityException, InterruptedException {
        library = findLibrary();
        requireTool("softhsm2-util");
        requireTool("pkcs11-tool");
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isBlank()) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set for the test JVM: run the tests with Maven"
                    + " (the module's surefire configuration sets it)");
        }
        Path confFile = Path.of(conf);
        Files.createDirectories(confFile.getParent());
        folder = Files.createTempDirectory(confFile.getParent(), "run-");
        Path tokens = Files.createDirectories(folder.resolve("tokens"));
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n");

        TestPki pki = TestPki.shared();
        run("softhsm2-util", "--init-token", "--free", "--label", "hocba-teacher", "--pin", TEACHER_PIN, "--so-pin", SO_PIN);
        run("softhsm2-util", "--init-token", "--free", "--label", "hocba-seal", "--pin", SEAL_PIN, "--so-pin", SO_PIN);

        // the teacher's token: an RSA key from the test PKI and an EC key certified by the test CA
        importKey("hocba-teacher", TEACHER_PIN, "teacher-rsa", "01", pki.teacher().keyPair().getPrivate(),
                pki.teacher().certificate());
        KeyPair ec = ecKeyPair();
        teacherEcCertificate = issueEc(pki, ec);
        importKey("hocba-teacher", TEACHER_PIN, "teacher-ec", "02", ec.getPrivate(), teacherEcCertificate);
        writeCaCertificates("hocba-teacher", TEACHER_PIN, pki);

        importKey("hocba-seal", SEAL_PIN, "seal", "01", pki.seal().keyPair().getPrivate(), pki.seal().certificate());
        writeCaCertificates("hocba-seal", SEAL_PIN, pki);

        teacherRsaChain = writePem(folder.resolve("teacher-rsa.pem"), pki.teacher().chain());
        teacherEcChain = writePem(folder.resolve("teacher-ec.pem"),
                List.of(teacherEcCertificate, pki.ca().certificate(), pki.root().certificate()));

        Map<String, Integer> slots = slotIndexes();
        teacherSlot = slots.get("hocba-teacher");
        sealSlot = slots.get("hocba-seal");
    }

    Pkcs11Settings perBatchTeacher(String providerId, int maxBatchSize) {
        return new Pkcs11Settings(providerId, library, teacherSlot, PinPolicy.PER_BATCH, null,
                List.of(teacherRsaChain, teacherEcChain), "31000001", java.util.Set.of("gv-01"), maxBatchSize);
    }

    Pkcs11Settings configuredSeal(String providerId) {
        return new Pkcs11Settings(providerId, library, sealSlot, PinPolicy.CONFIGURED, SEAL_PIN.toCharArray(),
                List.of(), "31000001", java.util.Set.of("seal"), 0);
    }

    private static Path findLibrary() {
        for (String candidate : List.of("/usr/lib/softhsm/libsofthsm2.so",
                "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so")) {
            if (Files.isReadable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("SoftHSM2 is not installed (no libsofthsm2.so). The PKCS#11 tests need it:"
                + " run the README's test set-up as root: " + INSTALL);
    }

    static void requireTool(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        throw new IllegalStateException(tool + " is not on the PATH. The PKCS#11 tests need SoftHSM2 and OpenSC:"
                + " run the README's test set-up as root: " + INSTALL);
    }

    private void importKey(String token, String pin, String label, String id, PrivateKey key, X509Certificate cert)
            throws IOException, GeneralSecurityException, InterruptedException {
        Path keyPem = folder.resolve(label + ".key.pem");
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        run("softhsm2-util", "--import", keyPem.toString(), "--token", token, "--label", label, "--id", id, "--pin", pin);
        Files.delete(keyPem);
        writeCertificate(token, pin, label, id, cert);
    }

    private void writeCaCertificates(String token, String pin, TestPki pki)
            throws IOException, GeneralSecurityException, InterruptedException {
        writeCertificate(token, pin, "ca", "a0", pki.ca().certificate());
        writeCertificate(token, pin, "root", "a1", pki.root().certificate());
    }

    private void writeCertificate(String token, String pin, String label, String id, X509Certificate cert)
            throws IOException, GeneralSecurityException, InterruptedException {
        Path der = folder.resolve(label + "-" + id + ".der");
        Files.write(der, cert.getEncoded());
        run("pkcs11-tool", "--module", library.toString(), "--token-label", token, "--login", "--pin", pin,
                "--write-object", der.toString(), "--type", "cert", "--id", id, "--label", label);
    }

    /** softhsm2-util lists the slots in the module's slot-list order: the index SunPKCS11's slotListIndex means. */
    private Map<String, Integer> slotIndexes() throws IOException, InterruptedException {
        String out = run("softhsm2-util", "--show-slots");
        Map<String, Integer> indexes = new LinkedHashMap<>();
        int slot = -1;
        for (String line : out.split("\n")) {
            if (line.startsWith("Slot ")) {
                slot++;
            } else if (line.strip().startsWith("Label:") && slot >= 0) {
                indexes.put(line.strip().substring("Label:".length()).strip(), slot);
            }
        }
        if (!indexes.containsKey("hocba-teacher") || !indexes.containsKey("hocba-seal")) {
            throw new IOException("tokens not found in softhsm2-util --show-slots:\n" + out);
        }
        return indexes;
    }

    private String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command).replace(TEACHER_PIN, "***").replace(SEAL_PIN, "***")
                    + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
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
                    new X500Name("C=VN, O=Trường Tiểu học An Lão, CN=Nguyễn Thị Hoa (EC)"), ec.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pki.ca().keyPair().getPrivate())));
        } catch (Exception e) {
            throw new GeneralSecurityException("cannot issue the EC test certificate", e);
        }
    }

    private static Path writePem(Path file, List<X509Certificate> chain) throws IOException, GeneralSecurityException {
        List<String> blocks = new ArrayList<>();
        for (X509Certificate c : chain) {
            blocks.add(pem("CERTIFICATE", c.getEncoded()));
        }
        Files.writeString(file, String.join("", blocks));
        return file;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
