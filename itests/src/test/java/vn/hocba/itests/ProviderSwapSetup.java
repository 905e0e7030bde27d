package vn.hocba.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.exam.Option;

import vn.hocba.signing.testpki.CscTestServer;
import vn.hocba.signing.testpki.TestPki;

/**
 * The outside of {@link ProviderSwapIT}, run by its {@code @Configuration} method in the test JVM before the framework
 * starts (the probe inside the framework sees none of these classes: Bouncy Castle is not in the assembly): the test
 * PKI with its TSA, a PKCS#12 file with the teacher's certificate A, a CSC service on loopback holding the
 * teacher's certificate B (another key, EC) and a SoftHSM2 token holding certificate C (a third key; the token folder
 * is the one failsafe's SOFTHSM2_CONF names, as SoftHSM reads it from the JVM's environment). What the probe needs
 * goes in as system properties {@code hocba.swap.*}.
 */
final class ProviderSwapSetup {

    static final String CSC_USER_ID = "gv3a-csc";
    static final String CSC_PIN = "246810";
    static final String TOKEN_PIN = "123456";

    // kept for the life of the JVM: the framework under test calls them
    private static TestPki pki;
    private static CscTestServer csc;

    private ProviderSwapSetup() {}

    static synchronized Option options(Path dataDir) throws Exception {
        if (pki == null) {
            pki = TestPki.start();
            csc = new CscTestServer(List.of(new CscTestServer.Account("gv3a-ec", CSC_USER_ID,
                    pki.ecTeacher().keyPair().getPrivate(), pki.ecTeacher().chain(), CscTestServer.Unlock.PIN, CSC_PIN,
                    50)));
        }
        Path keys = Files.createDirectories(dataDir.resolve("keys"));
        Path anchors = Files.createDirectories(dataDir.resolve("trust-anchors"));
        pki.writeRootPem(anchors.resolve("root.pem"));
        Path p12 = TestPki.writePkcs12(keys.resolve("gv3a.p12"), "changeit".toCharArray(), Map.of("gv3a", pki.teacher()));
        ChildHost.SoftHsmSlot token = softHsmToken();
        return composite(
                systemProperty("hocba.swap.tsaUrl").value(pki.tsaUrl()),
                systemProperty("hocba.swap.trustAnchors").value(anchors.toString()),
                systemProperty("hocba.swap.p12").value(p12.toString()),
                systemProperty("hocba.swap.p12Password").value("changeit"),
                systemProperty("hocba.swap.certA").value(sha256(pki.teacher().certificate())),
                systemProperty("hocba.swap.certB").value(sha256(pki.ecTeacher().certificate())),
                systemProperty("hocba.swap.cscUrl").value(csc.baseUrl()),
                systemProperty("hocba.swap.cscControl").value(csc.controlUrl()),
                systemProperty("hocba.swap.cscUser").value(CscTestServer.USER),
                systemProperty("hocba.swap.cscPassword").value(CscTestServer.PASSWORD),
                systemProperty("hocba.swap.cscUserId").value(CSC_USER_ID),
                systemProperty("hocba.swap.cscPin").value(CSC_PIN),
                systemProperty("hocba.swap.certC").value(sha256(pki.deputy().certificate())),
                systemProperty("hocba.swap.tokenLibrary").value(token.library()),
                systemProperty("hocba.swap.tokenSlotListIndex").value(Integer.toString(token.slotListIndex())),
                systemProperty("hocba.swap.tokenPin").value(TOKEN_PIN),
                systemProperty("hocba.swap.csv").value(ChildHost.sharedFixture("lop-3a-2024-2025.csv").toString()));
    }

    /** A fresh token folder where SOFTHSM2_CONF says, with one token: the key and chain of the test PKI's deputy. */
    private static ChildHost.SoftHsmSlot softHsmToken() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) throw new IllegalStateException("SOFTHSM2_CONF is not set (failsafe sets it, see itests/pom.xml)");
        Path folder = Path.of(conf).getParent();
        Path tokens = folder.resolve("tokens");
        if (Files.exists(tokens)) {
            try (var old = Files.walk(tokens)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens.toAbsolutePath()
                + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        return ChildHost.softHsmToken(Map.of("SOFTHSM2_CONF", conf), folder, "hocba-swap", "gv3a", pki.deputy(),
                List.of(pki.ca().certificate(), pki.root().certificate()), TOKEN_PIN);
    }

    private static String sha256(X509Certificate c) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }
}
