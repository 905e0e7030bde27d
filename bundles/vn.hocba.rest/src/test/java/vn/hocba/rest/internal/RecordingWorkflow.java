package vn.hocba.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Sex;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearRecord;
import vn.hocba.security.Caller;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.ClassSummary;
import vn.hocba.workflow.Decision;
import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobStatus;
import vn.hocba.workflow.JobView;
import vn.hocba.workflow.RecordSummary;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.SchoolProgress;
import vn.hocba.workflow.Step;
import vn.hocba.workflow.WorkflowException;
import vn.hocba.workflow.WorkflowService;

/** Remembers what the resources asked and answers with fixed data (the real service is tested in workflow). */
final class RecordingWorkflow implements WorkflowService {

    Caller lastCaller;
    JobRequest lastRequest;
    RecordState lastState;

    static JobView job(JobKind kind) {
        return new JobView("J1", kind, "S1", "2024-2025", "3A", "gv3a", "HOMEROOM_TEACHER", JobStatus.QUEUED, 2, 1, 0,
                0, Instant.parse("2025-05-20T08:00:00Z"), Instant.parse("2025-05-20T08:00:01Z"),
                List.of(new JobView.Item("R1", 1, ItemStatus.DONE, "", ""),
                        new JobView.Item("R2", 1, ItemStatus.PENDING, "", "")));
    }

    @Override
    public List<ClassSummary> classes(Caller caller, String schoolCode, String year) {
        lastCaller = caller;
        return List.of(new ClassSummary("3A", 3, "Phạm Thị Lan", 2, Map.of(RecordState.LOCKED, 2L)));
    }

    @Override
    public List<RecordSummary> records(Caller caller, String schoolCode, String year, String className,
            RecordState state) {
        lastCaller = caller;
        lastState = state;
        if (!className.equals("3A")) {
            throw new WorkflowException(RefusalCode.FORBIDDEN, "Bạn không được xem lớp " + className,
                    "You may not read class " + className);
        }
        return List.of(new RecordSummary("R1", 1, RecordState.LOCKED, "HS001", "Trần Hữu Ánh", "HTT", true));
    }

    /** Record R4 of school S1: grade 4 in 2025-2026, its pupil HS021 came from another school; two versions. */
    static StoredRecord r4(int version) {
        School s1 = new School("S1", "Trường Tiểu học Kiến Thụy", "HP-KT", "HP");
        SchoolClass cls = new SchoolClass("S1", new SchoolYear(2025), 4, "4B", "Đỗ Thị Mai");
        YearRecord r = new YearRecord("R4", version, version == 1 ? RecordState.SUPERSEDED : RecordState.ISSUED, s1,
                cls, new PupilIdentity("HS021", "001215000021", "Nguyễn Văn An", Sex.MALE, LocalDate.of(2016, 3, 2),
                        "Kinh", "Việt Nam", "", "", "", "", "", ""),
                List.of(new StudyHistoryEntry(new SchoolYear(2025), 4, "4B", "S1", s1.name(), "ĐB-07",
                        LocalDate.of(2025, 9, 5))),
                new YearAssessment(4, false, List.of(), List.of(), List.of(), "", false), null, null, null, "", null);
        return new StoredRecord(r, 1, "ab", null, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, 0);
    }

    @Override
    public StoredRecord record(Caller caller, String recordId) {
        lastCaller = caller;
        if (recordId.equals("R4")) return r4(2);
        throw new WorkflowException(RefusalCode.NOT_FOUND, "Không tìm thấy học bạ " + recordId, "No record " + recordId);
    }

    @Override
    public List<StoredRecord> versions(Caller caller, String recordId) {
        lastCaller = caller;
        if (recordId.equals("R4")) return List.of(r4(1), r4(2));
        if (recordId.equals("R9")) {
            throw new WorkflowException(RefusalCode.NOT_FOUND, "Không tìm thấy học bạ R9", "No record R9");
        }
        return List.of();
    }

    @Override
    public Optional<byte[]> artefact(Caller caller, String recordId, ArtefactKind kind) {
        return recordId.equals("R1") ? Optional.of("%PDF-1.7".getBytes()) : Optional.empty();
    }

    @Override
    public JobView submit(Caller caller, JobRequest request) {
        lastCaller = caller;
        lastRequest = request;
        return job(request.kind());
    }

    @Override
    public JobView job(Caller caller, String jobId) {
        return job(JobKind.SIGN);
    }

    @Override
    public List<JobView> jobs(Caller caller, String schoolCode, int limit) {
        return List.of(job(JobKind.LOCK));
    }

    @Override
    public JobView cancel(Caller caller, String jobId) {
        return job(JobKind.SIGN);
    }

    @Override
    public StoredRecord correct(Caller caller, String recordId, String reason) {
        throw new WorkflowException(RefusalCode.REASON_REQUIRED, "Cần ghi rõ lý do", "A reason is required");
    }

    @Override
    public StoredRecord revoke(Caller caller, String recordId, String reason) {
        throw new WorkflowException(RefusalCode.FORBIDDEN, "Chỉ Hiệu trưởng", "Only the principal");
    }

    @Override
    public StoredRecord reopen(Caller caller, String recordId, String reason) {
        throw new WorkflowException(RefusalCode.WRONG_STATE, "Đã phát hành", "Issued");
    }

    @Override
    public Decision check(Caller caller, String recordId, Step step) {
        return Decision.allow(step, step.target());
    }

    @Override
    public List<SchoolProgress> progress(Caller caller, String district, String year) {
        return List.of(new SchoolProgress("S1", "Trường Tiểu học An Thắng", 30, Map.of(RecordState.ISSUED, 15L), 0.5));
    }
}
