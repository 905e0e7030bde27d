package vn.hocba.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hocba.signing.testpki.TestPki;

/**
 * Issue 8's end-to-end check over HTTP on the real assembly: the standalone host features/app/target/hocba-app.jar
 * runs as a child process with etc/ files written here (Basic users, PKCS#12 keystores of the teacher and the
 * principal from the test PKI, the seal's key on a SoftHSM2 token, a TSA and trust anchors); the test imports the
 * shared sample class 3A, locks, renders, has the teacher and then the principal sign the class in one batch each,
 * seals (the PDF raised to B-LTA), issues, verifies a downloaded PDF and the signed export XML, checks veraPDF
 * PDF/A-3b and the district's progress, corrects one record and revokes another, and checks the refusals (401, 403,
 * 409 out of order, a tampered PDF reported as modified after signature).
 *
 * <p>The steps depend on one another and run in order on one host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IssuingFlowIT {
    private static final String SCHOOL = "HP-AL-TH01";
    private static final String YEAR = "2024-2025";
    private static final String CLASS = "3A";
    private static final String KEY_PASSWORD = "changeit";
    private static final String SEAL_PROVIDER = "pkcs11-seal";
    private static final String SEAL_PIN = "246810";
    private static final String DISTRICT = "HP-AL";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = HocbaApi.JSON;

    /** What the verifier says of a signature whose signed bytes changed. */
    private static final String MODIFIED_AFTER_SIGNING =
            "Tài liệu đã bị sửa đổi sau khi ký / the document was modified after it was signed";

    /** user id → password (the hashes in etc/ are computed from these). */
    private static final Map<String, String> PASSWORDS = Map.of(
            "gv3a", "gv3a-pw", "gv3b", "gv3b-pw", "ht", "ht-pw", "qt", "qt-pw", "pgd", "pgd-pw");

    private TestPki pki;
    private ChildHost host;
    private HocbaApi api;

    // state carried from one step to the next
    private List<String> recordIds = new ArrayList<>();
    private byte[] issuedPdf;
    private String correctedId;
    private String revokedId;

    @BeforeAll
    void startHost() throws Exception {
        pki = TestPki.start();
        host = ChildHost.create("issuing-flow");
        Path anchors = Files.createDirectories(host.home().resolve("trust-anchors"));
        pki.writeRootPem(anchors.resolve("root.pem"));

        host.user("gv3a", PASSWORDS.get("gv3a"), "Phạm Thị Lan", "HOMEROOM_TEACHER:" + SCHOOL + ":3A")
            .user("gv3b", PASSWORDS.get("gv3b"), "Lê Văn Minh", "HOMEROOM_TEACHER:" + SCHOOL + ":3B")
            .user("ht", PASSWORDS.get("ht"), "Nguyễn Văn Hùng", "PRINCIPAL:" + SCHOOL)
            .user("qt", PASSWORDS.get("qt"), "Quản trị", "SCHOOL_ADMIN:" + SCHOOL)
            .user("pgd", PASSWORDS.get("pgd"), "Phòng GD&ĐT An Lão", "DISTRICT_VIEWER:" + DISTRICT)
            // awaitUsers() probes each user until FileInstall has delivered it: no lock-out after 5 probes meanwhile
            .config("vn.hocba.security.basic.cfg", Map.of("maxFailures", "100"))
            .keystore(SCHOOL, "gv3a", pki.teacher(), KEY_PASSWORD)
            .keystore(SCHOOL, "ht", pki.principal(), KEY_PASSWORD)
            // the seal's key lives only on a SoftHSM2 token: a sealed record proves the token signed
            .config("vn.hocba.signing.providers.cfg", Map.of("defaultProvider", "pkcs12",
                    "signers", SCHOOL + "/seal=" + SEAL_PROVIDER))
            .config("vn.hocba.signing.pades.cfg", Map.of(
                    "tsaUrl", pki.tsaUrl(), "trustAnchorsDir", anchors.toAbsolutePath().toString()))
            // personal signatures B-T (the test PKI's TSA); after the seal the PDF is raised to B-LTA: the CRLs and
            // OCSP answers of the test PKI on loopback in its DSS, then a document time-stamp
            .config("vn.hocba.workflow.cfg", Map.of("signLevel", "B_T", "sealLevel", "B_LTA", "pollMillis", "200",
                    "leaseSeconds", "30", "retrySeconds", "2",
                    "principals", SCHOOL + "=Nguyễn Văn Hùng|Hiệu trưởng"));
        host.softHsmToken(SEAL_PROVIDER, SCHOOL, "seal", pki.seal(),
                pki.seal().chain().subList(1, pki.seal().chain().size()), SEAL_PIN);
        host.start();
        api = new HocbaApi(host, PASSWORDS).awaitUp().awaitUsers("/schools/" + SCHOOL + "/classes?year=" + YEAR)
                .awaitProvider(SEAL_PROVIDER);
    }

    @AfterAll
    void stopHost() throws Exception {
        if (host != null) host.close();
        if (pki != null) pki.close();
    }

    @Test
    @Order(1)
    void anonymousCallerIsAskedToAuthenticate() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/schools/" + SCHOOL + "/classes?year=" + YEAR)).GET(), null);
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    @Test
    @Order(2)
    void administratorImportsTheSampleClass() throws Exception {
        byte[] csv = Files.readAllBytes(ChildHost.sharedFixture("lop-3a-2024-2025.csv"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/schools/" + SCHOOL + "/imports?filename=lop-3a-2024-2025.csv"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)), "qt");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = JSON.readTree(r.body());
        assertEquals("STORED", report.path("status").asText(), r.body());

        JsonNode records = getJson("/schools/" + SCHOOL + "/classes/" + CLASS + "/records?year=" + YEAR, "gv3a").path("records");
        assertEquals(8, records.size(), records.toString());
        records.forEach(rec -> {
            assertEquals("DRAFT", rec.path("state").asText());
            recordIds.add(rec.path("recordId").asText());
        });
    }

    @Test
    @Order(3)
    void teacherOfAnotherClassMayNotReadThisOne() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(
                uri("/schools/" + SCHOOL + "/classes/" + CLASS + "/records?year=" + YEAR)).GET(), "gv3b");
        assertEquals(403, r.statusCode(), r.body());
    }

    @Test
    @Order(4)
    void lockAndRender() throws Exception {
        assertCompleted(runJob("gv3a", "LOCK", classScope()), 8);
        assertCompleted(runJob("gv3a", "RENDER", classScope()), 8);
    }

    @Test
    @Order(5)
    void principalMayNotSignBeforeTheTeacher() throws Exception {
        HttpResponse<String> r = postJob("ht", "SIGN", classScope());
        assertEquals(409, r.statusCode(), r.body());
        assertEquals("OUT_OF_ORDER", JSON.readTree(r.body()).path("code").asText(), r.body());
    }

    @Test
    @Order(6)
    void teacherThenPrincipalSignTheClassInOneBatchEach() throws Exception {
        JsonNode teacher = runJob("gv3a", "SIGN", classScope());
        assertCompleted(teacher, 8);
        assertEquals("HOMEROOM_TEACHER", teacher.path("signerRole").asText(), teacher.toString());
        JsonNode principal = runJob("ht", "SIGN", classScope());
        assertCompleted(principal, 8);
        assertEquals("PRINCIPAL", principal.path("signerRole").asText(), principal.toString());
    }

    @Test
    @Order(7)
    void sealAndIssue() throws Exception {
        assertCompleted(runJob("qt", "SEAL", classScope()), 8);
        assertCompleted(runJob("qt", "ISSUE", classScope()), 8);
        JsonNode records = getJson("/schools/" + SCHOOL + "/classes/" + CLASS + "/records?year=" + YEAR, "gv3a").path("records");
        records.forEach(rec -> HocbaApi.assertIssued(rec.path("state").asText(), rec.toString()));
    }

    @Test
    @Order(8)
    void issuedPdfVerifiesWithThreeSignersInOrder() throws Exception {
        issuedPdf = pdf(recordIds.get(0));
        JsonNode report = verify(issuedPdf);
        assertEquals("TOTAL_PASSED", report.path("indication").asText(), report.toString());
        List<String> roles = new ArrayList<>();
        report.path("signatures").forEach(s -> {
            if (!s.path("timestampOnly").asBoolean()) roles.add(s.path("role").asText());
        });
        assertEquals(List.of("HOMEROOM_TEACHER", "PRINCIPAL", "SCHOOL_SEAL"), roles, report.toString());
        JsonNode archive = report.path("signatures").get(3);
        assertTrue(archive.path("timestampOnly").asBoolean() && archive.path("coversWholeDocument").asBoolean(),
                "the archive time-stamp over the whole document: " + archive);
        assertEquals("TOTAL_PASSED", archive.path("indication").asText(), archive.toString());
        // by the keys in etc/ and on the token, each valid and time-stamped by the test PKI's TSA
        List<String> certificates = List.of(sha256(pki.teacher()), sha256(pki.principal()), sha256(pki.seal()));
        for (int i = 0; i < 3; i++) {
            JsonNode s = report.path("signatures").get(i);
            assertEquals(certificates.get(i), s.path("signerCertificateSha256").asText().toLowerCase(), s.toString());
            assertTrue(s.path("cryptographicallyValid").asBoolean(), s.toString());
            assertEquals("TOTAL_PASSED", s.path("indication").asText(), s.toString());
            assertFalse(s.path("timestampTime").isNull() || s.path("timestampTime").isMissingNode(), s.toString());
            assertTrue(s.path("level").asText().startsWith("B_"), s.toString());
            assertNotEquals("B_B", s.path("level").asText(), s.toString());
        }
        assertTrue(pki.tsaRequests() >= 4, "the TSA was asked (three signatures, one archive stamp): " + pki.tsaRequests());
        // the seal raised the document to B-LTA: a document time-stamp over the revocation data of every signature
        assertEquals("B_LTA", report.path("signatures").get(2).path("level").asText(), report.toString());
        JsonNode record = report.path("record");
        assertEquals(recordIds.get(0), record.path("recordId").asText(), report.toString());
        HocbaApi.assertIssued(record.path("state").asText(), report.toString());
        assertFalse(record.path("superseded").asBoolean(), report.toString());
        assertFalse(record.path("revoked").asBoolean(), report.toString());
    }

    /** The form FOP rendered, signed by three incremental revisions and sealed, is still PDF/A-3b for veraPDF. */
    @Test
    @Order(9)
    void issuedPdfIsStillPdfA3b() throws Exception {
        byte[] issued = pdf(recordIds.get(0));
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new java.io.ByteArrayInputStream(issued),
                PDFAFlavour.PDFA_3_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
            assertTrue(result.isCompliant(), "veraPDF PDF/A-3b failures: " + failed);
        }
    }

    @Test
    @Order(9)
    void tamperedPdfDoesNotVerify() throws Exception {
        byte[] tampered = issuedPdf.clone();
        int at = signedByte(tampered);
        tampered[at] ^= 0x01;
        JsonNode report = verify(tampered);
        assertNotEquals("TOTAL_PASSED", report.path("indication").asText(), report.toString());
        boolean modified = false;
        for (JsonNode s : report.path("signatures")) {
            if (!s.path("modifiedAfter").asBoolean()) continue;
            modified = true;
            assertFalse(s.path("cryptographicallyValid").asBoolean(true), s.toString());
            assertTrue(s.path("messages").toString().contains(MODIFIED_AFTER_SIGNING), s.toString());
        }
        assertTrue(modified, "reported as modified after signature: " + report);
        assertTrue(report.path("messages").toString().contains(MODIFIED_AFTER_SIGNING), report.toString());
    }

    /** The XML signed beside the PDF is the export schema's, with the same three signers, and verifies on its own. */
    @Test
    @Order(9)
    void issuedXmlIsTheExportSchemaSignedByTheSameThree() throws Exception {
        HttpResponse<byte[]> r = api.sendForBytes(HttpRequest.newBuilder(uri("/records/" + recordIds.get(0) + "/xml")).GET(), "gv3a");
        assertEquals(200, r.statusCode());
        String xml = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("urn:hocba:moet:hocbaso-tieuhoc:1.0"), xml.substring(0, Math.min(400, xml.length())));
        assertTrue(xml.contains("<hoten>Nguyễn Văn Hùng</hoten>") && xml.contains("<hoten>Phạm Thị Lan</hoten>"),
                "the planned signers are named: " + xml.substring(Math.max(0, xml.indexOf("dsnguoiky") - 200),
                        Math.min(xml.length(), xml.indexOf("dsnguoiky") + 800)));
        HttpResponse<String> v = send(HttpRequest.newBuilder(uri("/verify")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(r.body())), null);
        assertEquals(200, v.statusCode(), v.body());
        JsonNode report = JSON.readTree(v.body());
        assertEquals("TOTAL_PASSED", report.path("indication").asText(), report.toString());
        List<String> roles = new ArrayList<>();
        report.path("signatures").forEach(sig -> roles.add(sig.path("role").asText()));
        assertEquals(List.of("HOMEROOM_TEACHER", "PRINCIPAL", "SCHOOL_SEAL"), roles, report.toString());
    }

    /** The district sees its school's class issued (read-only), before any correction or revocation. */
    @Test
    @Order(9)
    void districtSeesTheSchoolsProgress() throws Exception {
        JsonNode progress = getJson("/districts/" + DISTRICT + "/progress?year=" + YEAR, "pgd");
        JsonNode school = null;
        for (JsonNode s : progress.path("schools")) if (s.path("schoolCode").asText().equals(SCHOOL)) school = s;
        assertTrue(school != null, progress.toString());
        assertEquals(8, school.path("pupils").asInt(), school.toString());
        assertEquals(8, HocbaApi.issued(school.path("byState")), school.toString());
        assertEquals(1.0, school.path("issuedShare").asDouble(), 1e-9, school.toString());
        HttpResponse<String> r = postJob("pgd", "LOCK", classScope());
        assertEquals(403, r.statusCode(), "a district viewer only reads: " + r.body());
    }

    @Test
    @Order(10)
    void correctedRecordSupersedesTheOldVersion() throws Exception {
        correctedId = recordIds.get(0);
        HttpResponse<String> r = postJson("/records/" + correctedId + "/corrections", "{\"reason\":\"Sai ngày sinh\"}", "ht");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode draft = JSON.readTree(r.body());
        assertEquals(2, draft.path("version").asInt(), r.body());

        String scope = "\"school\":\"" + SCHOOL + "\",\"year\":\"" + YEAR + "\",\"recordIds\":[\"" + correctedId + "\"]";
        assertCompleted(runJob("gv3a", "LOCK", scope), 1);
        assertCompleted(runJob("gv3a", "RENDER", scope), 1);
        assertCompleted(runJob("gv3a", "SIGN", scope), 1);
        assertCompleted(runJob("ht", "SIGN", scope), 1);
        assertCompleted(runJob("qt", "SEAL", scope), 1);
        assertCompleted(runJob("qt", "ISSUE", scope), 1);

        JsonNode old = verify(issuedPdf).path("record");
        assertEquals(1, old.path("version").asInt(), old.toString());
        assertEquals("SUPERSEDED", old.path("state").asText(), old.toString());
        assertTrue(old.path("superseded").asBoolean(), old.toString());
        assertEquals(2, old.path("supersededByVersion").asInt(), old.toString());

        JsonNode current = verify(pdf(correctedId));
        assertEquals("TOTAL_PASSED", current.path("indication").asText(), current.toString());
        assertEquals(2, current.path("record").path("version").asInt(), current.toString());
        HocbaApi.assertIssued(current.path("record").path("state").asText(), current.toString());
    }

    @Test
    @Order(11)
    void revokedRecordVerifiesAsRevoked() throws Exception {
        revokedId = recordIds.get(1);
        byte[] before = pdf(revokedId);
        HttpResponse<String> r = postJson("/records/" + revokedId + "/revocation", "{\"reason\":\"Cấp nhầm\"}", "ht");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        JsonNode record = verify(before).path("record");
        assertEquals("REVOKED", record.path("state").asText(), record.toString());
        assertTrue(record.path("revoked").asBoolean(), record.toString());
        assertEquals("Cấp nhầm", record.path("reason").asText(), record.toString());
    }

    // --- shorthands for this class's steps

    private static String classScope() {
        return HocbaApi.classScope(SCHOOL, YEAR, CLASS);
    }

    private HttpResponse<String> postJob(String user, String kind, String scope) throws Exception {
        return api.postJob(user, kind, scope);
    }

    private JsonNode runJob(String user, String kind, String scope) throws Exception {
        return api.runJob(user, kind, scope);
    }

    private void assertCompleted(JsonNode job, int records) {
        api.assertCompleted(job, records);
    }

    private byte[] pdf(String recordId) throws Exception {
        return api.pdf(recordId, "gv3a");
    }

    private JsonNode verify(byte[] pdf) throws Exception {
        return api.verify(pdf);
    }

    private JsonNode getJson(String path, String user) throws Exception {
        return api.getJson(path, user);
    }

    private HttpResponse<String> postJson(String path, String body, String user) throws Exception {
        return api.postJson(path, body, user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        return api.send(request, user);
    }

    private URI uri(String path) {
        return api.uri(path);
    }

    /**
     * A byte inside the first signature's signed revision: a digit of the page content stream's first
     * "stream" body, which lies before the first /ByteRange's gap.
     */
    private static int signedByte(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int gap = text.indexOf("/Contents <");
        int stream = text.indexOf("stream\n");
        if (stream < 0 || (gap > 0 && stream > gap)) stream = text.indexOf("stream\r\n");
        assertTrue(stream > 0 && (gap < 0 || stream < gap), "a stream before the first signature value");
        return stream + 12;
    }

    private static String sha256(TestPki.Identity identity) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded());
        return java.util.HexFormat.of().formatHex(digest);
    }
}
