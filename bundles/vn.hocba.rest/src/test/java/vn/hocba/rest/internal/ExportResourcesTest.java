package vn.hocba.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import vn.hocba.export.ExportException;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.YearAssessment;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.RecordRef;
import vn.hocba.store.StoredAssessment;
import vn.hocba.store.StoredPupil;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.workflow.WorkflowException;

/** The export and transfer resources as plain objects: who may call them, what they answer, their problems. */
class ExportResourcesTest {

    final TestRest.Audit audit = new TestRest.Audit();
    final Authenticator auth = TestRest.authenticator(audit, 3, 1000);
    final RecordingWorkflow workflow = new RecordingWorkflow();
    final RecordingExport export = new RecordingExport();
    final SchoolRepository schools = new Schools();
    final ExportResource exports = new ExportResource(export, workflow, schools, auth);
    final Pupils pupils = new Pupils();
    final TransferResource transfers = new TransferResource(export, workflow, schools, pupils, auth);

    /** S1 knows pupil HS021 (transferred in). */
    static final class Pupils implements PupilRepository {
        @Override
        public StoredPupil savePupil(SchoolScope scope, PupilIdentity pupil, long expectedRevision) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredPupil> pupil(SchoolScope scope, String pupilCode) {
            return scope.schoolCode().equals("S1") && pupilCode.equals("HS021")
                    ? Optional.of(new StoredPupil(RecordingWorkflow.r4(1).record().pupil(), 1))
                    : Optional.empty();
        }

        @Override
        public List<StoredPupil> pupils(SchoolScope scope) {
            return pupil(scope, "HS021").stream().toList();
        }

        @Override
        public StoredAssessment saveAssessment(SchoolScope scope, SchoolYear year, String className,
                String pupilCode, YearAssessment assessment, long expectedRevision) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredAssessment> assessment(SchoolScope scope, SchoolYear year, String pupilCode) {
            return Optional.empty();
        }

        @Override
        public List<StoredAssessment> assessmentsOfClass(SchoolScope scope, SchoolYear year, String className) {
            return List.of();
        }
    }

    /** S1 is in district HP-AL, S2 in HP-KT. */
    static final class Schools implements SchoolRepository {
        @Override
        public School saveSchool(School school) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<School> schools() {
            return List.of(new School("S1", "Trường Tiểu học An Lão", "HP-AL", "HP"),
                    new School("S2", "Trường Tiểu học Kiến Thụy", "HP-KT", "HP"));
        }

        @Override
        public Optional<School> school(SchoolScope scope) {
            return schools().stream().filter(s -> s.code().equals(scope.schoolCode())).findFirst();
        }

        @Override
        public SchoolClass saveClass(SchoolScope scope, SchoolClass schoolClass) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SchoolClass> classes(SchoolScope scope, SchoolYear year) {
            return List.of();
        }

        @Override
        public Optional<SchoolClass> schoolClass(SchoolScope scope, SchoolYear year, String className) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theSchoolsExportStatesShowPackageAttemptsReceiptAndLastError() {
        Map<String, Object> all = TestRest.json(exports.exports("S1", null, Http.as("qt", "pw")).getEntity());
        assertEquals(RecordingExport.DESTINATION, all.get("destination"));
        List<Map<String, Object>> states = list(all.get("exports"));
        assertEquals(2, states.size());
        Map<String, Object> done = states.get(0);
        assertEquals("R4", done.get("recordId"));
        assertEquals(1L, done.get("version"));
        assertEquals("DONE", done.get("status"));
        assertEquals("P-1", done.get("packageId"));
        assertEquals("S1_P-1.zip", done.get("receiptId"));
        assertEquals(true, done.get("duplicate"));
        assertEquals("", done.get("lastError"));
        assertEquals("2026-05-20T08:00:00Z", done.get("updatedAt"));

        List<Map<String, Object>> failed = list(TestRest.json(exports.exports("S1", "failed", Http.as("qt", "pw"))
                .getEntity()).get("exports"));
        assertEquals(1, failed.size());
        assertEquals(2L, failed.get(0).get("attempts"));
        assertEquals("", failed.get(0).get("receiptId"));
        assertTrue(((String) failed.get(0).get("lastError")).startsWith("refused: schema not accepted"));
        assertEquals(400, assertThrows(ApiException.class, () -> exports.exports("S1", "LOST", Http.as("qt", "pw")))
                .status);
    }

