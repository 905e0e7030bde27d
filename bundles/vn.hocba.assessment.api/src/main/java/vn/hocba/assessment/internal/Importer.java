package vn.hocba.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import vn.hocba.assessment.ClassReport;
import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.assessment.RefusedPupil;
import vn.hocba.assessment.spi.Fields;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.ImportProblemCode;
import vn.hocba.assessment.spi.ImportProblemCode.Words;
import vn.hocba.assessment.spi.PupilData;
import vn.hocba.assessment.spi.Provenance;
import vn.hocba.assessment.spi.SourceBatch;
import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;
import vn.hocba.rules.Problem;
import vn.hocba.rules.RecordValidator;
import vn.hocba.rules.RuleViolationException;
import vn.hocba.rules.YearResultRules;
import vn.hocba.store.ClassBatchResult;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoreException;
import vn.hocba.store.StoredRecord;

/**
 * Checks the rows a source read and stores them class by class, all or nothing per class. Every problem is
 * collected before anything is written: those the source found reading, those between rows (another school,
 * duplicate pupil codes, a class whose rows disagree), and the rules of the record (with the year-end result the
 * source stated checked against the derived one).
 */
public final class Importer {

    private final RecordValidator validator;
    private final YearResultRules rules;
    private final SchoolRepository schools;
    private final RecordRepository records;
    private volatile boolean registerUnknownSchools;

