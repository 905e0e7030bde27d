package vn.hocba.workflow.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearRecord;
import vn.hocba.security.Caller;
import vn.hocba.security.Role;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.ConflictException;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoreException;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.ClassSummary;
import vn.hocba.workflow.Decision;
import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobView;
import vn.hocba.workflow.RecordFacts;
import vn.hocba.workflow.RecordSummary;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.SchoolProgress;
import vn.hocba.workflow.Step;
import vn.hocba.workflow.WorkflowException;
import vn.hocba.workflow.WorkflowService;
import vn.hocba.workflow.internal.jobs.DocumentIndex;
import vn.hocba.workflow.internal.jobs.ItemRow;
import vn.hocba.workflow.internal.jobs.JobCounts;
import vn.hocba.workflow.internal.jobs.JobRow;
import vn.hocba.workflow.internal.jobs.JobStore;

/** The {@link WorkflowService}: checks who asks and what the records allow, then starts jobs or takes the step. */
public final class WorkflowCore implements WorkflowService {

    private static final Logger LOG = Logger.getLogger(WorkflowCore.class.getName());
    /** Refusals that concern no school (a district, an unknown school) are written here. */
    private static final Logger AUDIT_LOG = Logger.getLogger("vn.hocba.audit");

    private final Stores stores;
    private final Engines engines;
    private final JobStore jobs;
    private final DocumentIndex documents;
    private final Clock clock;
    private final Map<String, Authorisation> authorisations;
    private final Runnable wakeUp;
    private final Records records;
    private final Settings settings;

    public WorkflowCore(Stores stores, Engines engines, JobStore jobs, DocumentIndex documents, Settings settings,
            Clock clock, Map<String, Authorisation> authorisations, Runnable wakeUp) {
        this.stores = stores;
        this.engines = engines;
        this.jobs = jobs;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
        this.authorisations = authorisations;
        this.wakeUp = wakeUp;
        this.records = new Records(stores, engines);
    }

    // --- reading

    @Override
    public List<ClassSummary> classes(Caller caller, String schoolCode, String year) {
        guard(caller, schoolCode, "classes", () -> AccessPolicy.readSchool(caller, schoolCode));
        SchoolScope scope = school(schoolCode);
        SchoolYear y = year(year);
        boolean all = AccessPolicy.readsWholeSchool(caller, schoolCode);
        Set<String> own = caller.classesOf(schoolCode);
        List<ClassSummary> out = new ArrayList<>();
        for (SchoolClass c : stores.schools().classes(scope, y)) {
            if (!all && own.stream().noneMatch(n -> n.equalsIgnoreCase(c.name()))) continue;
            Map<RecordState, Long> byState = new EnumMap<>(RecordState.class);
            List<StoredRecord> latest = stores.records().latestOfClass(scope, y, c.name());
            latest.forEach(r -> byState.merge(r.state(), 1L, Long::sum));
            out.add(new ClassSummary(c.name(), c.grade(), c.homeroomTeacher(), latest.size(), byState));
        }
        return out;
    }

    @Override
    public List<RecordSummary> records(Caller caller, String schoolCode, String year, String className,
            RecordState state) {
        guard(caller, schoolCode, "records " + className, () -> AccessPolicy.readClass(caller, schoolCode, className));
        SchoolScope scope = school(schoolCode);
        return stores.records().latestOfClass(scope, year(year), className).stream()
                .filter(r -> state == null || r.state() == state).map(WorkflowCore::summary).toList();
    }

    static RecordSummary summary(StoredRecord r) {
        YearRecord rec = r.record();
        YearEndResult result = rec.effectiveResult();
        return new RecordSummary(rec.recordId(), rec.version(), rec.state(), rec.pupil().pupilCode(),
                rec.pupil().fullName(), result == null ? "" : result.nationalCode(), rec.pupil().hasValidPersonalId());
    }

    @Override
    public StoredRecord record(Caller caller, String recordId) {
        StoredRecord r = find(caller, recordId);
        String school = r.record().school().code();
        guard(caller, school, "record " + recordId,
                () -> AccessPolicy.readClass(caller, school, r.record().schoolClass().name()));
        return r;
    }

    @Override
    public List<StoredRecord> versions(Caller caller, String recordId) {
        StoredRecord latest = record(caller, recordId);
        return stores.records().versions(SchoolScope.of(latest.record().school().code()), recordId);
    }