    @Test
    void aDistrictViewerReadsTheirSchoolsStatesOnlyAndRunsNothing() {
        assertEquals(2, list(TestRest.json(exports.exports("S1", null, Http.as("pgd", "pw")).getEntity())
                .get("exports")).size());
        ApiException other = assertThrows(ApiException.class, () -> exports.exports("S2", null, Http.as("pgd", "pw")));
        assertEquals(403, other.status);
        assertEquals("Bạn không được xem tình trạng gửi học bạ của trường S2", other.messageVi);
        ApiException deliver = assertThrows(ApiException.class, () -> exports.deliver("S1", Http.as("pgd", "pw")));
        assertEquals(403, deliver.status);
        assertEquals(0, export.delivered);
        assertEquals(403, assertThrows(ApiException.class, () -> exports.requeue("S1", "{\"allFailed\":true}",
                Http.as("gv3a", "pw"))).status, "a teacher runs no export");
        assertEquals(403, assertThrows(ApiException.class, () -> exports.deliver("S1", Http.as("qt2", "pw"))).status,
                "another school's administrator neither");
        assertTrue(audit.events.stream().allMatch(e -> e.action().equals("access.refused")));
        assertEquals(4, audit.events.size(), "every refusal is in the school's audit trail");
        assertEquals(401, assertThrows(ApiException.class, () -> exports.exports("S1", null, Http.anonymous())).status);
    }

    @Test
    void aRecordsExportStatesCoverEveryVersion() {
        Map<String, Object> m = TestRest.json(exports.recordExports("R4", Http.as("gv3a", "pw")).getEntity());
        assertEquals("S1", m.get("school"));
        assertEquals(List.of(1L, 2L), list(m.get("exports")).stream().map(e -> e.get("version")).toList());
        assertEquals(404L, ResourcesTest.problem(assertThrows(WorkflowException.class,
                () -> exports.recordExports("R9", Http.as("gv3a", "pw")))).get("status"));
    }

    @Test
    void enqueueQueuesASchoolYearsIssuedVersions() {
        Map<String, Object> m = TestRest.json(exports.enqueue("S1", "2024-2025", Http.as("qt", "pw")).getEntity());
        assertEquals(8L, m.get("queued"));
        assertEquals(new SchoolYear(2024), export.enqueuedYear);
        assertEquals(400, assertThrows(ApiException.class, () -> exports.enqueue("S1", "2024", Http.as("qt", "pw")))
                .status);
        assertEquals(400, assertThrows(ApiException.class, () -> exports.enqueue("S1", null, Http.as("qt", "pw")))
                .status);
        assertEquals(403, assertThrows(ApiException.class, () -> exports.enqueue("S1", "2024-2025",
                Http.as("pgd", "pw"))).status);
    }

