package vn.hocba.rest.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import vn.hocba.export.DeliverySummary;
import vn.hocba.export.ExportPackage;
import vn.hocba.export.ExportService;
import vn.hocba.export.PackageManifest;
import vn.hocba.export.RecordCheck;
import vn.hocba.export.SignatureCheck;
import vn.hocba.export.TransferProblem;
import vn.hocba.export.TransferRefusedException;
import vn.hocba.export.TransferReport;
import vn.hocba.export.TransferResult;
import vn.hocba.export.TransferService;
import vn.hocba.export.spi.Exporter;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ExportState;
import vn.hocba.store.RecordRef;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.TaskStatus;

/**
 * The export outbox and the transfer import as the resources see them, with fixed answers and a memory of what was
 * asked (the real services are tested in vn.hocba.export.moet): R4/v1 was delivered, R4/v2 was refused.
 */
final class RecordingExport implements ExportService, TransferService {

    static final String DESTINATION = "moet-tieuhoc-1.0@folder";
    static final Instant AT = Instant.parse("2026-05-20T08:00:00Z");

    final List<ExportState> states = new ArrayList<>(List.of(
            new ExportState(new RecordRef("R4", 1), DESTINATION, TaskStatus.DONE, "P-1", 1, "S1_P-1.zip", AT,
                    "duplicate receipt S1_P-1.zip"),
            new ExportState(new RecordRef("R4", 2), DESTINATION, TaskStatus.FAILED, "", 2, "", AT,
                    "refused: schema not accepted / từ chối")));
    final List<RecordRef> requeued = new ArrayList<>();
    int delivered;
    List<RecordRef> packed;
    SchoolYear enqueuedYear;
    int imports;
    String lastPupilCode;

    static final SignatureCheck SEAL = new SignatureCheck("manifest", "SCHOOL_SEAL", "Trường Tiểu học An Lão",
            "CN=Trường Tiểu học An Lão", "TOTAL_PASSED", "CMS");

    static TransferReport accepted() {
        return new TransferReport(true, "P-9", "HP-AL-TH01", "Trường Tiểu học An Lão", SEAL, List.of(new RecordCheck(
                "A-1/v1", "HS021", "001215000021", "Nguyễn Văn An", "2024-2025", 3, List.of(
                        new SignatureCheck("records/A-1-v1.xml", "HOMEROOM_TEACHER", "Phạm Thị Lan", "CN=Phạm Thị Lan",
                                "TOTAL_PASSED", "XAdES"),
                        new SignatureCheck("records/A-1-v1.xml", "PRINCIPAL", "Lê Thị Thu Hà", "CN=Lê Thị Thu Hà",
                                "TOTAL_PASSED", "XAdES"),
                        new SignatureCheck("records/A-1-v1.xml", "SCHOOL_SEAL", "Trường Tiểu học An Lão",
                                "CN=Trường Tiểu học An Lão", "TOTAL_PASSED", "XAdES")))), List.of());
    }

    static TransferReport tampered() {
        TransferReport ok = accepted();
        return new TransferReport(false, ok.packageId(), ok.sourceSchoolCode(), ok.sourceSchoolName(), SEAL,
                ok.records(), List.of(new TransferProblem("HASH_MISMATCH", "records/A-1-v1.pdf",
                        "Tệp records/A-1-v1.pdf đã bị sửa (SHA-256 khác)", "records/A-1-v1.pdf was changed (SHA-256)"),
                        new TransferProblem("SIGNATURE_INVALID", "A-1/v1", "Chữ ký số của PDF không hợp lệ",
                                "The PDF's signature is not valid")));
    }

    static final List<StudyHistoryEntry> HISTORY = List.of(new StudyHistoryEntry(new SchoolYear(2024), 3, "3A",
            "HP-AL-TH01", "Trường Tiểu học An Lão", "ĐB-12", null));

    @Override
    public String destinationFor(String schoolCode) {
        return DESTINATION;
    }

    @Override
    public Exporter exporterFor(String schoolCode) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ExportState enqueue(SchoolScope scope, RecordRef ref) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int enqueueIssued(SchoolScope scope, SchoolYear year) {
        enqueuedYear = year;
        return 8;
    }

    @Override
    public DeliverySummary deliverPending(SchoolScope scope) {
        delivered++;
        return new DeliverySummary(1, 3, 1, List.of("P-2: receiver unavailable (503)"));
    }

    @Override
    public int requeueFailed(SchoolScope scope) {
        return (int) states.stream().filter(s -> s.status() == TaskStatus.FAILED).count();
    }

    @Override
    public int requeue(SchoolScope scope, Collection<RecordRef> refs) {
        requeued.addAll(refs);
        return (int) states.stream().filter(s -> s.status() == TaskStatus.FAILED && refs.contains(s.ref())).count();
    }

    @Override
    public List<ExportState> status(SchoolScope scope, RecordRef ref) {
        return states.stream().filter(s -> s.ref().equals(ref)).toList();
    }

    @Override
    public List<ExportState> statusOfSchool(SchoolScope scope, TaskStatus status) {
        return states.stream().filter(s -> s.status() == status).toList();
    }

    @Override
    public ExportPackage buildPackage(SchoolScope scope, List<RecordRef> refs, Path directory) {
        packed = List.copyOf(refs);
        try {
            Path file = java.nio.file.Files.write(directory.resolve("p.zip"), "PK\u0003\u0004".getBytes());
            return new ExportPackage(new PackageManifest(PackageManifest.FORMAT, "P-7", scope.schoolCode(), "An Lão",
                    "moet-tieuhoc-1.0", "urn:x", "1.0", List.of(), List.of()), file, 4, "ab12");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "PK…" (a ZIP) is accepted; anything else is refused as tampered. */
    @Override
    public TransferReport verify(byte[] content) {
        return content.length > 1 && content[0] == 'P' && content[1] == 'K' ? accepted() : tampered();
    }

    @Override
    public TransferResult importTransfer(SchoolScope receiving, byte[] content, String pupilCode, String actor) {
        TransferReport report = verify(content);
        if (!report.accepted()) throw new TransferRefusedException(report);
        imports++;
        lastPupilCode = pupilCode;
        return new TransferResult(report, pupilCode == null ? "HS021" : pupilCode, List.of("A-1/v1"), HISTORY);
    }

    @Override
    public List<YearRecord> transferredRecords(SchoolScope scope, String pupilCode) {
        return List.of();
    }

    @Override
    public List<StudyHistoryEntry> transferredHistory(SchoolScope scope, String pupilCode) {
        return pupilCode.equals("HS021") ? HISTORY : List.of();
    }
}