    @Override
    public Optional<byte[]> artefact(Caller caller, String recordId, ArtefactKind kind) {
        StoredRecord latest = record(caller, recordId);
        SchoolScope scope = SchoolScope.of(latest.record().school().code());
        if (latest.artefact(kind).isPresent()) return stores.records().artefact(scope, latest.ref(), kind);
        return stores.records().latestIssued(scope, recordId)
                .flatMap(issued -> stores.records().artefact(scope, issued.ref(), kind));
    }

    /** The latest version of a record in one of the caller's schools (an operator's: any school). */
    private StoredRecord find(Caller caller, String recordId) {
        Set<String> schools = new LinkedHashSet<>(caller.schools());
        if (caller.isOperator()) stores.schools().schools().forEach(s -> schools.add(s.code()));
        for (String school : schools) {
            Optional<StoredRecord> r = stores.records().latest(SchoolScope.of(school), recordId);
            if (r.isPresent()) return r.get();
        }
        // the same answer whether the record does not exist or belongs to a school the caller cannot see
        throw new WorkflowException(RefusalCode.NOT_FOUND, "Không tìm thấy học bạ " + recordId,
                "No record " + recordId);
    }

    @Override
    public List<SchoolProgress> progress(Caller caller, String district, String year) {
        try {
            AccessPolicy.readDistrict(caller, district);
        } catch (WorkflowException e) {
            // a district has no audit trail of its own: the refusal goes to the host's audit log
            auditRefusal(caller.userId(), null, "progress " + district, e.getMessage());
            throw e;
        }
        SchoolYear y = year(year);
        List<SchoolProgress> out = new ArrayList<>();
        for (School s : stores.schools().schools()) {
            if (!districtOf(s).equals(district)) continue;
            Map<RecordState, Long> byState = new EnumMap<>(stores.records().countByState(SchoolScope.of(s.code()), y));
            long pupils = byState.values().stream().mapToLong(Long::longValue).sum();
            long issued = byState.entrySet().stream().filter(e -> e.getKey().isIssued())
                    .mapToLong(Map.Entry::getValue).sum();
            out.add(new SchoolProgress(s.code(), s.name(), pupils, byState, pupils == 0 ? 0 : issued / (double) pupils));
        }
        return out;
    }

    /**
     * The school's district office: as registered, or else the school code up to its last dash (the sector's codes
     * read province-district-school, e.g. {@code HP-AL-TH01} is in {@code HP-AL}).
     */
    static String districtOf(School s) {
        if (!s.district().isEmpty()) return s.district();
        int dash = s.code().lastIndexOf('-');
        return dash > 0 ? s.code().substring(0, dash) : "";
    }

    // --- jobs

