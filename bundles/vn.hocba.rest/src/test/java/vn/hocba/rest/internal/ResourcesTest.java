package vn.hocba.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import vn.hocba.model.RecordState;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.SignatureVerifier;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.WorkflowException;

/** The resources as plain objects: authentication, request parsing, JSON answers and problems. */
class ResourcesTest {

    final TestRest.Audit audit = new TestRest.Audit();
    final Authenticator auth = TestRest.authenticator(audit, 3, 1000);
    final RecordingWorkflow workflow = new RecordingWorkflow();

    static Map<String, Object> problem(Throwable t) {
        Response r = Problems.response(t, "/hocba/api/v1/x");
        assertTrue(r.getMediaType().toString().startsWith("application/problem+json"), r.getMediaType().toString());
        Map<String, Object> p = TestRest.json(r.getEntity());
        assertEquals((long) r.getStatus(), p.get("status"));
        return p;
    }

    @Test
    void anAnonymousCallGets401WithTheChallengeAndIsAuditedInTheSchoolNamed() {
        SchoolResource schools = new SchoolResource(workflow, auth);
        ApiException e = assertThrows(ApiException.class, () -> schools.classes("S1", "2024-2025", Http.anonymous()));
        assertEquals(401, e.status);
        Response r = Problems.response(e, null);
        assertEquals("Basic realm=\"hocba\"", r.getHeaderString("WWW-Authenticate"));
        Map<String, Object> p = problem(e);
        assertEquals("UNAUTHENTICATED", p.get("code"));
        assertEquals("Cần đăng nhập để dùng chức năng này", p.get("messageVi"));
        assertEquals("Authentication is required", p.get("messageEn"));
        assertEquals(1, audit.events.size());
        assertEquals("access.refused", audit.events.get(0).action());
        assertTrue(audit.events.get(0).actor().startsWith("anonymous from 10.0.0.2"));

        ApiException wrong = assertThrows(ApiException.class,
                () -> schools.classes("S1", "2024-2025", Http.as("gv3a", "nope")));
        assertEquals("Wrong password", wrong.getMessage());
        assertEquals(2, audit.events.size());
        assertThrows(ApiException.class, () -> new JobResource(workflow, auth).job("J1", Http.anonymous()));
        assertEquals(2, audit.events.size(), "no school named: written to the audit log instead");
        assertNull(workflow.lastCaller, "nothing reached the workflow");
    }

    @Test
    void anUnknownResolverAnswers503() {
        Authenticator none = new Authenticator(TestRest.config("vnedu", 3, 1000));
        assertEquals(503, assertThrows(ApiException.class,
                () -> none.require(new ServletRequestView(Http.anonymous()), "S1")).status);
    }