    public Importer(RecordValidator validator, YearResultRules rules, SchoolRepository schools,
            RecordRepository records, boolean registerUnknownSchools) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.schools = Objects.requireNonNull(schools, "schools");
        this.records = Objects.requireNonNull(records, "records");
        this.registerUnknownSchools = registerUnknownSchools;
    }

    /** Whether a school the store does not know is registered with the name the data gives (else refused). */
    public void registerUnknownSchools(boolean register) {
        this.registerUnknownSchools = register;
    }

    /** Imports everything a source or file reader answered into the school. */
    public ImportReport run(String schoolCode, SourceBatch batch, String actor, boolean dryRun) {
        SchoolScope scope = SchoolScope.of(schoolCode);
        Map<String, Boolean> emptyYears = new HashMap<>(); // school|year → no record in that year yet
        List<ImportProblem> fileProblems = new ArrayList<>(batch.problems());
        // rows are values: two identical (duplicate) rows must stay two keys
        Map<PupilData, List<ImportProblem>> extra = new IdentityHashMap<>();

        List<PupilData> attributable = new ArrayList<>();
        for (PupilData row : batch.rows()) {
            if (row.className().isEmpty()) {
                fileProblems.addAll(row.problems()); // a row of no class: the file as a whole is rejected
                if (row.problems().stream().noneMatch(p -> p.field().equals(Fields.CLASS_NAME))) {
                    fileProblems.add(ImportProblem.at(row.cell(Fields.CLASS_NAME), Fields.CLASS_NAME,
                            ImportProblemCode.VALUE_REQUIRED, Fields.label(Fields.CLASS_NAME)));
                }
            } else {
                attributable.add(row);
            }
        }
        if (batch.rows().isEmpty() && fileProblems.stream().noneMatch(ImportProblem::isError)) {
            fileProblems.add(ImportProblem.ofFile(ImportProblemCode.NO_ROWS, "", ""));
        }
        duplicatePupils(batch.rows(), extra);

        Optional<School> registered = schools.school(scope);
        School school = registered.orElse(null);
        if (school == null) {
            String name = batch.rows().stream().map(PupilData::schoolName).filter(n -> !n.isEmpty()).findFirst()
                    .orElse("");
            if (name.isEmpty() || !registerUnknownSchools) {
                fileProblems.add(ImportProblem.ofFile(ImportProblemCode.SCHOOL_UNKNOWN, schoolCode, ""));
            } else {
                school = new School(schoolCode, name);
            }
        }
        boolean fileRejected = fileProblems.stream().anyMatch(ImportProblem::isError);

        List<ClassReport> reports = new ArrayList<>();
        boolean schoolSaved = registered.isPresent();
        for (ClassRows rows : ClassRows.group(attributable)) {
            ClassPlan plan = plan(scope, school, rows, extra, emptyYears);
            if (fileRejected || plan.hasErrors() || dryRun) {
                ImportStatus status = fileRejected || plan.hasErrors() ? ImportStatus.REJECTED
                        : plan.toWrite.isEmpty() ? ImportStatus.UNCHANGED : ImportStatus.STORED;
                int wouldWrite = status == ImportStatus.STORED ? plan.toWrite.size() : 0;
                int unchanged = status == ImportStatus.REJECTED ? 0 : plan.unchanged.size();
                reports.add(report(rows, plan, status, wouldWrite, unchanged, List.of(), batch));
                continue;
            }
            if (!schoolSaved) {
                schools.saveSchool(school);
                schoolSaved = true;
            }
            reports.add(write(scope, rows, plan, actor, batch));
        }
        return new ImportReport(schoolCode, overall(reports, fileRejected), dryRun, batch.provenance(), reports,
                sortedByRow(fileProblems));
    }

    /** Everything known about one class before writing: its records, and every problem of its rows. */
    private static final class ClassPlan {
        SchoolClass schoolClass;
        final List<YearRecord> toWrite = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();
        final Map<String, PupilData> rowOfPupil = new HashMap<>();

        boolean hasErrors() {
            return problems.stream().anyMatch(ImportProblem::isError);
        }
    }

    private ClassPlan plan(SchoolScope scope, School school, ClassRows rows, Map<PupilData, List<ImportProblem>> extra,
            Map<String, Boolean> emptyYears) {
        ClassPlan plan = new ClassPlan();
        int grade = rows.grade();
        String teacher = rows.homeroomTeacher();
        if (rows.year() != null && grade >= 1 && grade <= 5) {
            plan.schoolClass = new SchoolClass(scope.schoolCode(), rows.year(), grade, rows.className(), teacher);
        }
        Map<String, StoredRecord> existing = new HashMap<>();
        if (plan.schoolClass != null) {
            for (StoredRecord r : records.latestOfClass(scope, rows.year(), rows.className())) {
                existing.put(r.record().pupil().pupilCode(), r);
            }
        }
        for (PupilData row : rows.rows()) {
            List<ImportProblem> rowProblems = new ArrayList<>(row.problems());
            rowProblems.addAll(extra.getOrDefault(row, List.of()));
            if (!row.schoolCode().isEmpty() && !row.schoolCode().equalsIgnoreCase(scope.schoolCode())) {
                rowProblems.add(ImportProblem.at(row.cell(Fields.SCHOOL_CODE), Fields.SCHOOL_CODE,
                        ImportProblemCode.SCHOOL_OTHER, scope.schoolCode()));
            }
            if (row.grade() != grade && row.grade() != 0) {
                rowProblems.add(ImportProblem.at(row.cell(Fields.GRADE), Fields.GRADE,
                        ImportProblemCode.CLASS_INCONSISTENT, rows.className()));
            }
            if (!row.homeroomTeacher().equals(teacher)) {
                rowProblems.add(ImportProblem.at(row.cell(Fields.HOMEROOM_TEACHER), Fields.HOMEROOM_TEACHER,
                        ImportProblemCode.CLASS_INCONSISTENT, rows.className()));
            }
            boolean readable = row.pupil() != null && row.assessment() != null && plan.schoolClass != null
                    && school != null && row.grade() == grade;
            if (readable) {
                YearRecord record = record(scope, school, plan.schoolClass, row, existing, emptyYears);
                rowProblems.addAll(ruleProblems(row, record, rowProblems));
                if (rowProblems.stream().noneMatch(ImportProblem::isError)) {
                    StoredRecord before = existing.get(row.pupilCode());
                    if (before != null && sameContent(before.record(), record)) {
                        // stored with this very content: nothing to write (or, locked, to refuse); a dry run says so
                        plan.unchanged.add(record.recordId());
                    } else {
                        plan.toWrite.add(record);
                        plan.rowOfPupil.put(row.pupilCode(), row);
                    }
                }
            }
            plan.problems.addAll(rowProblems);
        }
        if (plan.schoolClass == null && plan.problems.stream().noneMatch(ImportProblem::isError)) {
            // every row unreadable in the same way is still reported on its rows; this is only a safety net
            plan.problems.add(ImportProblem.at(rows.rows().get(0).cell(Fields.GRADE), Fields.GRADE,
                    ImportProblemCode.GRADE_INVALID, ""));
        }
        return plan;
    }

    /** The rules of the record and the stated year-end result; fields the source already flagged are not repeated. */
    private List<ImportProblem> ruleProblems(PupilData row, YearRecord record, List<ImportProblem> known) {
        Set<String> flagged = known.stream().map(ImportProblem::field).collect(Collectors.toSet());
        List<ImportProblem> out = new ArrayList<>();
        List<Problem> problems = validator.validate(record);
        for (Problem p : problems) {
            if (!flagged.contains(p.field())) out.add(ImportProblem.ofRule(p, row.cell(p.field())));
        }
        if (row.statedResult() != null && problems.stream().noneMatch(Problem::isError)) {
            YearOutcome derived = record.outcome();
            rules.checkStated(row.statedResult(), derived, Fields.RESULT)
                    .ifPresent(p -> out.add(ImportProblem.ofRule(p, row.cell(Fields.RESULT))));
        }
        return out;
    }

    /**
     * The record the row stands for: the pupil's record of the year if there is one (its id, version, override,
     * place and earlier study history are kept), else a new one whose id is derived from the pupil code and year,
     * so importing twice never creates two.
     */
    private YearRecord record(SchoolScope scope, School school, SchoolClass schoolClass, PupilData row,
            Map<String, StoredRecord> ofClass, Map<String, Boolean> emptyYears) {
        StoredRecord stored = ofClass.get(row.pupilCode());
        if (stored == null && !yearIsEmpty(scope, schoolClass.year(), emptyYears)) {
            stored = records.latestOfPupil(scope, schoolClass.year(), row.pupilCode()).orElse(null); // moved in
        }
        YearRecord before = stored == null ? null : stored.record();
        StudyHistoryEntry thisYear = new StudyHistoryEntry(schoolClass.year(), schoolClass.grade(),
                schoolClass.name(), school.code(), school.name(), row.registrationNo(), row.admissionDate());
        List<StudyHistoryEntry> history = new ArrayList<>();
        if (before != null) {
            before.history().stream().filter(h -> !h.year().equals(schoolClass.year())).forEach(history::add);
        }
        history.add(thisYear);
        history.sort(Comparator.comparing(StudyHistoryEntry::year));
        YearOutcome outcome = derive(schoolClass, row);
        if (before == null) {
            return new YearRecord(recordId(row.pupilCode(), schoolClass), 1, RecordState.DRAFT, school, schoolClass,
                    row.pupil(), history, row.assessment(), outcome, null, null, "", null);
        }
        return new YearRecord(before.recordId(), before.version(), before.state(), school, schoolClass, row.pupil(),
                history, row.assessment(), outcome, before.override(), before.correction(), before.place(),
                before.issueDate());
    }

    /** Whether the school has no record at all in that year (the first import of a year needs no look-ups). */
    private boolean yearIsEmpty(SchoolScope scope, vn.hocba.model.SchoolYear year, Map<String, Boolean> emptyYears) {
        return emptyYears.computeIfAbsent(scope.schoolCode() + "|" + year,
                k -> records.countByState(scope, year).values().stream().mapToLong(Long::longValue).sum() == 0);
    }

    private YearOutcome derive(SchoolClass schoolClass, PupilData row) {
        try {
            return rules.derive(schoolClass.year(), row.assessment()).outcome();
        } catch (RuleViolationException e) {
            return null; // no curriculum for the grade and year: the validator reports it
        }
    }

    /** A new record's id: stable for a pupil and school year, so the same input always names the same record. */
    static String recordId(String pupilCode, SchoolClass schoolClass) {
        return "HB-" + pupilCode + "-" + schoolClass.year();
    }

    private static boolean sameContent(YearRecord stored, YearRecord candidate) {
        return stored.withState(RecordState.DRAFT).equals(candidate.withState(RecordState.DRAFT));
    }

    private ClassReport write(SchoolScope scope, ClassRows rows, ClassPlan plan, String actor, SourceBatch batch) {
        if (plan.toWrite.isEmpty()) {
            return report(rows, plan, ImportStatus.UNCHANGED, 0, plan.unchanged.size(), List.of(), batch);
        }
        ClassBatchResult result;
        try {
            result = records.writeClass(scope, plan.schoolClass, plan.toWrite, actor);
        } catch (StoreException e) {
            plan.problems.add(ImportProblem.ofFile(ImportProblemCode.STORE_FAILED, rows.className(),
                    new Words(e.messageVi(), e.getMessage())));
            return report(rows, plan, ImportStatus.REJECTED, 0, 0, List.of(), batch);
        }
        List<RefusedPupil> refused = new ArrayList<>();
        for (ClassBatchResult.Refusal r : result.refused()) {
            refused.add(new RefusedPupil(r.pupilCode(), r.recordId(), r.state(), r.messageVi(), r.messageEn()));
            PupilData row = plan.rowOfPupil.get(r.pupilCode());
            if (row != null) {
                plan.problems.add(ImportProblem.at(row.cell(Fields.PUPIL_CODE), Fields.PUPIL_CODE,
                        ImportProblemCode.RECORD_NOT_DRAFT, new Words(r.messageVi(), r.messageEn())));
            }
        }
        int written = result.written().size();
        int unchanged = result.unchanged().size() + plan.unchanged.size();
        ImportStatus status = refused.isEmpty()
                ? (written > 0 ? ImportStatus.STORED : ImportStatus.UNCHANGED)
                : (written + unchanged > 0 ? ImportStatus.PARTIAL : ImportStatus.REJECTED);
        return report(rows, plan, status, written, unchanged, refused, batch);
    }

    private static ClassReport report(ClassRows rows, ClassPlan plan, ImportStatus status, int written,
            int unchanged, List<RefusedPupil> refused, SourceBatch batch) {
        Provenance provenance = batch.provenance();
        return new ClassReport(rows.year(), rows.grade(), rows.className(), status, rows.rows().size(), written,
                unchanged, refused, sortedByRow(plan.problems), provenance);
    }

    /** Pupil codes on more than one row (of any class of the input): every such row gets the problem. */
    private static void duplicatePupils(List<PupilData> rows, Map<PupilData, List<ImportProblem>> extra) {
        Map<String, List<PupilData>> byCode = new LinkedHashMap<>();
        for (PupilData r : rows) {
            if (!r.pupilCode().isEmpty()) byCode.computeIfAbsent(r.pupilCode(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<PupilData>> e : byCode.entrySet()) {
            if (e.getValue().size() < 2) continue;
            String where = e.getValue().stream().map(r -> String.valueOf(r.at().row())).collect(Collectors.joining(", "));
            Set<String> sheets = new HashSet<>();
            e.getValue().forEach(r -> sheets.add(r.at().sheet()));
            Words detail = sheets.size() > 1
                    ? new Words("các dòng " + describe(e.getValue(), "trang"), "rows " + describe(e.getValue(), "sheet"))
                    : new Words("các dòng " + where, "rows " + where);
            for (PupilData r : e.getValue()) {
                extra.computeIfAbsent(r, k -> new ArrayList<>()).add(ImportProblem.at(r.cell(Fields.PUPIL_CODE),
                        Fields.PUPIL_CODE, ImportProblemCode.PUPIL_DUPLICATE, detail));
            }
        }
    }

    private static String describe(List<PupilData> rows, String sheetWord) {
        return rows.stream().map(r -> r.at().row() + " (" + sheetWord + " " + r.at().sheet() + ")")
                .collect(Collectors.joining(", "));
    }

    private static ImportStatus overall(List<ClassReport> classes, boolean fileRejected) {
        if (fileRejected || classes.isEmpty()) return ImportStatus.REJECTED;
        boolean anyWritten = classes.stream().anyMatch(c -> c.written() > 0);
        boolean allFine = classes.stream()
                .allMatch(c -> c.status() == ImportStatus.STORED || c.status() == ImportStatus.UNCHANGED);
        boolean noneStored = classes.stream().allMatch(c -> c.status() == ImportStatus.REJECTED);
        if (noneStored) return ImportStatus.REJECTED;
        if (!allFine) return ImportStatus.PARTIAL;
        boolean anyStored = classes.stream().anyMatch(c -> c.status() == ImportStatus.STORED);
        return anyWritten || anyStored ? ImportStatus.STORED : ImportStatus.UNCHANGED;
    }

    /** By sheet (in the order they first appear) then row; problems of one row keep their order. */
    private static List<ImportProblem> sortedByRow(List<ImportProblem> problems) {
        Map<String, Integer> sheetOrder = new HashMap<>();
        for (ImportProblem p : problems) sheetOrder.putIfAbsent(p.sheet(), sheetOrder.size());
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((ImportProblem p) -> sheetOrder.get(p.sheet()))
                .thenComparingInt(ImportProblem::row));
        return sorted;
    }
}