    @Override
    public JobView submit(Caller caller, JobRequest request) {
        if (request.schoolCode().isEmpty() || request.year().isEmpty()) {
            throw new WorkflowException(RefusalCode.INVALID_REQUEST, "Cần ghi mã trường và năm học",
                    "A job needs a school code and a school year");
        }
        SchoolScope scope = school(request.schoolCode());
        School school = stores.schools().school(scope).orElseThrow();
        SchoolYear y = year(request.year());
        List<StoredRecord> selected = select(caller, scope, y, request);
        if (selected.isEmpty()) {
            throw new WorkflowException(RefusalCode.NOT_FOUND, "Không có học bạ nào để xử lý",
                    "There are no records to work on");
        }
        SignerRole[] holder = new SignerRole[1];
        guard(caller, request.schoolCode(), "job " + request.kind() + " as " + request.signAs(),
                () -> holder[0] = signerRole(caller, request, selected));
        SignerRole role = holder[0];
        Step step = request.kind() == JobKind.SIGN
                ? (role == SignerRole.HOMEROOM_TEACHER ? Step.SIGN_TEACHER : Step.SIGN_PRINCIPAL)
                : request.kind().step();
        for (String className : classesOf(selected)) {
            guard(caller, request.schoolCode(), "job " + request.kind() + " " + className,
                    () -> AccessPolicy.step(caller, step, request.schoolCode(), className));
        }

        String signerId = "";
        String signerName = "";
        boolean needsAuthorisation = request.authorisation().mode() != AuthorisationMode.NONE;
        if (request.kind() == JobKind.SIGN || request.kind() == JobKind.SEAL) {
            signerId = role == SignerRole.SCHOOL_SEAL ? settings.sealSigner(school.code()) : caller.userId();
            signerName = role == SignerRole.SCHOOL_SEAL ? school.name() : caller.displayName();
            checkCredential(new SignerRef(school.code(), signerId), request.credentialId());
        }

        String jobId = UUID.randomUUID().toString();
        Set<String> busy = busyRecords(request.schoolCode(), request.kind());
        List<ItemRow> items = new ArrayList<>();
        Decision firstRefusal = null;
        int runnable = 0;
        int inOtherJobs = 0;
        for (StoredRecord r : selected) {
            int n = items.size();
            String id = r.record().recordId();
            int version = r.record().version();
            if (busy.contains(id)) {
                items.add(ItemRow.finished(jobId, n, id, version, ItemStatus.SKIPPED,
                        "Học bạ đang được xử lý trong một việc khác", "The record is already in another running job"));
                inOtherJobs++;
                continue;
            }
            Decision d = Lifecycle.decide(step, records.facts(scope, r, true, false), null);
            if (d.allowed()) {
                items.add(ItemRow.pending(jobId, n, id, version));
                runnable++;
            } else if (d.alreadyDone()) {
                items.add(ItemRow.finished(jobId, n, id, version, ItemStatus.DONE, d.refusal().messageVi(),
                        d.refusal().messageEn()));
                runnable++;
            } else {
                if (firstRefusal == null) firstRefusal = d;
                items.add(ItemRow.finished(jobId, n, id, version, ItemStatus.SKIPPED, d.refusal().messageVi(),
                        d.refusal().messageEn()));
            }
        }
        if (runnable == 0) {
            if (firstRefusal != null && inOtherJobs == 0) throw new WorkflowException(firstRefusal.refusal());
            throw new WorkflowException(RefusalCode.CONFLICT, "Các học bạ này đang được xử lý trong một việc khác",
                    "These records are already in another running job");
        }
        JobRow job = new JobRow(jobId, request.kind(), school.code(), y.startYear(), request.className(),
                caller.userId(), signerId, signerName, role == null ? "" : role.name(), request.credentialId(),
                needsAuthorisation, false, clock.instant());
        if (needsAuthorisation) authorisations.put(jobId, request.authorisation());
        jobs.create(job, items);
        audit(scope, new AuditEvent(caller.userId(), "job.submitted", "job " + jobId, "", "",
                request.kind() + " " + (request.className().isEmpty() ? "" : request.className() + " ")
                        + items.size() + " records"));
        wakeUp.run();
        return view(job, true);
    }

    private List<StoredRecord> select(Caller caller, SchoolScope scope, SchoolYear y, JobRequest request) {
        if (!request.recordIds().isEmpty()) {
            List<StoredRecord> out = new ArrayList<>();
            for (String id : request.recordIds()) {
                StoredRecord r = stores.records().latest(scope, id).orElseThrow(() -> new WorkflowException(
                        RefusalCode.NOT_FOUND, "Không tìm thấy học bạ " + id, "No record " + id));
                if (!r.record().year().equals(y)) {
                    throw new WorkflowException(RefusalCode.INVALID_REQUEST,
                            "Học bạ " + id + " không thuộc năm học " + y, "Record " + id + " is not of year " + y);
                }
                out.add(r);
            }
            return out;
        }
        if (!request.className().isEmpty()) {
            if (stores.schools().schoolClass(scope, y, request.className()).isEmpty()) {
                throw new WorkflowException(RefusalCode.NOT_FOUND, "Không có lớp " + request.className(),
                        "No class " + request.className());
            }
            return stores.records().latestOfClass(scope, y, request.className());
        }
        List<StoredRecord> out = new ArrayList<>();
        for (SchoolClass c : stores.schools().classes(scope, y)) {
            out.addAll(stores.records().latestOfClass(scope, y, c.name()));
        }
        return out;
    }

    private static Set<String> classesOf(List<StoredRecord> records) {
        Set<String> out = new LinkedHashSet<>();
        records.forEach(r -> out.add(r.record().schoolClass().name()));
        return out;
    }

