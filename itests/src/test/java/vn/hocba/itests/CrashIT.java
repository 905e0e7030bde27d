package vn.hocba.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import vn.hocba.signing.testpki.TestPki;

/**
 * Issue 8: "a crash (kill -9 of the host in a child process) in the middle of a class batch leaves every record
 * either fully at the new state or at the old one". A class of 40 pupils is rendered, then signed by its homeroom
 * teacher; in the middle of each job (0 &lt; done &lt; total) the host is killed with SIGKILL. It is started again
 * with job work switched off, so what the crash left can be read as it is: every record must be at the old state
 * (no PDF; or LOCKED with an unsigned PDF) or at the new one (PDF and XML; or TEACHER_SIGNED with exactly one
 * signature). Then job work is switched on again: the job resumes on the new host and every record ends at the
 * new state, signed exactly once (the signatures counted by PDFBox in each PDF).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {
    private static final String SCHOOL = "HP-AL-TH01";
    private static final String YEAR = "2024-2025";
    private static final String CLASS = "3C";
    private static final int PUPILS = 40;
    private static final String KEY_PASSWORD = "changeit";
    private static final Map<String, String> PASSWORDS = Map.of("gv3c", "gv3c-pw", "qt", "qt-pw");

    private TestPki pki;
    private ChildHost host;
    private HocbaApi api;
    private final List<String> recordIds = new ArrayList<>();

    @BeforeAll
    void startHostWithALockedClassOf40() throws Exception {
        pki = TestPki.start();
        host = ChildHost.create("crash");
        Path anchors = Files.createDirectories(host.home().resolve("trust-anchors"));
        pki.writeRootPem(anchors.resolve("root.pem"));
        host.user("gv3c", PASSWORDS.get("gv3c"), "Trần Văn Cường", "HOMEROOM_TEACHER:" + SCHOOL + ":" + CLASS)
            .user("qt", PASSWORDS.get("qt"), "Quản trị", "SCHOOL_ADMIN:" + SCHOOL)
            .config("vn.hocba.security.basic.cfg", Map.of("maxFailures", "100"))
            .keystore(SCHOOL, "gv3c", pki.teacher(), KEY_PASSWORD)
            .config("vn.hocba.signing.pades.cfg", Map.of(
                    "tsaUrl", pki.tsaUrl(), "trustAnchorsDir", anchors.toAbsolutePath().toString()));
        workJobs(true);
        host.start();
        awaitHost();

        api.importCsv(SCHOOL, "lop-3c.csv", ChildHost.grownSampleClass(CLASS, "Trần Văn Cường", PUPILS), "qt");
        api.classRecords(SCHOOL, YEAR, CLASS, "gv3c").forEach(r -> recordIds.add(r.path("recordId").asText()));
        assertEquals(PUPILS, recordIds.size());
        api.assertCompleted(api.runJob("gv3c", "LOCK", scope()), PUPILS);
    }

    @AfterAll
    void stopHost() throws Exception {
        if (host != null) host.close();
        if (pki != null) pki.close();
    }

    @Test
    @Order(1)
    void killDuringRenderLeavesEachRecordRenderedOrNot() throws Exception {
        String job = api.startJob("gv3c", "RENDER", scope());
        killInTheMiddleOf(job);

        Map<String, Integer> seen = new TreeMap<>();
        for (String id : recordIds) {
            HocbaApi.RecordAndPdf r = api.recordWithPdf(id, "gv3c");
            assertEquals("LOCKED", r.state(), r.record().toString());
            JsonNode artefacts = r.record().path("artefacts");
            if (r.pdf() == null) {
                assertTrue(artefacts.path("xml").isMissingNode(), "a PDF without its XML, or the reverse: " + artefacts);
                seen.merge("not rendered", 1, Integer::sum);
            } else {
                assertTrue(artefacts.has("xml"), "rendered: the PDF and the XML together: " + artefacts);
                assertEquals(0, HocbaApi.signatures(r.pdf()), id);
                seen.merge("rendered", 1, Integer::sum);
            }
        }
        System.out.println("after the kill during RENDER: " + seen);

        resumeAndAwait(job);
        for (String id : recordIds) {
            HocbaApi.RecordAndPdf r = api.recordWithPdf(id, "gv3c");
            assertEquals("LOCKED", r.state(), r.record().toString());
            assertTrue(r.pdf() != null && r.record().path("artefacts").has("xml"), r.record().toString());
            assertEquals(0, HocbaApi.signatures(r.pdf()), id);
        }
    }

    @Test
    @Order(2)
    void killDuringTheTeachersBatchLeavesEachRecordSignedOnceOrNot() throws Exception {
        String job = api.startJob("gv3c", "SIGN", scope());
        killInTheMiddleOf(job);

        Map<String, Integer> seen = new TreeMap<>();
        for (String id : recordIds) {
            HocbaApi.RecordAndPdf r = api.recordWithPdf(id, "gv3c");
            int signatures = HocbaApi.signatures(r.pdf());
            switch (r.state()) {
                case "LOCKED" -> assertEquals(0, signatures,
                        id + " is still LOCKED but its PDF carries " + signatures + " signature(s): half done");
                case "TEACHER_SIGNED" -> assertEquals(1, signatures,
                        id + " is TEACHER_SIGNED with " + signatures + " signature(s)");
                default -> fail(id + " in state " + r.state());
            }
            seen.merge(r.state(), 1, Integer::sum);
        }
        System.out.println("after the kill during SIGN: " + seen);

        resumeAndAwait(job);
        for (String id : recordIds) {
            HocbaApi.RecordAndPdf r = api.recordWithPdf(id, "gv3c");
            assertEquals("TEACHER_SIGNED", r.state(), r.record().toString());
            assertEquals(1, HocbaApi.signatures(r.pdf()), id + " signed exactly once");
        }
        JsonNode report = api.verify(api.pdf(recordIds.get(PUPILS - 1), "gv3c"));
        assertEquals(1, report.path("signatures").size(), report.toString());
        JsonNode signature = report.path("signatures").get(0);
        assertEquals("HOMEROOM_TEACHER", signature.path("role").asText(), report.toString());
        assertTrue(signature.path("cryptographicallyValid").asBoolean(), report.toString());
    }

    // --- the crash and the restart

    /**
     * Polls the job and kills the host (SIGKILL) once some but not all records are done; then starts it again with
     * job work off, so the records stay as the crash left them while the test reads them.
     */
    private void killInTheMiddleOf(String jobId) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode job = api.getJson("/jobs/" + jobId, "gv3c");
            int done = job.path("done").asInt(), total = job.path("total").asInt();
            if (done > 0 && done < total) {
                host.kill();
                System.out.printf("killed the host (-9) at %s %d/%d%n", job.path("kind").asText(), done, total);
                break;
            }
            assertTrue(done < total, "the job ended before the test could kill the host: " + job);
            assertTrue(job.path("failed").asInt() == 0, job.toString());
            if (System.nanoTime() > deadline) fail("the job did not progress: " + job + "\n" + host.tail());
            Thread.sleep(50);
        }
        workJobs(false);
        host.start();
        awaitHost();
    }

    /** Switches job work on again on the running host (FileInstall delivers the change) and awaits the job. */
    private void resumeAndAwait(String jobId) throws Exception {
        workJobs(true);
        JsonNode job = api.awaitJobAcrossReconfiguration(jobId, "gv3c");
        api.assertCompleted(job, PUPILS);
    }

    /**
     * The workflow's settings: small signing batches (several chunks, so a kill lands between them too), a short
     * lease so the restarted host takes the dead host's items over quickly; job work on or off.
     */
    private void workJobs(boolean run) throws Exception {
        host.config("vn.hocba.workflow.cfg", Map.of("signLevel", "B_T", "sealLevel", "B_T", "pollMillis", "200",
                "leaseSeconds", "10", "retrySeconds", "2", "batchSize", "5", "runJobs", Boolean.toString(run)));
    }

    private void awaitHost() throws Exception {
        api = new HocbaApi(host, PASSWORDS).awaitUp().awaitUsers("/schools/" + SCHOOL + "/classes?year=" + YEAR);
    }

    private static String scope() {
        return HocbaApi.classScope(SCHOOL, YEAR, CLASS);
    }
}
