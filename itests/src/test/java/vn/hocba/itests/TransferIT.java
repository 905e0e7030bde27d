package vn.hocba.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hocba.signing.testpki.TestPki;

/**
 * Issue 9's transfer between two hocba installations, over HTTP on the real assembly. Host A (school HP-AL-TH01,
 * its store on the embedded Derby, the folder transport) issues the shared sample class 3A — import, lock, render,
 * the teacher's and the principal's batch signatures, seal, issue, with PKCS#12 keys of the test PKI and its TSA —
 * and its outbox writes one sealed package per pupil into a folder. Host B (school HP-KT-TH02, its store and job
 * tables on a PostgreSQL server this test starts) trusts the test root, verifies a package and a PDF of A (A's three
 * signers in order), refuses a tampered copy with every reason and stores nothing, imports the package, and the
 * pupil's grade 4 at B continues the study history from grade 3 at A (shown by the record's history, and in the
 * record itself once locked).
 *
 * <p>The steps depend on one another and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferIT {
    private static final String SCHOOL_A = "HP-AL-TH01";
    private static final String SCHOOL_B = "HP-KT-TH02";
    private static final String SCHOOL_B_NAME = "Trường Tiểu học Kiến Thụy";
    private static final String YEAR_A = "2024-2025";
    private static final String YEAR_B = "2025-2026";
    private static final String KEY_PASSWORD = "changeit";
    /** The pupil who moves: the first row of the sample class. */
    private static final String PUPIL = "HP-AL-TH0120220001";
    private static final String PUPIL_PERSONAL_ID = "031284860229";
    private static final String DESTINATION = "moet-tieuhoc-1.0@folder";

    private static final Map<String, String> PASSWORDS_A = Map.of("gv3a", "gv3a-pw", "ht", "ht-pw", "qt", "qt-pw");
    private static final Map<String, String> PASSWORDS_B = Map.of("qtb", "qtb-pw", "gv4a", "gv4a-pw");

    private TestPki pki;
    private EmbeddedPostgres postgres;
    private ChildHost hostA;
    private ChildHost hostB;
    private HocbaApi apiA;
    private HocbaApi apiB;
    private Path outgoing;
    private long started;

    // carried from one step to the next
    private String pupilRecordId;
    private byte[] pupilPdf;
    private byte[] pupilPackage;
    private String packageId;

    @BeforeAll
    void startHosts() throws Exception {
        started = System.nanoTime();
        pki = TestPki.start();
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE school_b");
        }

        // --- A: Derby (no store configuration), folder transport, one package per record version
        hostA = ChildHost.create("transfer-a");
        Path anchorsA = Files.createDirectories(hostA.home().resolve("trust-anchors"));
        pki.writeRootPem(anchorsA.resolve("root.pem"));
        outgoing = Files.createDirectories(hostA.home().resolve("outgoing"));
        hostA.user("gv3a", PASSWORDS_A.get("gv3a"), "Phạm Thị Lan", "HOMEROOM_TEACHER:" + SCHOOL_A + ":3A")
                .user("ht", PASSWORDS_A.get("ht"), "Trần Văn Bình", "PRINCIPAL:" + SCHOOL_A)
                .user("qt", PASSWORDS_A.get("qt"), "Quản trị", "SCHOOL_ADMIN:" + SCHOOL_A)
                .config("vn.hocba.security.basic.cfg", Map.of("maxFailures", "100"))
                .keystore(SCHOOL_A, "gv3a", pki.teacher(), KEY_PASSWORD)
                .keystore(SCHOOL_A, "ht", pki.principal(), KEY_PASSWORD)
                .keystore(SCHOOL_A, "seal", pki.seal(), KEY_PASSWORD)
                .config("vn.hocba.signing.pades.cfg", Map.of(
                        "tsaUrl", pki.tsaUrl(), "trustAnchorsDir", anchorsA.toAbsolutePath().toString()))
                .config("vn.hocba.workflow.cfg", Map.of("signLevel", "B_T", "sealLevel", "B_T", "pollMillis", "200",
                        "leaseSeconds", "30", "retrySeconds", "2",
                        "principals", SCHOOL_A + "=Trần Văn Bình|Hiệu trưởng"))
                .config("vn.hocba.export.cfg", Map.of("exporter", "moet-tieuhoc-1.0", "transport", "folder",
                        "batchSize", "1", "workerEnabled", "false"))
                .config("vn.hocba.export.transport.folder.cfg", Map.of("directory", outgoing.toAbsolutePath().toString()));

        // --- B: PostgreSQL for the store and the job tables, trusts the test root for transfers
        hostB = ChildHost.create("transfer-b");
        Path anchorsB = Files.createDirectories(hostB.home().resolve("trust-anchors"));
        pki.writeRootPem(anchorsB.resolve("root.pem"));
        Map<String, String> database = new LinkedHashMap<>();
        database.put("url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/school_b");
        database.put("user", "postgres");
        database.put(".password", "postgres");
        database.put("dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)");
        Map<String, String> jobs = new LinkedHashMap<>(database);
        jobs.putAll(Map.of("pollMillis", "200", "leaseSeconds", "30", "retrySeconds", "2"));
        hostB.user("qtb", PASSWORDS_B.get("qtb"), "Quản trị B", "SCHOOL_ADMIN:" + SCHOOL_B)
                .user("gv4a", PASSWORDS_B.get("gv4a"), "Đỗ Thị Mai", "HOMEROOM_TEACHER:" + SCHOOL_B + ":4A")
                .config("vn.hocba.security.basic.cfg", Map.of("maxFailures", "100"))
                .config("vn.hocba.store.cfg", database)
                .config("vn.hocba.workflow.cfg", jobs)
                .config("vn.hocba.signing.pades.cfg", Map.of("trustAnchorsDir", anchorsB.toAbsolutePath().toString()))
                .config("vn.hocba.export.cfg", Map.of("workerEnabled", "false"))
                .config("vn.hocba.export.transfer.cfg", Map.of(
                        "trustAnchorsDir", anchorsB.toAbsolutePath().toString(),
                        "archiveDirectory", hostB.home().resolve("transfers").toAbsolutePath().toString()));

        hostA.start();
        hostB.start();
        apiA = new HocbaApi(hostA, PASSWORDS_A).awaitUp().awaitUsers("/schools/" + SCHOOL_A + "/classes?year=" + YEAR_A);
        apiB = new HocbaApi(hostB, PASSWORDS_B).awaitUp();
        awaitPostgresStore(apiB);
        apiB.awaitUsers("/schools/" + SCHOOL_B + "/classes?year=" + YEAR_B);
    }

    @AfterAll
    void stopHosts() throws Exception {
        try {
            if (hostA != null) hostA.close();
            if (hostB != null) hostB.close();
            if (postgres != null) postgres.close();
            if (pki != null) pki.close();
        } finally {
            System.out.printf("TransferIT: %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    @Test
    @Order(1)
    void schoolAIssuesTheSampleClass() throws Exception {
        importCsv(apiA, SCHOOL_A, "lop-3a-2024-2025.csv",
                Files.readAllBytes(ChildHost.sharedFixture("lop-3a-2024-2025.csv")), "qt");
        String scope = HocbaApi.classScope(SCHOOL_A, YEAR_A, "3A");
        apiA.assertCompleted(apiA.runJob("gv3a", "LOCK", scope), 8);
        apiA.assertCompleted(apiA.runJob("gv3a", "RENDER", scope), 8);
        apiA.assertCompleted(apiA.runJob("gv3a", "SIGN", scope), 8);
        apiA.assertCompleted(apiA.runJob("ht", "SIGN", scope), 8);
        apiA.assertCompleted(apiA.runJob("qt", "SEAL", scope), 8);
        apiA.assertCompleted(apiA.runJob("qt", "ISSUE", scope), 8);
        for (JsonNode r : classRecords(apiA, SCHOOL_A, YEAR_A, "3A", "gv3a")) {
            assertEquals("ISSUED", r.path("state").asText(), r.toString());
            if (r.path("pupilCode").asText().equals(PUPIL)) pupilRecordId = r.path("recordId").asText();
        }
        assertTrue(pupilRecordId != null, "the pupil " + PUPIL + " is in class 3A");
        pupilPdf = apiA.pdf(pupilRecordId, "gv3a");
    }

    @Test
    @Order(2)
    void schoolAsOutboxWritesOneSealedPackagePerVersionIntoTheFolder() throws Exception {
        // ISSUE queued each version in the outbox already (the worker is off here): queuing the year adds nothing
        JsonNode pending = apiA.getJson("/schools/" + SCHOOL_A + "/exports?status=PENDING", "qt").path("exports");
        assertEquals(8, pending.size(), pending.toString());
        JsonNode queued = ok(apiA.send(post("/schools/" + SCHOOL_A + "/exports/enqueue?year=" + YEAR_A, apiA), "qt"));
        assertEquals(0, queued.path("queued").asInt(), queued.toString());
        assertEquals(DESTINATION, queued.path("destination").asText(), queued.toString());

        JsonNode cycle = show("POST /schools/{A}/exports/deliver",
                ok(apiA.send(post("/schools/" + SCHOOL_A + "/exports/deliver", apiA), "qt")));
        assertEquals(8, cycle.path("recordsDelivered").asInt(), cycle.toString());
        assertEquals(8, cycle.path("packagesDelivered").asInt(), cycle.toString());
        assertEquals(0, cycle.path("packagesFailed").asInt(), cycle.toString());

        JsonNode done = apiA.getJson("/schools/" + SCHOOL_A + "/exports?status=DONE", "qt").path("exports");
        assertEquals(8, done.size(), done.toString());
        JsonNode mine = show("GET /records/{id}/exports at A",
                apiA.getJson("/records/" + pupilRecordId + "/exports", "gv3a")).path("exports");
        assertEquals(1, mine.size(), mine.toString());
        JsonNode state = mine.get(0);
        assertEquals("DONE", state.path("status").asText(), state.toString());
        assertEquals(1, state.path("attempts").asInt(), state.toString());
        packageId = state.path("packageId").asText();
        String file = SCHOOL_A + "_" + packageId + ".zip";
        assertEquals(file, state.path("receiptId").asText(), "the folder transport's receipt names the file");
        try (var files = Files.list(outgoing)) {
            assertEquals(8, files.filter(f -> f.getFileName().toString().endsWith(".zip")).count());
        }
        pupilPackage = Files.readAllBytes(outgoing.resolve(file));
        // dropped in a folder, not acknowledged by a receiver: SENT
        assertEquals("SENT", apiA.getJson("/records/" + pupilRecordId, "gv3a").path("state").asText());
    }

    @Test
    @Order(3)
    void schoolBStartsItsOwnYear() throws Exception {
        // B's own class 4A registers the school at B (its pupils are its own, not the one who moves)
        importCsv(apiB, SCHOOL_B, "lop-4a-2025-2026.csv", classOfB(false), "qtb");
        assertEquals(1, classRecords(apiB, SCHOOL_B, YEAR_B, "4A", "gv4a").size());
        JsonNode health = apiB.getJson("/health", null);
        assertTrue(health.path("providers").path("store").path("dialect").asText().toLowerCase().contains("postgres"),
                health.toString());
    }

    @Test
    @Order(4)
    void schoolBsReportOfThePackageShowsAsSignersInOrder() throws Exception {
        JsonNode report = show("POST /transfers/verify (package) at B", transferVerify(pupilPackage, "application/zip"));
        assertTrue(report.path("accepted").asBoolean(), report.toString());
        assertEquals(packageId, report.path("packageId").asText());
        assertEquals(SCHOOL_A, report.path("sourceSchool").path("code").asText());
        JsonNode seal = report.path("packageSignature");
        assertEquals("SCHOOL_SEAL", seal.path("role").asText(), seal.toString());
        assertEquals(pki.seal().name(), seal.path("signerName").asText(), seal.toString());
        assertTrue(seal.path("passed").asBoolean(), seal.toString());
        assertEquals(1, report.path("records").size(), report.toString());
        JsonNode record = report.path("records").get(0);
        assertEquals(PUPIL_PERSONAL_ID, record.path("personalId").asText());
        assertEquals(YEAR_A, record.path("schoolYear").asText());
        assertSignersInOrder(record, ".xml");
        assertSignersInOrder(record, ".pdf");
    }

    @Test
    @Order(5)
    void schoolBsReportOfATransferredPdfShowsAsSignersInOrder() throws Exception {
        JsonNode report = transferVerify(pupilPdf, "application/pdf");
        assertTrue(report.path("accepted").asBoolean(), report.toString());
        assertEquals(1, report.path("records").size(), report.toString());
        assertSignersInOrder(report.path("records").get(0), ".pdf");
    }

    @Test
    @Order(5)
    void aTransferPackageSchoolABuildsOnDemandVerifiesAtB() throws Exception {
        HttpResponse<byte[]> r = apiA.sendForBytes(HttpRequest.newBuilder(
                apiA.uri("/schools/" + SCHOOL_A + "/exports/packages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"recordIds\":[\"" + pupilRecordId + "\"]}")), "qt");
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        String id = r.headers().firstValue("X-Hocba-Package-Id").orElseThrow();
        JsonNode report = transferVerify(r.body(), "application/zip");
        assertTrue(report.path("accepted").asBoolean(), report.toString());
        assertEquals(id, report.path("packageId").asText());
        assertEquals(List.of(pupilRecordId + "/v1"), texts(report.path("records"), "key"));
    }

    @Test
    @Order(6)
    void aTamperedCopyIsRefusedWithItsReasonsAndNothingIsStored() throws Exception {
        HttpResponse<String> r = importTransfer(tampered(pupilPackage));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = show("POST /schools/{B}/transfers (tampered) 422", HocbaApi.JSON.readTree(r.body()));
        assertEquals("TRANSFER_REFUSED", problem.path("code").asText(), r.body());
        List<String> codes = new ArrayList<>();
        for (JsonNode p : problem.path("problems")) {
            codes.add(p.path("code").asText());
            assertFalse(p.path("messageVi").asText().isBlank(), p.toString());
            assertFalse(p.path("messageEn").asText().isBlank(), p.toString());
        }
        assertTrue(codes.contains("HASH_MISMATCH"), codes.toString());
        assertTrue(problem.path("messageVi").asText().startsWith("Không nhận hồ sơ chuyển trường"), r.body());
        assertFalse(problem.path("report").path("accepted").asBoolean(true), r.body());

        JsonNode held = apiB.getJson("/schools/" + SCHOOL_B + "/pupils/" + PUPIL + "/transfers", "qtb");
        assertTrue(held.path("pupil").isNull(), held.toString());
        assertEquals(0, held.path("records").size(), held.toString());
        assertEquals(0, held.path("history").size(), held.toString());
    }

    @Test
    @Order(7)
    void schoolBImportsThePackage() throws Exception {
        HttpResponse<String> r = importTransfer(pupilPackage);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode result = show("POST /schools/{B}/transfers 201", HocbaApi.JSON.readTree(r.body()));
        assertEquals(PUPIL, result.path("pupilCode").asText(), r.body());
        assertEquals(List.of(pupilRecordId + "/v1"), texts(result.path("imported")));
        assertEquals(List.of(YEAR_A), texts(result.path("history"), "year"));

        JsonNode held = apiB.getJson("/schools/" + SCHOOL_B + "/pupils/" + PUPIL + "/transfers", "qtb");
        assertEquals(PUPIL_PERSONAL_ID, held.path("pupil").path("personalId").asText(), held.toString());
        assertEquals(1, held.path("records").size(), held.toString());
        JsonNode kept = held.path("records").get(0);
        assertEquals(SCHOOL_A, kept.path("schoolCode").asText(), kept.toString());
        assertEquals("3A", kept.path("className").asText(), kept.toString());
        assertEquals(3, kept.path("grade").asInt(), kept.toString());
    }

    @Test
    @Order(8)
    void thePupilsNextYearAtBContinuesTheStudyHistory() throws Exception {
        JsonNode report = importCsv(apiB, SCHOOL_B, "lop-4a-2025-2026.csv", classOfB(true), "qtb");
        String nextYear = null;
        for (JsonNode r : classRecords(apiB, SCHOOL_B, YEAR_B, "4A", "gv4a")) {
            if (r.path("pupilCode").asText().equals(PUPIL)) nextYear = r.path("recordId").asText();
        }
        assertTrue(nextYear != null, "grade 4 of " + PUPIL + " at B: " + report);
        JsonNode history = show("GET /records/{id}/history at B", apiB.getJson("/records/" + nextYear + "/history", "gv4a"));
        assertEquals(List.of(YEAR_A, YEAR_B), texts(history.path("history"), "year"), history.toString());
        assertEquals(List.of(SCHOOL_A, SCHOOL_B), texts(history.path("history"), "schoolCode"), history.toString());
        assertEquals(List.of("3A", "4A"), texts(history.path("history"), "className"), history.toString());
        assertEquals(List.of("transfer", "record"), texts(history.path("history"), "source"), history.toString());
        assertEquals(List.of(pupilRecordId + "/v1"), texts(history.path("transferredRecords")), history.toString());

        // locking freezes the record: its own history (printed in the PDF and the XML) now holds grade 3 at A too
        apiB.assertCompleted(apiB.runJob("gv4a", "LOCK", HocbaApi.classScope(SCHOOL_B, YEAR_B, "4A")), 2);
        JsonNode locked = apiB.getJson("/records/" + nextYear, "gv4a");
        assertEquals("LOCKED", locked.path("state").asText(), locked.toString());
        List<String> years = new ArrayList<>();
        locked.path("history").forEach(h -> years.add(h.path("year").path("startYear").asText()));
        assertEquals(List.of("2024", "2025"), years, locked.path("history").toString());
        assertEquals(List.of(SCHOOL_A, SCHOOL_B), texts(locked.path("history"), "schoolCode"),
                locked.path("history").toString());
    }

    // --- helpers

    private void assertSignersInOrder(JsonNode record, String document) {
        List<String> roles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode s : record.path("signatures")) {
            if (!s.path("document").asText().endsWith(document)) continue;
            assertTrue(s.path("passed").asBoolean(), s.toString());
            roles.add(s.path("role").asText());
            names.add(s.path("signerName").asText());
        }
        assertEquals(List.of("HOMEROOM_TEACHER", "PRINCIPAL", "SCHOOL_SEAL"), roles, document + ": " + record);
        assertEquals(List.of(pki.teacher().name(), pki.principal().name(), pki.seal().name()), names,
                document + ": " + record);
    }

    private JsonNode transferVerify(byte[] content, String type) throws Exception {
        return ok(apiB.send(HttpRequest.newBuilder(apiB.uri("/transfers/verify")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)), "qtb"));
    }

    private HttpResponse<String> importTransfer(byte[] zip) throws Exception {
        return apiB.send(HttpRequest.newBuilder(apiB.uri("/schools/" + SCHOOL_B + "/transfers"))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)), "qtb");
    }

    private static JsonNode importCsv(HocbaApi api, String school, String fileName, byte[] csv, String user)
            throws Exception {
        JsonNode report = ok(api.send(HttpRequest.newBuilder(api.uri("/schools/" + school + "/imports?filename="
                + fileName)).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)), user));
        assertEquals("STORED", report.path("status").asText(), report.toString());
        return report;
    }

    private static JsonNode classRecords(HocbaApi api, String school, String year, String className, String user)
            throws Exception {
        return api.getJson("/schools/" + school + "/classes/" + className + "/records?year=" + year, user)
                .path("records");
    }

    private static HttpRequest.Builder post(String path, HocbaApi api) {
        return HttpRequest.newBuilder(api.uri(path)).POST(HttpRequest.BodyPublishers.noBody());
    }

    /** Prints an answer (shortened) for the reader of the test's output, and returns it. */
    private static JsonNode show(String what, JsonNode answer) {
        String text = answer.toString();
        System.out.println(what + ": " + (text.length() > 1500 ? text.substring(0, 1500) + "…" : text));
        return answer;
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
        return HocbaApi.JSON.readTree(r.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    /** The store switches to PostgreSQL when FileInstall hands it etc/vn.hocba.store.cfg, possibly after UP. */
    private void awaitPostgresStore(HocbaApi api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode store = null;
        while (System.nanoTime() < deadline) {
            store = api.getJson("/health", null).path("providers").path("store");
            if (store.path("dialect").asText().toLowerCase().contains("postgres")) return;
            Thread.sleep(500);
        }
        fail("host B's store is not on PostgreSQL: " + store + "\n" + hostB.tail());
    }

    /** The same package with one byte of the pupil's PDF changed (manifest and seal signature as they were). */
    private static byte[] tampered(byte[] zip) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                byte[] content = in.readAllBytes();
                if (e.getName().endsWith(".pdf")) {
                    content[content.length / 3] ^= 0x01;
                    changed = true;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(content);
                z.closeEntry();
            }
        }
        assertTrue(changed, "the package carries the PDF");
        return out.toByteArray();
    }

    /**
     * Class 4A of school B in 2025-2026, from the sample class's rows: B's own pupil (the second row, with a code and
     * personal id of B) and, when {@code withTransferred}, the pupil who came from A, with the subjects of grade 4.
     */
    private static byte[] classOfB(boolean withTransferred) throws Exception {
        List<List<String>> rows = ChildHost.parseCsv(Files.readString(ChildHost.sharedFixture("lop-3a-2024-2025.csv"),
                StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        StringBuilder out = new StringBuilder(ChildHost.csvLine(header));
        List<List<String>> pupils = new ArrayList<>();
        List<String> own = new ArrayList<>(rows.get(2));
        own.set(header.indexOf("pupil_code"), SCHOOL_B + "20210007");
        own.set(header.indexOf("personal_id"), "031215000777");
        pupils.add(own);
        if (withTransferred) pupils.add(new ArrayList<>(rows.get(1)));
        for (List<String> row : pupils) {
            set(row, header, "school_code", SCHOOL_B);
            set(row, header, "school_name", SCHOOL_B_NAME);
            set(row, header, "school_year", YEAR_B);
            set(row, header, "grade", "4");
            set(row, header, "class_name", "4A");
            set(row, header, "homeroom_teacher", "Đỗ Thị Mai");
            set(row, header, "registration_no", "7/2025");
            set(row, header, "admission_date", "2025-09-05");
            for (String c : List.of("TNXH.level", "TNXH.score", "TNXH.comment", "TNXH.exempt")) set(row, header, c, "");
            for (String subject : List.of("LSDL", "KH")) {
                set(row, header, subject + ".level", "T");
                set(row, header, subject + ".score", "9");
                set(row, header, subject + ".comment", "Nắm vững kiến thức, vận dụng tốt.");
            }
            set(row, header, "result", "");
            out.append(ChildHost.csvLine(row));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void set(List<String> row, List<String> header, String column, String value) {
        int at = header.indexOf(column);
        assertTrue(at >= 0, "column " + column);
        row.set(at, value);
    }
}