    /** The role a SIGN job signs in: asked for, or the caller's own in those classes; SEAL signs as the seal. */
    private static SignerRole signerRole(Caller caller, JobRequest request, List<StoredRecord> records) {
        if (request.kind() == JobKind.SEAL) return SignerRole.SCHOOL_SEAL;
        if (request.kind() != JobKind.SIGN) return null;
        String school = request.schoolCode();
        if (!request.signAs().isEmpty()) {
            SignerRole asked = SignerRole.fromLabel(request.signAs());
            if (asked == null || asked == SignerRole.SCHOOL_SEAL) {
                throw new WorkflowException(RefusalCode.INVALID_REQUEST,
                        "Vai trò ký không hợp lệ: " + request.signAs(), "Not a signing role: " + request.signAs());
            }
            boolean holds = switch (asked) {
                case HOMEROOM_TEACHER -> true; // checked per class by the access policy
                case PRINCIPAL -> caller.has(Role.PRINCIPAL, school);
                default -> caller.has(Role.DEPUTY_PRINCIPAL, school);
            };
            if (!holds) {
                throw new WorkflowException(RefusalCode.FORBIDDEN, "Bạn không giữ vai trò " + asked.labelVi()
                        + " ở trường " + school, "You do not hold the role " + asked.labelEn() + " in " + school);
            }
            return asked;
        }
        if (caller.has(Role.PRINCIPAL, school)) return SignerRole.PRINCIPAL;
        if (caller.has(Role.DEPUTY_PRINCIPAL, school)) return SignerRole.DEPUTY_PRINCIPAL;
        return SignerRole.HOMEROOM_TEACHER;
    }

    private void checkCredential(SignerRef signer, String credentialId) {
        SigningService signing = engines.signing().orElseThrow(() -> Records.unavailable("signing", "ký số"));
        List<Credential> credentials;
        try {
            credentials = signing.credentials(signer);
        } catch (SigningException e) {
            throw new WorkflowException(RefusalCode.UNAVAILABLE, e.messageVi(), String.valueOf(e.getMessage()));
        }
        if (credentials.stream().noneMatch(c -> credentialId.isEmpty() || c.id().equals(credentialId))) {
            throw new WorkflowException(RefusalCode.UNAVAILABLE,
                    "Chưa có chứng thư số để ký cho " + signer + (credentialId.isEmpty() ? "" : " (" + credentialId + ")"),
                    "There is no signing credential for " + signer
                            + (credentialId.isEmpty() ? "" : " (" + credentialId + ")"));
        }
    }

    /** Records of the school that are in an open job of that kind. */
    private Set<String> busyRecords(String schoolCode, JobKind kind) {
        Set<String> busy = new LinkedHashSet<>();
        for (JobRow j : jobs.jobs(schoolCode, 200)) {
            if (j.kind() != kind || j.cancelled()) continue;
            JobCounts c = jobs.counts(j.id());
            if (c.open() == 0) continue;
            jobs.items(j.id()).stream().filter(i -> !i.status().finished()).forEach(i -> busy.add(i.recordId()));
        }
        return busy;
    }

    @Override
    public JobView job(Caller caller, String jobId) {
        JobRow job = jobs.job(jobId).orElseThrow(() -> new WorkflowException(RefusalCode.NOT_FOUND,
                "Không tìm thấy việc " + jobId, "No job " + jobId));
        guard(caller, job.schoolCode(), "job " + jobId, () -> mayReadJob(caller, job));
        return view(job, true);
    }

    private static void mayReadJob(Caller caller, JobRow job) {
        if (caller.userId().equals(job.requestedBy())) return;
        if (job.className().isEmpty()) {
            if (!AccessPolicy.readsWholeSchool(caller, job.schoolCode())) {
                throw AccessPolicy.forbidden("Bạn không được xem việc này", "You may not read this job");
            }
        } else {
            AccessPolicy.readClass(caller, job.schoolCode(), job.className());
        }
    }

    @Override
    public List<JobView> jobs(Caller caller, String schoolCode, int limit) {
        guard(caller, schoolCode, "jobs", () -> AccessPolicy.readSchool(caller, schoolCode));
        return jobs.jobs(schoolCode, Math.max(1, Math.min(limit, 500))).stream().filter(j -> {
            try {
                mayReadJob(caller, j);
                return true;
            } catch (WorkflowException e) {
                return false;
            }
        }).map(j -> view(j, false)).toList();
    }