    @Test
    void classesAndRecordsAreJsonAndAForbiddenClassIsAProblem() {
        SchoolResource schools = new SchoolResource(workflow, auth);
        Map<String, Object> classes = TestRest.json(schools.classes("S1", "2024-2025", Http.as("gv3a", "pw"))
                .getEntity());
        assertEquals("gv3a", workflow.lastCaller.userId());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) classes.get("classes")).get(0);
        assertEquals("3A", first.get("className"));
        assertEquals(Map.of("LOCKED", 2L), first.get("byState"));

        Map<String, Object> records = TestRest.json(schools.records("S1", "3A", "2024-2025", "locked",
                Http.as("gv3a", "pw")).getEntity());
        assertEquals(RecordState.LOCKED, workflow.lastState);
        Map<?, ?> r = (Map<?, ?>) ((List<?>) records.get("records")).get(0);
        assertEquals("Trần Hữu Ánh", r.get("fullName"));
        assertEquals("HTT", r.get("result"));

        assertEquals(400, assertThrows(ApiException.class, () -> schools.records("S1", "3A", "2024-2025", "LOST",
                Http.as("gv3a", "pw"))).status);
        assertEquals(400, assertThrows(ApiException.class, () -> schools.classes("S1", null,
                Http.as("gv3a", "pw"))).status);
        WorkflowException forbidden = assertThrows(WorkflowException.class,
                () -> schools.records("S1", "3B", "2024-2025", null, Http.as("gv3a", "pw")));
        Map<String, Object> p = problem(forbidden);
        assertEquals(403L, p.get("status"));
        assertEquals("FORBIDDEN", p.get("code"));
        assertEquals("Bạn không được xem lớp 3B", p.get("messageVi"));
    }

    @Test
    void aJobRequestIsReadFromJsonAndThePinIsPassedOnButNotEchoed() {
        JobResource jobs = new JobResource(workflow, auth);
        Response r = jobs.submit("{\"kind\":\"sign\",\"school\":\"S1\",\"year\":\"2024-2025\",\"className\":\"3A\","
                + "\"signAs\":\"HOMEROOM_TEACHER\",\"pin\":\"123456\"}", Http.as("gv3a", "pw"));
        assertEquals(202, r.getStatus());
        assertEquals("/hocba/api/v1/jobs/J1", r.getLocation().toString());
        assertEquals(JobKind.SIGN, workflow.lastRequest.kind());
        assertEquals("3A", workflow.lastRequest.className());
        assertEquals(Authorisation.pin("123456".toCharArray()), workflow.lastRequest.authorisation());
        Map<String, Object> job = TestRest.json(r.getEntity());
        assertEquals(0.5, job.get("progress"));
        assertTrue(!((String) r.getEntity()).contains("123456"));

        jobs.submit("{\"kind\":\"LOCK\",\"school\":\"S1\",\"year\":\"2024-2025\",\"recordIds\":[\"R1\",\"R2\"]}",
                Http.as("gv3a", "pw"));
        assertEquals(List.of("R1", "R2"), workflow.lastRequest.recordIds());
        for (String bad : List.of("{", "[1]", "{\"kind\":\"DANCE\",\"school\":\"S1\",\"year\":\"2024-2025\"}",
                "{\"kind\":\"LOCK\",\"school\":\"S1\"}", "{\"kind\":\"LOCK\",\"school\":\"S1\",\"year\":\"2024-2025\","
                        + "\"recordIds\":\"R1\"}")) {
            assertEquals(400, assertThrows(ApiException.class, () -> jobs.submit(bad, Http.as("gv3a", "pw"))).status,
                    bad);
        }
    }

    @Test
    void artefactsAreServedAsFilesAndAMissingOneIsA404Problem() {
        RecordResource records = new RecordResource(workflow, auth);
        Response pdf = records.pdf("R1", Http.as("gv3a", "pw"));
        assertEquals("application/pdf", pdf.getMediaType().toString());
        assertArrayEquals("%PDF-1.7".getBytes(), (byte[]) pdf.getEntity());
        assertTrue(pdf.getHeaderString("Content-Disposition").contains("hocba-R1.pdf"));
        assertEquals(404, assertThrows(ApiException.class, () -> records.xml("R9", Http.as("gv3a", "pw"))).status);
        WorkflowException noReason = assertThrows(WorkflowException.class,
                () -> records.correct("R1", "{\"reason\":\"\"}", Http.as("gv3a", "pw")));
        assertEquals(400L, problem(noReason).get("status"));
        assertEquals(409L, problem(assertThrows(WorkflowException.class,
                () -> records.reopen("R1", "{\"reason\":\"x\"}", Http.as("gv3a", "pw")))).get("status"));
    }

    @Test
    void unknownPathsAndCrashesAreProblemsToo() {
        Map<String, Object> notFound = problem(new NotFoundException());
        assertEquals(404L, notFound.get("status"));
        assertEquals("Không có tài nguyên này", notFound.get("messageVi"));
        Map<String, Object> crash = problem(new IllegalStateException("secret detail"));
        assertEquals(500L, crash.get("status"));
        assertTrue(!Json.write(crash).contains("secret detail"), "internals are not shown to callers");
        assertEquals(409L, problem(new WorkflowException(RefusalCode.MISSING_PERSONAL_ID, "Thiếu mã định danh",
                "No personal id")).get("status"));
    }

    @Test
    void verificationIsOpenToAnyoneButRateLimitedAndBounded() throws Exception {
        VerifyResource verify = new VerifyResource(auth);
        assertEquals(503, assertThrows(ApiException.class,
                () -> verify.verify(new ByteArrayInputStream(new byte[] { 1 }), Http.anonymous())).status);
        verify.setVerifier(new SignatureVerifier() {
            @Override
            public VerificationReport verify(byte[] document) {
                return new VerificationReport(DocumentFormat.PDF, "ab", "2025-05-20T08:00:00Z",
                        VerificationReport.Indication.TOTAL_PASSED, List.of(), null, List.of());
            }

            @Override
            public String toJson(VerificationReport report) {
                return "{\"indication\":\"" + report.indication() + "\"}";
            }
        });
        Response ok = verify.verify(new ByteArrayInputStream("%PDF".getBytes()), Http.anonymous());
        assertEquals("{\"indication\":\"TOTAL_PASSED\"}", ok.getEntity());
        assertEquals(413, assertThrows(ApiException.class,
                () -> verify.verify(new ByteArrayInputStream(new byte[2000]), Http.anonymous())).status);
        ApiException tooMany = assertThrows(ApiException.class,
                () -> verify.verify(new ByteArrayInputStream("%PDF".getBytes()), Http.anonymous()));
        assertEquals(429, tooMany.status, "3 a minute: the 4th is refused");
        assertEquals("60", Problems.response(tooMany, null).getHeaderString("Retry-After"));
        assertInstanceOf(Response.class, verify.verify(new ByteArrayInputStream("%PDF".getBytes()),
                Http.request("POST", "/hocba/api/v1/verify", "10.9.9.9", Map.of())), "other clients are not limited");
    }

    @Test
    void theDistrictProgressIsJson() {
        Map<String, Object> m = TestRest.json(new DistrictResource(workflow, auth).progress("HP-AL", "2024-2025",
                Http.as("gv3a", "pw")).getEntity());
        Map<?, ?> s = (Map<?, ?>) ((List<?>) m.get("schools")).get(0);
        assertEquals(0.5, s.get("issuedShare"));
        assertEquals(Map.of("ISSUED", 15L), s.get("byState"));
    }
}
