package vn.hocba.demo.internal.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo CA: labelled chains that PKIX validates (CRL checked), NFC names, files made once. */
class DemoPkiTest {
    private static final char[] PASSWORD = "demo".toCharArray();
    private static final String CRL_URL = "http://127.0.0.1:8080/hocba/demo/pki/demo-root.crl";
    private static final String SCHOOL = "Trường Tiểu học An Thắng";

    @TempDir
    static Path shared;
    static DemoPki pki;
    static Path teacher;

    @BeforeAll
    static void issue() throws Exception {
        pki = DemoPki.open(shared.resolve("demo-pki"), PASSWORD, Clock.systemUTC());
        // the name arrives decomposed (NFD), as a config file written on another system might hold it
        teacher = pki.keystore("gv3a", Normalizer.normalize("Phạm Thị Lan", Normalizer.Form.NFD), SCHOOL, CRL_URL);
    }

    @Test
    void theRootSaysItIsNotForRealUse() {
        X509Certificate root = pki.root();
        assertEquals("hocba DEMO — không dùng thật / not for real use", rdn(root, "CN"));
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
        assertTrue(root.getBasicConstraints() >= 0, "a CA");
        assertTrue(root.getKeyUsage()[5], "keyCertSign");
    }

    @Test
    void aSignerFileHoldsKeyAndChainThatPkixValidatesWithTheCrl() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(teacher)) {
            ks.load(in, PASSWORD);
        }
        assertEquals(List.of("gv3a"), java.util.Collections.list(ks.aliases()));
        java.security.cert.Certificate[] chain = ks.getCertificateChain("gv3a");
        assertEquals(2, chain.length);
        assertEquals(pki.root(), chain[1]);
        X509Certificate leaf = (X509Certificate) chain[0];
        assertTrue(leaf.getKeyUsage()[0] && leaf.getKeyUsage()[1], "digitalSignature and nonRepudiation");
        assertEquals(-1, leaf.getBasicConstraints(), "not a CA");

        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(Files.newInputStream(pki.crl()));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.root(), null)));
        params.setRevocationEnabled(true); // the CRL must be there, signed by the root, and not name the signer
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);

        // the key signs, and the certificate verifies it
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign((PrivateKey) ks.getKey("gv3a", PASSWORD));
        s.update("học bạ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] value = s.sign();
        s.initVerify(leaf);
        s.update("học bạ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(s.verify(value));
        assertTrue(new String(leaf.getExtensionValue("2.5.29.31"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(CRL_URL), "the CRL distribution point");
    }

    @Test
    void anotherRootIsNotTrusted() throws Exception {
        DemoPki other = DemoPki.open(shared.resolve("other-pki"), PASSWORD, Clock.systemUTC());
        X509Certificate leaf = leaf(teacher);
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(other.root(), null)));
        params.setRevocationEnabled(false);
        assertThrows(CertPathValidatorException.class, () -> CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params));
    }

    @Test
    void namesAreNfcWithEveryDiacritic() throws Exception {
        X509Certificate leaf = leaf(teacher);
        String cn = rdn(leaf, "CN");
        assertEquals("Phạm Thị Lan", cn);
        assertTrue(Normalizer.isNormalized(cn, Normalizer.Form.NFC));
        assertEquals(SCHOOL, rdn(leaf, "O"));
        assertEquals(DemoPki.ROOT_NAME, rdn(leaf, "OU"), "every demo certificate carries the warning");
        assertEquals(Normalizer.normalize("Phạm Thị Lan", Normalizer.Form.NFC), cn);
        assertNotEquals(Normalizer.normalize("Phạm Thị Lan", Normalizer.Form.NFD), cn);
    }

    @Test
    void openingAgainReusesTheRootAndKeepsEveryFile(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("demo-pki");
        DemoPki first = DemoPki.open(folder, PASSWORD, Clock.systemUTC());
        Path ht = first.keystore("ht", "Nguyễn Văn Hùng", SCHOOL, CRL_URL);
        Path crl = first.crl();
        byte[] htBytes = Files.readAllBytes(ht);
        byte[] crlBytes = Files.readAllBytes(crl);
        FileTime htTime = Files.getLastModifiedTime(ht);

        DemoPki second = DemoPki.open(folder, PASSWORD, Clock.systemUTC());
        assertEquals(first.root(), second.root());
        assertEquals(ht, second.keystore("ht", "Nguyễn Văn Hùng", SCHOOL, CRL_URL));
        assertArrayEquals(htBytes, Files.readAllBytes(ht), "the key is not generated again");
        assertEquals(htTime, Files.getLastModifiedTime(ht));
        assertArrayEquals(crlBytes, Files.readAllBytes(second.crl()), "a CRL valid for weeks is kept");

        // a signer added later is issued by the same root
        X509Certificate seal = leaf(second.keystore("seal", SCHOOL, SCHOOL, CRL_URL));
        seal.verify(first.root().getPublicKey());
    }

    @Test
    void aCrlDueSoonIsRenewed(@TempDir Path dir) throws Exception {
        Instant t0 = Instant.parse("2025-05-20T08:00:00Z");
        DemoPki early = DemoPki.open(dir, PASSWORD, Clock.fixed(t0, ZoneOffset.UTC));
        byte[] before = Files.readAllBytes(early.crl());
        DemoPki later = DemoPki.open(dir, PASSWORD, Clock.fixed(t0.plus(Duration.ofDays(25)), ZoneOffset.UTC));
        X509CRL renewed = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(Files.newInputStream(later.crl()));
        assertFalse(java.util.Arrays.equals(before, renewed.getEncoded()));
        assertEquals(t0.plus(Duration.ofDays(25)), renewed.getThisUpdate().toInstant());
        renewed.verify(early.root().getPublicKey());
    }

    @Test
    void keystoreConfigurationsAreMadeOnceAndOnlyChangedWhenTheyDiffer() {
        DemoSigners.Signer gv3a = DemoSigners.parse(new String[] { "gv3a=Phạm Thị Lan" }).get(0);
        Map<String, Object> wanted = DemoSigners.keystoreProperties(teacher, "demo", "HP-AL-TH01", gv3a);
        assertEquals(teacher.toAbsolutePath().toString(), wanted.get("path"));
        assertEquals("gv3a", wanted.get("signerId"));
        assertEquals("HP-AL-TH01", wanted.get("schoolCode"));
        assertFalse(DemoSigners.holds(null, wanted), "a new configuration is written");
        Hashtable<String, Object> current = new Hashtable<>(wanted);
        current.put("service.pid", "vn.hocba.signing.pkcs12.keystore~hocba-demo-gv3a");
        assertTrue(DemoSigners.holds(current, wanted), "the same one is left alone on restart");
        current.put("password", "changed");
        assertFalse(DemoSigners.holds(current, wanted));
        assertEquals("hocba-demo-gv3a", DemoSigners.configurationName(gv3a));
    }

    @Test
    void signerEntriesAreParsedToNfc() {
        List<DemoSigners.Signer> s = DemoSigners.parse(new String[] { "ht=" + Normalizer.normalize("Nguyễn Văn Hùng",
                Normalizer.Form.NFD), " seal = Trường Tiểu học An Thắng" });
        assertEquals(new DemoSigners.Signer("ht", "Nguyễn Văn Hùng"), s.get(0));
        assertEquals(new DemoSigners.Signer("seal", SCHOOL), s.get(1));
        assertThrows(IllegalArgumentException.class, () -> DemoSigners.parse(new String[] { "gv3a" }));
        // one .cfg line holds them all
        assertEquals(List.of(new DemoSigners.Signer("gv3a", "Phạm Thị Lan"), new DemoSigners.Signer("ht", "Nguyễn Văn Hùng")),
                DemoSigners.parse(new String[] { "gv3a=Phạm Thị Lan, ht=Nguyễn Văn Hùng" }));
        assertThrows(IllegalArgumentException.class, () -> pki.keystore("../x", "X", SCHOOL, ""));
    }

    private static X509Certificate leaf(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASSWORD);
        }
        return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
    }

    private static String rdn(X509Certificate c, String type) {
        try {
            for (Rdn r : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
                if (r.getType().equalsIgnoreCase(type)) return r.getValue().toString();
            }
        } catch (javax.naming.InvalidNameException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError(type + " not in " + c.getSubjectX500Principal());
    }
}
