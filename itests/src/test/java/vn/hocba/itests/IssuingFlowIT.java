package vn.hocba.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

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
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.hocba.signing.testpki.TestPki;

/**
 * Issue 8's end-to-end check over HTTP on the real assembly: the standalone host features/app/target/hocba-app.jar
 * runs as a child process with etc/ files written here (Basic users, PKCS#12 keystores from the test PKI, a TSA and
 * trust anchors); the test imports the shared sample class 3A, locks, renders, has the teacher and then the
 * principal sign the class in one batch each, seals, issues, verifies a downloaded PDF, corrects one record and
 * revokes another, and checks the refusals (401, 403, 409 out of order, a tampered PDF).
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
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** user id → password (the hashes in etc/ are computed from these). */
    private static final Map<String, String> PASSWORDS = Map.of(
            "gv3a", "gv3a-pw", "gv3b", "gv3b-pw", "ht", "ht-pw", "qt", "qt-pw");

    private TestPki pki;
    private Path home;
    private Process host;
    private Path hostLog;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // state carried from one step to the next
    private List<String> recordIds = new ArrayList<>();
    private byte[] issuedPdf;
    private String correctedId;
    private String revokedId;

    @BeforeAll
    void startHost() throws Exception {
        pki = TestPki.start();
        home = Files.createTempDirectory("hocba-flow-it");
        Path etc = Files.createDirectories(home.resolve("etc"));
        Path keys = Files.createDirectories(home.resolve("keys"));
        Path anchors = Files.createDirectories(home.resolve("trust-anchors"));
        pki.writeRootPem(anchors.resolve("root.pem"));

        user(etc, "gv3a", "Phạm Thị Lan", "HOMEROOM_TEACHER:" + SCHOOL + ":3A");
        user(etc, "gv3b", "Lê Văn Minh", "HOMEROOM_TEACHER:" + SCHOOL + ":3B");
        user(etc, "ht", "Nguyễn Văn Hùng", "PRINCIPAL:" + SCHOOL);
        user(etc, "qt", "Quản trị", "SCHOOL_ADMIN:" + SCHOOL);
        // awaitUsers() probes each user until FileInstall has delivered it: no lock-out after 5 probes meanwhile
        write(etc.resolve("vn.hocba.security.basic.cfg"), "maxFailures=100\n");
        keystore(etc, keys, "gv3a", pki.teacher());
        keystore(etc, keys, "ht", pki.principal());
        keystore(etc, keys, "seal", pki.seal());
        write(etc.resolve("vn.hocba.signing.pades.cfg"),
                "tsaUrl=" + pki.tsaUrl() + "\ntrustAnchorsDir=" + anchors.toAbsolutePath() + "\n");
        // B_T: the test PKI's TSA stamps the personal signatures and the seal (no revocation data embedded)
        write(etc.resolve("vn.hocba.workflow.cfg"),
                "signLevel=B_T\nsealLevel=B_T\npollMillis=200\nleaseSeconds=30\nretrySeconds=2\n");

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/hocba/api/v1";
        Path jar = Path.of(System.getProperty("hocba.app.jar",
                Path.of("..", "features", "app", "target", "hocba-app.jar").toString())).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "the assembly is built: " + jar);
        Path data = home.resolve("data");
        hostLog = home.resolve("host.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        host = new ProcessBuilder(java, "-Xmx1g", "-Dgosh.args=--nointeractive",
                "-Dorg.osgi.service.http.port=" + port,
                "-Dfelix.fileinstall.dir=" + etc.toAbsolutePath(),
                "-Dhocba.data.dir=" + data.toAbsolutePath(),
                "-Dderby.system.home=" + data.resolve("derby").toAbsolutePath(),
                "-jar", jar.toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(hostLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        long booting = System.nanoTime();
        awaitHealthy();
        awaitUsers();
        System.out.printf("host UP in %d ms%n", Duration.ofNanos(System.nanoTime() - booting).toMillis());
    }

    @AfterAll
    void stopHost() throws Exception {
        if (host != null) {
            host.destroy();
            if (!host.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                host.destroyForcibly().waitFor();
            }
        }
        if (pki != null) pki.close();
        if (hostLog != null && Files.exists(hostLog) && Files.isDirectory(Path.of("target"))) {
            Files.copy(hostLog, Path.of("target", "issuing-flow-host.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
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
        byte[] csv = Files.readAllBytes(sharedFixture("lop-3a-2024-2025.csv"));
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
        records.forEach(rec -> assertEquals("ISSUED", rec.path("state").asText(), rec.toString()));
    }

    @Test
    @Order(8)
    void issuedPdfVerifiesWithThreeSignersInOrder() throws Exception {
        issuedPdf = pdf(recordIds.get(0));
        JsonNode report = verify(issuedPdf);
        assertEquals("TOTAL_PASSED", report.path("indication").asText(), report.toString());
        List<String> roles = new ArrayList<>();
        report.path("signatures").forEach(s -> roles.add(s.path("role").asText()));
        assertEquals(List.of("HOMEROOM_TEACHER", "PRINCIPAL", "SCHOOL_SEAL"), roles, report.toString());
        // by the keys written to etc/, each valid and time-stamped by the test PKI's TSA (level B_T)
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
        assertTrue(pki.tsaRequests() >= 3, "the TSA was asked: " + pki.tsaRequests());
        JsonNode record = report.path("record");
        assertEquals(recordIds.get(0), record.path("recordId").asText(), report.toString());
        assertEquals("ISSUED", record.path("state").asText(), report.toString());
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
        boolean broken = false;
        for (JsonNode s : report.path("signatures")) broken |= !s.path("cryptographicallyValid").asBoolean(true);
        assertTrue(broken, "a signature's digest no longer matches: " + report);
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
        assertEquals("ISSUED", current.path("record").path("state").asText(), current.toString());
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

    // --- jobs

    private static String classScope() {
        return "\"school\":\"" + SCHOOL + "\",\"year\":\"" + YEAR + "\",\"className\":\"" + CLASS + "\"";
    }

    private HttpResponse<String> postJob(String user, String kind, String scope) throws Exception {
        return postJson("/jobs", "{\"kind\":\"" + kind + "\"," + scope + "}", user);
    }

    /** Starts a job and polls it until it is finished. */
    private JsonNode runJob(String user, String kind, String scope) throws Exception {
        HttpResponse<String> r = postJob(user, kind, scope);
        // 503 UNAVAILABLE: a service or credential is not there yet (FileInstall delivers etc/ after UP) - try again
        for (int attempt = 0; r.statusCode() == 503 && attempt < 60; attempt++) {
            Thread.sleep(1000);
            r = postJob(user, kind, scope);
        }
        assertEquals(202, r.statusCode(), kind + ": " + r.body());
        String id = JSON.readTree(r.body()).path("id").asText();
        long started = System.nanoTime();
        long deadline = started + JOB_TIMEOUT.toNanos();
        while (true) {
            JsonNode job = getJson("/jobs/" + id, user);
            String status = job.path("status").asText();
            if (status.startsWith("COMPLETED") || status.equals("CANCELLED")) {
                System.out.printf("%s %s by %s: %s in %d ms%n", kind, scope, user, status,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return job;
            }
            if (System.nanoTime() > deadline) fail(kind + " did not finish: " + job + "\n" + tail());
            Thread.sleep(250);
        }
    }

    private void assertCompleted(JsonNode job, int records) throws IOException {
        assertEquals("COMPLETED", job.path("status").asText(), job + "\n" + tail());
        assertEquals(records, job.path("total").asInt(), job.toString());
        assertEquals(records, job.path("done").asInt(), job.toString());
        assertEquals(0, job.path("failed").asInt(), job.toString());
    }

    // --- records and verification

    private byte[] pdf(String recordId) throws Exception {
        HttpResponse<byte[]> r = http.send(authorized(HttpRequest.newBuilder(uri("/records/" + recordId + "/pdf")).GET(), "gv3a")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertTrue(new String(r.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        return r.body();
    }

    private JsonNode verify(byte[] pdf) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/verify")).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)), null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
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

    // --- HTTP

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private JsonNode getJson(String path, String user) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET(), user);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> postJson(String path, String body, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        request.timeout(Duration.ofSeconds(60));
        return http.send(user == null ? request.build() : authorized(request, user).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
        String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORDS.get(user)).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + token);
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!host.isAlive()) fail("the host exited with " + host.exitValue() + "\n" + tail());
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/health")).GET(), null);
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && JSON.readTree(r.body()).path("status").asText().equals("UP")) return;
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        fail("the host is not UP after 90 s: " + last + "\n" + tail());
    }

    /**
     * UP says the services are there, not that FileInstall has handed every etc/ file to ConfigAdmin yet: wait
     * until each user is known (any answer but 401).
     */
    private void awaitUsers() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String user : PASSWORDS.keySet()) {
            while (true) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/schools/" + SCHOOL + "/classes?year=" + YEAR)).GET(), user);
                if (r.statusCode() != 401) break;
                if (System.nanoTime() > deadline) fail(user + " is still unknown: " + r.body() + "\n" + tail());
                Thread.sleep(1000);
            }
        }
    }

    /** The end of the host's log, for failure messages. */
    private String tail() throws IOException {
        if (hostLog == null || !Files.exists(hostLog)) return "";
        List<String> lines = Files.readAllLines(hostLog, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    // --- etc/

    /** The shared fixtures folder: shared/ beside the clone (walking up from the working directory). */
    private static Path sharedFixture(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures").resolve(name);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("shared/fixtures/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    private static void user(Path etc, String id, String name, String grants) throws Exception {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("user", id);
        props.put("name", name);
        props.put("password", pbkdf2(PASSWORDS.get(id)));
        props.put("grants", grants);
        writeProperties(etc.resolve("vn.hocba.security.basic.user-" + id + ".cfg"), props);
    }

    private void keystore(Path etc, Path keys, String signerId, TestPki.Identity identity) throws Exception {
        Path p12 = TestPki.writePkcs12(keys.resolve(signerId + ".p12"), KEY_PASSWORD.toCharArray(), Map.of(signerId, identity));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("path", p12.toAbsolutePath().toString());
        props.put("password", KEY_PASSWORD);
        props.put("schoolCode", SCHOOL);
        props.put("signerId", signerId);
        writeProperties(etc.resolve("vn.hocba.signing.pkcs12.keystore-" + signerId + ".cfg"), props);
    }

    /** The hash format of vn.hocba.security.basic: pbkdf2-sha256$iterations$salt$hash, Base64 without padding. */
    private static String pbkdf2(String password) throws Exception {
        int iterations = 10_000; // enough for a test host, quick to check
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** A .cfg file as Felix FileInstall reads it: key=value lines, UTF-8 (NFC text as written here). */
    private static void writeProperties(Path file, Map<String, String> props) throws IOException {
        StringBuilder b = new StringBuilder();
        props.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        write(file, b.toString());
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8); // before the host starts: FileInstall reads whole files
    }
}