    @Override
    public JobView cancel(Caller caller, String jobId) {
        JobRow job = jobs.job(jobId).orElseThrow(() -> new WorkflowException(RefusalCode.NOT_FOUND,
                "Không tìm thấy việc " + jobId, "No job " + jobId));
        guard(caller, job.schoolCode(), "cancel job " + jobId, () -> {
            if (!caller.userId().equals(job.requestedBy()) && !caller.leads(job.schoolCode())
                    && !caller.isOperator()) {
                throw AccessPolicy.forbidden("Chỉ người tạo việc hoặc Hiệu trưởng được dừng việc này",
                        "Only who started the job or the principal may cancel it");
            }
        });
        jobs.cancel(jobId);
        authorisations.remove(jobId);
        audit(SchoolScope.of(job.schoolCode()), new AuditEvent(caller.userId(), "job.cancelled", "job " + jobId, "",
                "", ""));
        return view(jobs.job(jobId).orElseThrow(), true);
    }

    JobView view(JobRow job, boolean withItems) {
        List<ItemRow> items = jobs.items(job.id());
        JobCounts c = JobCounts.of(items); // the status from the very items shown, not from a second read
        List<JobView.Item> views = withItems ? items.stream().map(i -> new JobView.Item(i.recordId(), i.version(),
                i.status(), i.messageVi(), i.messageEn(), i.owner())).toList() : List.of();
        java.time.Instant updated = items.stream().map(ItemRow::updatedAt).filter(java.util.Objects::nonNull)
                .max(java.time.Instant::compareTo).orElse(job.createdAt());
        return new JobView(job.id(), job.kind(), job.schoolCode(), new SchoolYear(job.year()).toString(),
                job.className(), job.requestedBy(), job.signerRole(), c.status(job.cancelled()), c.total(),
                c.get(ItemStatus.DONE), c.get(ItemStatus.SKIPPED), c.get(ItemStatus.FAILED), job.createdAt(), updated,
                views);
    }

    // --- single-record steps

    @Override
    public StoredRecord correct(Caller caller, String recordId, String reason) {
        StoredRecord latest = find(caller, recordId);
        String school = latest.record().school().code();
        SchoolScope scope = SchoolScope.of(school);
        guard(caller, school, "correct " + recordId,
                () -> AccessPolicy.step(caller, Step.CORRECT, school, latest.record().schoolClass().name()));
        StoredRecord issued = stores.records().latestIssued(scope, recordId).orElse(latest);
        boolean newer = latest.record().version() > issued.record().version();
        Decision d = Lifecycle.decide(Step.CORRECT, records.facts(scope, issued, !newer, newer), reason);
        if (!d.allowed()) throw new WorkflowException(d.refusal());
        try {
            return stores.records().createCorrection(scope, recordId,
                    new YearRecord.Correction(issued.record().version(), reason.strip(), caller.userId()),
                    caller.userId());
        } catch (StoreException e) {
            throw fromStore(e);
        }
    }

    @Override
    public StoredRecord revoke(Caller caller, String recordId, String reason) {
        StoredRecord latest = find(caller, recordId);
        String school = latest.record().school().code();
        SchoolScope scope = SchoolScope.of(school);
        guard(caller, school, "revoke " + recordId,
                () -> AccessPolicy.step(caller, Step.REVOKE, school, latest.record().schoolClass().name()));
        StoredRecord target = stores.records().latestIssued(scope, recordId).orElse(latest);
        Decision d = Lifecycle.decide(Step.REVOKE, records.facts(scope, target, true, false), reason);
        if (!d.allowed()) throw new WorkflowException(d.refusal());
        try {
            documents.putNote(school, recordId, target.record().version(), "REVOKED", reason.strip(), caller.userId());
            return stores.records().transition(scope, target.ref(), RecordState.REVOKED, target.revision(),
                    caller.userId(), reason.strip());
        } catch (StoreException e) {
            throw fromStore(e);
        }
    }

