package vn.hocba.export.moet.internal.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vn.hocba.export.TransferProblem;
import vn.hocba.export.TransferRefusedException;
import vn.hocba.export.TransferReport;
import vn.hocba.export.TransferResult;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearRecord;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoreException;
import vn.hocba.store.StoredPupil;

/**
 * The transfer import at the receiving school: verify everything, refuse with every reason and store nothing, or keep
 * the records read-only in the archive and the pupil's identity in the store, the study history continuing.
 */
public final class Transfers {

    private final TransferVerifier verifier;
    private final TransferArchive archive;
    private final PupilRepository pupils;

    public Transfers(TransferVerifier verifier, TransferArchive archive, PupilRepository pupils) {
        this.verifier = verifier;
        this.archive = archive;
        this.pupils = pupils;
    }

    public TransferReport verify(byte[] content) {
        return verifier.verify(content).report();
    }

    public synchronized TransferResult importTransfer(SchoolScope receiving, byte[] content, String pupilCode,
            String actor) {
        TransferVerifier.Verified v = verifier.verify(content);
        TransferReport report = v.report();
        if (!report.accepted()) throw new TransferRefusedException(report);
        if (v.items().isEmpty()) throw refuse(report, "EMPTY", "package", "Không có học bạ nào để nhận",
                "There is no record to import");
        Set<String> personalIds = new HashSet<>();
        v.items().forEach(i -> personalIds.add(i.parsed().record().pupil().personalId()));
        if (personalIds.size() != 1 || personalIds.contains("")) {
            throw refuse(report, "MIXED_PUPILS", "package", "Hồ sơ chuyển trường phải là của đúng một học sinh có mã"
                    + " định danh cá nhân", "A transfer holds the records of exactly one pupil with a personal id");
        }
        String personalId = personalIds.iterator().next();
        YearRecord latest = v.items().stream().map(i -> i.parsed().record())
                .max(Comparator.comparing(YearRecord::year).thenComparingInt(YearRecord::version)).orElseThrow();
        String code = chooseCode(receiving, pupilCode, latest.pupil(), report);

        Set<String> already = new HashSet<>();
        archive.records(receiving.schoolCode(), code).forEach(r -> already.add(r.recordId() + "/v" + r.version()));
        List<TransferVerifier.Item> fresh = v.items().stream().filter(i -> !already.contains(i.key())).toList();
        Path written = fresh.isEmpty() ? null : archive.write(receiving.schoolCode(), code, content, fresh);
        try {
            if (pupils.pupil(receiving, code).isEmpty()) {
                PupilIdentity p = latest.pupil();
                pupils.savePupil(receiving, new PupilIdentity(code, personalId, p.fullName(), p.sex(), p.dateOfBirth(),
                        p.ethnicity(), p.nationality(), p.placeOfBirth(), p.homeTown(), p.address(), p.fatherName(),
                        p.motherName(), p.guardianName()), 0);
            }
        } catch (StoreException e) {
            if (written != null) archive.delete(written);
            throw e;
        }
        return new TransferResult(report, code, fresh.stream().map(TransferVerifier.Item::key).toList(),
                history(receiving, code));
    }

    /** The given code, else the receiving school's pupil with the same personal id, else the issuing school's code. */
    private String chooseCode(SchoolScope receiving, String requested, PupilIdentity pupil, TransferReport report) {
        Optional<StoredPupil> samePerson = pupils.pupils(receiving).stream()
                .filter(s -> s.identity().personalId().equals(pupil.personalId())).findFirst();
        String code = requested != null && !requested.isBlank() ? requested.strip()
                : samePerson.map(s -> s.identity().pupilCode()).orElse(pupil.pupilCode());
        Optional<StoredPupil> holder = pupils.pupil(receiving, code);
        if (holder.isPresent() && !holder.get().identity().personalId().equals(pupil.personalId())) {
            throw refuse(report, "PUPIL_CODE_TAKEN", code, "Mã học sinh " + code + " đã dùng cho học sinh khác của"
                    + " trường; hãy chọn mã khác", "Pupil code " + code + " is another pupil's at this school; choose"
                    + " another code");
        }
        return code;
    }

    public List<YearRecord> records(SchoolScope scope, String pupilCode) {
        return archive.records(scope.schoolCode(), pupilCode);
    }

    /** Every year the transferred records name (their own year and their study history), oldest first. */
    public List<StudyHistoryEntry> history(SchoolScope scope, String pupilCode) {
        Map<Integer, StudyHistoryEntry> byYear = new TreeMap<>();
        for (YearRecord r : records(scope, pupilCode)) {
            for (StudyHistoryEntry h : r.history()) byYear.putIfAbsent(h.year().startYear(), h);
            byYear.putIfAbsent(r.year().startYear(), new StudyHistoryEntry(r.year(), r.schoolClass().grade(),
                    r.schoolClass().name(), r.school().code(), r.school().name(), "", null));
        }
        return new ArrayList<>(byYear.values());
    }

    private static TransferRefusedException refuse(TransferReport report, String code, String subject, String vi,
            String en) {
        List<TransferProblem> problems = new ArrayList<>(report.problems());
        problems.add(new TransferProblem(code, subject, vi, en));
        return new TransferRefusedException(new TransferReport(false, report.packageId(), report.sourceSchoolCode(),
                report.sourceSchoolName(), report.packageSignature(), report.records(), problems));
    }
}
