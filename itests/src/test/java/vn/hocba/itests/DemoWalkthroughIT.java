package vn.hocba.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * README's demo walk-through on the real assembly: the host starts with exactly the etc/ of features/app (demo users,
 * password demo; the demo's keys; no TSA, no key or trust anchor written by the test). On first start the demo
 * generates PKCS#12 keys for its signers; the sample class is imported, locked, rendered, signed by the teacher and
 * the principal, sealed and issued with them, and a downloaded PDF verifies TOTAL_PASSED with the three signers.
 * After a restart the same keys sign again (nothing generated twice).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoWalkthroughIT {
    private static final String SCHOOL = "HP-AL-TH01";
    private static final String YEAR = "2024-2025";
    private static final String DEMO_ROOT = "hocba DEMO — không dùng thật / not for real use";
    private static final Map<String, String> DEMO_USERS = Map.of(
            "gv3a", "demo", "gv3b", "demo", "ht", "demo", "pht", "demo", "qt", "demo", "pgd", "demo");

    private ChildHost host;
    private HocbaApi api;
    private final List<String> recordIds = new ArrayList<>();
    private byte[] issuedPdf;
    private byte[] teacherKeyBefore;

    @BeforeAll
    void startHostWithTheDemoEtc() throws Exception {
        host = ChildHost.create("demo-walkthrough");
        Path etc = appEtc();
        try (Stream<Path> files = Files.list(etc)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cfg")).toList()) {
                Files.copy(f, host.etc().resolve(f.getFileName()));
            }
        }
        assertTrue(Files.isRegularFile(host.etc().resolve("vn.hocba.demo.pki.cfg")), "the demo keys are enabled");
        // the only addition: awaitUsers() probes each user until FileInstall has delivered it (no lock-out meanwhile)
        host.config("vn.hocba.security.basic.cfg", Map.of("maxFailures", "100"));
        host.start();
        api = new HocbaApi(host, DEMO_USERS).awaitUp().awaitUsers("/schools/" + SCHOOL + "/classes?year=" + YEAR);
    }

    @AfterAll
    void stopHost() throws Exception {
        if (host != null) host.close();
    }

    @Test
    @Order(1)
    void theDemoGeneratedKeysForItsSignersAndTrustsItsRoot() throws Exception {
        Path pki = host.data().resolve("demo-pki");
        for (String signer : List.of("gv3a", "gv3b", "ht", "pht", "seal")) {
            awaitFile(pki.resolve(signer + ".p12"));
        }
        awaitFile(host.home().resolve("hocba-data/trust-anchors/hocba-demo-root.pem"));
        teacherKeyBefore = Files.readAllBytes(pki.resolve("gv3a.p12"));
        // the CRL the certificates point to is served by the host, unauthenticated
        HttpResponse<byte[]> crl = api.sendForBytes(HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + host.port() + "/hocba/demo/pki/demo-root.crl")).GET(), null);
        assertEquals(200, crl.statusCode());
        assertArrayEquals(Files.readAllBytes(pki.resolve("demo-root.crl")), crl.body());
    }

    @Test
    @Order(2)
    void theSampleClassIsImportedLockedAndRendered() throws Exception {
        api.importCsv(SCHOOL, "lop-3a-2024-2025.csv",
                Files.readAllBytes(ChildHost.sharedFixture("lop-3a-2024-2025.csv")), "qt");
        JsonNode records = api.classRecords(SCHOOL, YEAR, "3A", "gv3a");
        assertEquals(8, records.size(), records.toString());
        records.forEach(r -> recordIds.add(r.path("recordId").asText()));
        api.assertCompleted(api.runJob("gv3a", "LOCK", classScope()), 8);
        api.assertCompleted(api.runJob("gv3a", "RENDER", classScope()), 8);
    }

    @Test
    @Order(3)
    void theDemoKeysSignSealAndIssueTheClass() throws Exception {
        api.assertCompleted(api.runJob("gv3a", "SIGN", classScope()), 8);
        api.assertCompleted(api.runJob("ht", "SIGN", classScope()), 8);
        api.assertCompleted(api.runJob("qt", "SEAL", classScope()), 8);
        api.assertCompleted(api.runJob("qt", "ISSUE", classScope()), 8);
        api.classRecords(SCHOOL, YEAR, "3A", "gv3a").forEach(r -> HocbaApi.assertIssued(r.path("state").asText(), r.toString()));
    }

    @Test
    @Order(4)
    void everyIssuedPdfVerifiesWithTheThreeDemoSigners() throws Exception {
        for (String id : recordIds) {
            byte[] pdf = api.pdf(id, "gv3a");
            JsonNode report = api.verify(pdf);
            assertEquals("TOTAL_PASSED", report.path("indication").asText(), report.toString());
            List<String> roles = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (JsonNode s : report.path("signatures")) {
                roles.add(s.path("role").asText());
                names.add(s.path("signerName").asText());
                assertEquals("TRUSTED", s.path("chainStatus").asText(), s.toString());
                assertEquals("GOOD", s.path("revocation").asText(), "the CRL the seal embedded: " + s);
                assertEquals("B_B", s.path("level").asText(), "no TSA in the demo: " + s);
                assertEquals(DEMO_ROOT, cn(s.path("chain").get(s.path("chain").size() - 1).asText()), s.toString());
                assertFalse(s.path("modifiedAfter").asBoolean(), s.toString());
            }
            assertEquals(List.of("HOMEROOM_TEACHER", "PRINCIPAL", "SCHOOL_SEAL"), roles, report.toString());
            assertEquals(List.of("Phạm Thị Lan", "Nguyễn Văn Hùng", "Trường Tiểu học An Thắng"), names);
            names.forEach(n -> assertTrue(Normalizer.isNormalized(n, Normalizer.Form.NFC), n));
            HocbaApi.assertIssued(report.path("record").path("state").asText(), report.toString());
            if (issuedPdf == null) issuedPdf = pdf;
        }
    }

    @Test
    @Order(5)
    void aTamperedDemoPdfIsReportedAsModifiedAfterSigning() throws Exception {
        byte[] tampered = issuedPdf.clone();
        String text = new String(tampered, StandardCharsets.ISO_8859_1);
        int stream = text.indexOf("stream\n");
        assertTrue(stream > 0 && stream < text.indexOf("/Contents <"), "a stream inside the first signed revision");
        tampered[stream + 12] ^= 0x01;
        JsonNode report = api.verify(tampered);
        assertEquals("TOTAL_FAILED", report.path("indication").asText(), report.toString());
        String message = "Tài liệu đã bị sửa đổi sau khi ký / the document was modified after it was signed";
        assertTrue(report.path("messages").toString().contains(message), report.toString());
        for (JsonNode s : report.path("signatures")) {
            assertTrue(s.path("modifiedAfter").asBoolean(), s.toString());
            assertEquals(message, s.path("messages").get(0).asText(), s.toString());
        }
    }

    @Test
    @Order(6)
    void afterARestartTheSameKeysSignACorrection() throws Exception {
        host.restart();
        api.awaitUp().awaitUsers("/schools/" + SCHOOL + "/classes?year=" + YEAR);
        assertArrayEquals(teacherKeyBefore, Files.readAllBytes(host.data().resolve("demo-pki/gv3a.p12")),
                "the keys are generated once");
        String id = recordIds.get(0);
        HttpResponse<String> r = api.postJson("/records/" + id + "/corrections", "{\"reason\":\"Sai ngày sinh\"}", "ht");
        assertEquals(201, r.statusCode(), r.body());
        String scope = "\"school\":\"" + SCHOOL + "\",\"year\":\"" + YEAR + "\",\"recordIds\":[\"" + id + "\"]";
        for (String[] step : new String[][] { { "gv3a", "LOCK" }, { "gv3a", "RENDER" }, { "gv3a", "SIGN" },
                { "ht", "SIGN" }, { "qt", "SEAL" }, { "qt", "ISSUE" } }) {
            api.assertCompleted(api.runJob(step[0], step[1], scope), 1);
        }
        JsonNode current = api.verify(api.pdf(id, "gv3a"));
        assertEquals("TOTAL_PASSED", current.path("indication").asText(), current.toString());
        assertEquals(2, current.path("record").path("version").asInt(), current.toString());
        JsonNode old = api.verify(issuedPdf).path("record");
        assertEquals("SUPERSEDED", old.path("state").asText(), old.toString());
    }

    // --- helpers

    private static String classScope() {
        return HocbaApi.classScope(SCHOOL, YEAR, "3A");
    }

    /** features/app/etc of this clone (the itests run in itests/). */
    private static Path appEtc() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("features/app/etc");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("features/app/etc not found above " + Path.of("").toAbsolutePath());
    }

    private void awaitFile(Path file) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.isRegularFile(file)) {
            if (System.nanoTime() > deadline) fail(file + " was not generated\n" + host.tail());
            Thread.sleep(250);
        }
    }

    private static String cn(String dn) {
        for (String part : dn.split(",(?=[A-Z]+=)")) {
            if (part.startsWith("CN=")) return part.substring(3);
        }
        return "";
    }
}