    @Test
    void deliverRunsTheOutboxAndRequeueTakesRecordIdsOrAllFailed() {
        Map<String, Object> d = TestRest.json(exports.deliver("S1", Http.as("qt", "pw")).getEntity());
        assertEquals(1, export.delivered);
        assertEquals(3L, d.get("recordsDelivered"));
        assertEquals(1L, d.get("packagesFailed"));
        assertEquals(List.of("P-2: receiver unavailable (503)"), d.get("messages"));

        Map<String, Object> byId = TestRest.json(exports.requeue("S1", "{\"recordIds\":[\"R4\"]}",
                Http.as("qt", "pw")).getEntity());
        assertEquals(1L, byId.get("requeued"));
        assertEquals(List.of(new RecordRef("R4", 1), new RecordRef("R4", 2)), export.requeued);
        assertEquals(1L, TestRest.json(exports.requeue("S1", "{\"allFailed\":true}", Http.as("qt", "pw"))
                .getEntity()).get("requeued"));
        for (String bad : List.of("", "{}", "{\"recordIds\":[\"R4\"],\"allFailed\":true}", "{\"recordIds\":\"R4\"}")) {
            assertEquals(400, assertThrows(ApiException.class, () -> exports.requeue("S1", bad, Http.as("qt", "pw")))
                    .status, bad);
        }
        assertEquals(404, assertThrows(ApiException.class, () -> exports.requeue("S2", "{\"recordIds\":[\"R4\"]}",
                Http.as("qt2", "pw"))).status, "R4 is S1's");
    }

    @Test
    void aPackageOfTheIssuedVersionsIsAnsweredAsTheZip() throws Exception {
        Response r = exports.buildPackage("S1", "{\"recordIds\":[\"R4\"]}", Http.as("qt", "pw"));
        assertEquals(200, r.getStatus());
        assertEquals("application/zip", r.getMediaType().toString());
        assertEquals("PK", new String((byte[]) r.getEntity(), 0, 2));
        assertEquals("P-7", r.getHeaderString("X-Hocba-Package-Id"));
        assertTrue(r.getHeaderString("Content-Disposition").contains("S1_P-7.zip"));
        assertEquals(List.of(new RecordRef("R4", 2)), export.packed, "the issued version, not the superseded one");
        assertEquals(400, assertThrows(ApiException.class, () -> exports.buildPackage("S1", "{}",
                Http.as("qt", "pw"))).status);
        assertEquals(403, assertThrows(ApiException.class, () -> exports.buildPackage("S1",
                "{\"recordIds\":[\"R4\"]}", Http.as("gv3a", "pw"))).status);
        assertEquals(404, assertThrows(ApiException.class, () -> exports.buildPackage("S2",
                "{\"recordIds\":[\"R4\"]}", Http.as("qt2", "pw"))).status);
    }

    @Test
    void verifyingATransferStoresNothingAndShowsTheSignersInOrder() throws Exception {
        Map<String, Object> report = TestRest.json(transfers.verify(bytes("PK\u0003\u0004"), Http.as("qt", "pw"))
                .getEntity());
        assertEquals(true, report.get("accepted"));
        assertEquals("HP-AL-TH01", map(report.get("sourceSchool")).get("code"));
        assertEquals("Trường Tiểu học An Lão", map(report.get("packageSignature")).get("signerName"));
        List<Map<String, Object>> signatures = list(list(report.get("records")).get(0).get("signatures"));
        assertEquals(List.of("HOMEROOM_TEACHER", "PRINCIPAL", "SCHOOL_SEAL"),
                signatures.stream().map(s -> s.get("role")).toList());
        assertEquals(0, export.imports);
        assertEquals(false, TestRest.json(transfers.verify(bytes("<x/>"), Http.as("qt", "pw")).getEntity())
                .get("accepted"));
        assertEquals(400, assertThrows(ApiException.class, () -> transfers.verify(bytes(""), Http.as("qt", "pw")))
                .status);
        assertEquals(403, assertThrows(ApiException.class, () -> transfers.verify(bytes("PK"), Http.as("gv3a", "pw")))
                .status);
        assertEquals(403, assertThrows(ApiException.class, () -> transfers.verify(bytes("PK"), Http.as("pgd", "pw")))
                .status);
    }