    @Override
    public StoredRecord reopen(Caller caller, String recordId, String reason) {
        StoredRecord latest = find(caller, recordId);
        String school = latest.record().school().code();
        SchoolScope scope = SchoolScope.of(school);
        String className = latest.record().schoolClass().name();
        guard(caller, school, "reopen " + recordId, () -> {
            AccessPolicy.step(caller, Step.REOPEN, school, className);
            if (!caller.leads(school) && !caller.isOperator() && latest.state() != RecordState.LOCKED) {
                throw AccessPolicy.forbidden("Học bạ đã có chữ ký: chỉ Hiệu trưởng được mở lại",
                        "The record is signed already: only the principal may reopen it");
            }
        });
        Decision d = Lifecycle.decide(Step.REOPEN, records.facts(scope, latest, true, false), reason);
        if (!d.allowed()) throw new WorkflowException(d.refusal());
        try {
            return stores.records().transition(scope, latest.ref(), RecordState.DRAFT, latest.revision(),
                    caller.userId(), reason.strip());
        } catch (StoreException e) {
            throw fromStore(e);
        }
    }

    @Override
    public Decision check(Caller caller, String recordId, Step step) {
        StoredRecord latest = record(caller, recordId);
        String school = latest.record().school().code();
        SchoolScope scope = SchoolScope.of(school);
        try {
            AccessPolicy.step(caller, step, school, latest.record().schoolClass().name());
        } catch (WorkflowException e) {
            return new Decision(step, null, e.refusal());
        }
        if (step == Step.CORRECT || step == Step.REVOKE) {
            StoredRecord issued = stores.records().latestIssued(scope, recordId).orElse(latest);
            boolean newer = latest.record().version() > issued.record().version();
            return Lifecycle.decide(step, records.facts(scope, issued, !newer, newer), "?");
        }
        RecordFacts f = records.facts(scope, latest, true, false);
        return Lifecycle.decide(step, f, "?");
    }

    // --- helpers

    private SchoolScope school(String schoolCode) {
        if (schoolCode == null || schoolCode.isBlank()) {
            throw new WorkflowException(RefusalCode.INVALID_REQUEST, "Thiếu mã trường", "The school code is missing");
        }
        SchoolScope scope = SchoolScope.of(schoolCode);
        if (stores.schools().school(scope).isEmpty()) {
            throw new WorkflowException(RefusalCode.NOT_FOUND, "Không có trường " + schoolCode,
                    "No school " + schoolCode);
        }
        return scope;
    }

    private static SchoolYear year(String year) {
        try {
            return SchoolYear.parse(year == null ? "" : year);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(RefusalCode.INVALID_REQUEST, "Năm học phải có dạng 2024-2025: " + year,
                    "The school year must look like 2024-2025: " + year);
        }
    }

    /** Runs an access check; a refusal is written to the school's audit trail before it is thrown. */
    private void guard(Caller caller, String schoolCode, String what, Runnable check) {
        try {
            check.run();
        } catch (WorkflowException e) {
            if (e.code() == RefusalCode.FORBIDDEN) {
                auditRefusal(caller.userId(), schoolCode, what, e.getMessage());
            }
            throw e;
        }
    }

    /** Writes a refused action into the school's audit trail (when the school exists). */
    public void auditRefusal(String actor, String schoolCode, String what, String reason) {
        if (schoolCode == null || schoolCode.isBlank()) {
            AUDIT_LOG.info(() -> "access.refused " + actor + " " + what + ": " + reason);
            return;
        }
        SchoolScope scope = SchoolScope.of(schoolCode);
        if (stores.schools().school(scope).isEmpty()) {
            AUDIT_LOG.info(() -> "access.refused " + actor + " " + what + " in unknown school " + schoolCode + ": "
                    + reason);
            return;
        }
        audit(scope, new AuditEvent(actor, "access.refused", what, "", "", reason));
    }

    private void audit(SchoolScope scope, AuditEvent event) {
        try {
            stores.audit().append(scope, event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "audit entry not written: " + event, e);
        }
    }

    private static WorkflowException fromStore(StoreException e) {
        RefusalCode code = e instanceof ConflictException ? RefusalCode.CONFLICT
                : e instanceof vn.hocba.store.NotFoundException ? RefusalCode.NOT_FOUND
                : e instanceof vn.hocba.store.IllegalTransitionException ? RefusalCode.WRONG_STATE : RefusalCode.FAILED;
        return new WorkflowException(new vn.hocba.workflow.Refusal(code, e.messageVi(), e.getMessage()), e);
    }
}