    @Test
    void anImportAnswers201WithWhatWasStored() throws Exception {
        Response r = transfers.importTransfer("S1", "HS-B-07", bytes("PK\u0003\u0004"), Http.as("qt", "pw"));
        assertEquals(201, r.getStatus());
        Map<String, Object> m = TestRest.json(r.getEntity());
        assertEquals("HS-B-07", m.get("pupilCode"));
        assertEquals("HS-B-07", export.lastPupilCode);
        assertEquals(List.of("A-1/v1"), m.get("imported"));
        Map<String, Object> year = list(m.get("history")).get(0);
        assertEquals("2024-2025", year.get("year"));
        assertEquals("HP-AL-TH01", year.get("schoolCode"));
        assertEquals(403, assertThrows(ApiException.class, () -> transfers.importTransfer("S2", null, bytes("PK"),
                Http.as("qt", "pw"))).status);
        assertEquals(1, export.imports);
    }

    @Test
    void aRefusedImportIs422ListingEveryReasonInBothLanguages() throws Exception {
        Response r = transfers.importTransfer("S1", null, bytes("tampered"), Http.as("qt", "pw"));
        assertEquals(422, r.getStatus());
        assertTrue(r.getMediaType().toString().startsWith("application/problem+json"));
        Map<String, Object> p = TestRest.json(r.getEntity());
        assertEquals("TRANSFER_REFUSED", p.get("code"));
        assertEquals("Unprocessable Entity", p.get("title"));
        assertEquals(422L, p.get("status"));
        assertTrue(((String) p.get("messageVi")).startsWith("Không nhận hồ sơ chuyển trường: Tệp records/A-1-v1.pdf"));
        assertTrue(((String) p.get("messageEn")).contains("The PDF's signature is not valid"));
        List<Map<String, Object>> problems = list(p.get("problems"));
        assertEquals(List.of("HASH_MISMATCH", "SIGNATURE_INVALID"), problems.stream().map(x -> x.get("code")).toList());
        assertEquals("Chữ ký số của PDF không hợp lệ", problems.get(1).get("messageVi"));
        assertEquals(false, map(p.get("report")).get("accepted"));
        assertEquals(0, export.imports, "nothing stored");
    }

    @Test
    void anExportFailureIsAProblemInBothLanguages() {
        Map<String, Object> p = ResourcesTest.problem(new ExportException("Chưa có khoá của con dấu",
                "No seal key"));
        assertEquals(422L, p.get("status"));
        assertEquals("EXPORT_FAILED", p.get("code"));
        assertEquals("Chưa có khoá của con dấu", p.get("messageVi"));
    }

    @Test
    void aPupilsTransfersShowTheStoredIdentityRecordsAndHistory() {
        Map<String, Object> m = TestRest.json(transfers.pupilTransfers("S1", "HS021", Http.as("qt", "pw"))
                .getEntity());
        assertEquals("001215000021", map(m.get("pupil")).get("personalId"));
        assertEquals("2016-03-02", map(m.get("pupil")).get("dateOfBirth"));
        assertEquals("2024-2025", list(m.get("history")).get(0).get("year"));
        Map<String, Object> none = TestRest.json(transfers.pupilTransfers("S1", "HS999", Http.as("qt", "pw"))
                .getEntity());
        assertEquals(null, none.get("pupil"));
        assertEquals(List.of(), none.get("records"));
        assertEquals(List.of(), none.get("history"));
        assertEquals(403, assertThrows(ApiException.class, () -> transfers.pupilTransfers("S1", "HS021",
                Http.as("gv3a", "pw"))).status);
    }

    @Test
    void aRecordsHistoryContinuesFromTheYearsTransferredIn() {
        Map<String, Object> m = TestRest.json(transfers.history("R4", Http.as("gv3a", "pw")).getEntity());
        assertEquals("HS021", m.get("pupilCode"));
        List<Map<String, Object>> rows = list(m.get("history"));
        assertEquals(List.of("2024-2025", "2025-2026"), rows.stream().map(h -> h.get("year")).toList());
        assertEquals(List.of("HP-AL-TH01", "S1"), rows.stream().map(h -> h.get("schoolCode")).toList());
        assertEquals(List.of("transfer", "record"), rows.stream().map(h -> h.get("source")).toList());
        assertEquals("2025-09-05", rows.get(1).get("admissionDate"));
    }
}
