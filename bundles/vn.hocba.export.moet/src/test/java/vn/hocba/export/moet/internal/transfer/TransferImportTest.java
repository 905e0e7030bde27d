package vn.hocba.export.moet.internal.transfer;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.export.ExportPackage;
import vn.hocba.export.PackageManifest;
import vn.hocba.export.SignatureCheck;
import vn.hocba.export.TransferProblem;
import vn.hocba.export.TransferRefusedException;
import vn.hocba.export.TransferReport;
import vn.hocba.export.TransferResult;
import vn.hocba.export.moet.MemoryStore;
import vn.hocba.export.moet.SampleRecords;
import vn.hocba.export.moet.TestSeal;
import vn.hocba.export.moet.XmlSigner;
import vn.hocba.export.moet.internal.MoetExporter;
import vn.hocba.export.moet.internal.pkg.PackageReader;
import vn.hocba.export.moet.internal.pkg.PackageWriter;
import vn.hocba.export.spi.Exporter;
import vn.hocba.model.RecordState;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearRecord;
import vn.hocba.signing.testpki.TestPki;
import vn.hocba.store.SchoolScope;

class TransferImportTest {

    private static final SchoolScope B = SchoolScope.of(SampleRecords.SCHOOL_B.code());
    private static final PackageWriter.SchemaInfo SCHEMA = new PackageWriter.SchemaInfo("moet-tieuhoc-1.0",
            "urn:hocba:moet:hocbaso-tieuhoc:1.0", "1.0");

    @TempDir
    Path tmp;

    private final MoetExporter exporter = new MoetExporter();
    private MemoryStore storeB;
    private Transfers transfers;

    @BeforeEach
    void receivingSchool() {
        storeB = new MemoryStore();
        storeB.saveSchool(SampleRecords.SCHOOL_B);
        TransferVerifier verifier = new TransferVerifier(this::byNamespace, Optional::empty,
                () -> List.of(TestPki.shared().root().certificate()));
        transfers = new Transfers(verifier, new TransferArchive(tmp.resolve("archive"), this::byNamespace), storeB);
    }

    private Optional<Exporter> byNamespace(String ns) {
        return ns.equals(exporter.schemaNamespace()) ? Optional.of(exporter) : Optional.empty();
    }

    /** Pupil 7's grades 1 to 3 at school A, each XML signed by A's teacher, principal and seal. */
    private List<PackageWriter.Item> pupilYears() {
        List<PackageWriter.Item> items = new ArrayList<>();
        for (int grade = 1; grade <= 3; grade++) {
            YearRecord r = SampleRecords.record(SampleRecords.SCHOOL_A, 7, grade, new SchoolYear(2021 + grade),
                    RecordState.ISSUED);
            r = new YearRecord(r.recordId() + "-G" + grade, 1, r.state(), r.school(), r.schoolClass(), r.pupil(),
                    r.history(), r.assessment(), r.outcome(), null, null, r.place(), r.issueDate());
            byte[] xml = XmlSigner.signAll(exporter.toXml(r, SampleRecords.signatories(r.school())));
            items.add(PackageWriter.Item.of(r, xml, null));
        }
        return items;
    }

    private byte[] packageOf(List<PackageWriter.Item> items) throws Exception {
        ExportPackage p = PackageWriter.write("T-1", SampleRecords.SCHOOL_A.code(), SampleRecords.SCHOOL_A.name(),
                SCHEMA, items, TestSeal.shared(), tmp.resolve("out"));
        return Files.readAllBytes(p.file());
    }

    @Test
    void aVerifiedTransferContinuesThePupilsHistoryAtTheReceivingSchool() throws Exception {
        byte[] zip = packageOf(pupilYears());
        TransferResult result = transfers.importTransfer(B, zip, null, "admin-b");

        TransferReport report = result.report();
        assertTrue(report.accepted(), () -> report.problems().toString());
        assertEquals(SampleRecords.SCHOOL_A.code(), report.sourceSchoolCode());
        assertTrue(report.packageSignature().passed());
        assertEquals("Trường Tiểu học An Lão", report.packageSignature().signerName());
        assertEquals(3, report.records().size());
        for (var check : report.records()) {
            assertEquals(List.of("HOMEROOM_TEACHER:Nguyễn Thị Hoa", "DEPUTY_PRINCIPAL:Lê Thị Thu Hà",
                    "SCHOOL_SEAL:Trường Tiểu học An Lão"), check.signatures().stream()
                    .map(s -> s.role() + ":" + s.signerName()).toList(), "A's signers are shown");
            assertTrue(check.signatures().stream().allMatch(SignatureCheck::passed));
        }

        String code = SampleRecords.pupilCode(7);
        assertEquals(code, result.pupilCode());
        assertEquals(3, result.imported().size());
        assertEquals(SampleRecords.personalId(7), storeB.pupil(B, code).orElseThrow().identity().personalId());
        List<YearRecord> earlier = transfers.records(B, code);
        assertEquals(List.of(2022, 2023, 2024), earlier.stream().map(r -> r.year().startYear()).toList());
        assertEquals(SampleRecords.SCHOOL_A, earlier.get(0).school());

        // the next year at B continues the study history
        List<StudyHistoryEntry> history = new ArrayList<>(result.history());
        assertEquals(List.of(1, 2, 3), history.stream().map(StudyHistoryEntry::grade).toList());
        history.add(new StudyHistoryEntry(new SchoolYear(2025), 4, "4B", B.schoolCode(), SampleRecords.SCHOOL_B.name(),
                "ĐB-9", java.time.LocalDate.of(2025, 9, 5)));
        YearRecord nextYear = SampleRecords.record(SampleRecords.SCHOOL_B, 7, 4, new SchoolYear(2025), RecordState.DRAFT);
        nextYear = new YearRecord(nextYear.recordId(), 1, RecordState.DRAFT, nextYear.school(), nextYear.schoolClass(),
                storeB.pupil(B, code).orElseThrow().identity(), history, nextYear.assessment(), null, null, null, "", null);
        byte[] nextXml = exporter.toXml(nextYear, List.of());
        YearRecord back = exporter.fromXml(nextXml).record();
        assertEquals(List.of("HP-AL-TH01", "HP-AL-TH01", "HP-AL-TH01", "HP-KT-TH02"),
                back.history().stream().map(StudyHistoryEntry::schoolCode).toList());

        // importing the same package again adds nothing
        TransferResult again = transfers.importTransfer(B, zip, null, "admin-b");
        assertEquals(List.of(), again.imported());
        assertEquals(3, transfers.records(B, code).size());
    }

    @Test
    void aSingleSignedXmlIsAccepted() {
        byte[] xml = pupilYears().get(2).xml();
        TransferReport r = transfers.verify(xml);
        assertTrue(r.accepted(), () -> r.problems().toString());
        assertEquals("", r.packageId());
        assertEquals(3, r.records().get(0).signatures().size());
        TransferResult result = transfers.importTransfer(B, xml, "B-0007", "admin-b");
        assertEquals("B-0007", result.pupilCode());
        assertEquals(1, transfers.records(B, "B-0007").size());
    }

    @Test
    void aTamperedEntryIsRefusedAndNothingIsStored() throws Exception {
        Map<String, byte[]> entries = PackageReader.entries(packageOf(pupilYears()));
        String xmlPath = entries.keySet().stream().filter(n -> n.endsWith(".xml") && n.startsWith("records/"))
                .findFirst().orElseThrow();
        entries.put(xmlPath, new String(entries.get(xmlPath), StandardCharsets.UTF_8)
                .replaceFirst("<diemktdkcuoinam>\\d+<", "<diemktdkcuoinam>10<").getBytes(StandardCharsets.UTF_8));
        assertRefused(zip(entries), "HASH_MISMATCH", "SIGNATURE_INVALID");
    }

    @Test
    void anUnsignedPackageIsRefused() throws Exception {
        Map<String, byte[]> entries = PackageReader.entries(packageOf(pupilYears()));
        entries.remove(PackageManifest.SIGNATURE_PATH);
        assertRefused(zip(entries), "UNSIGNED");
    }

    @Test
    void unsignedRecordsAreRefusedEvenInASealedPackage() throws Exception {
        List<PackageWriter.Item> unsigned = pupilYears().stream().map(i -> new PackageWriter.Item(i.recordId(),
                i.version(), i.pupilCode(), i.personalId(), i.schoolYear(), i.grade(), exporter.toXml(
                        exporter.fromXml(i.xml()).record(), exporter.fromXml(i.xml()).signatories()), null)).toList();
        assertRefused(packageOf(unsigned), "UNSIGNED");
    }

    @Test
    void aPackageSealedByAnUntrustedKeyIsRefused() throws Exception {
        try (TestPki other = TestPki.start()) {
            ExportPackage p = PackageWriter.write("T-2", SampleRecords.SCHOOL_A.code(), SampleRecords.SCHOOL_A.name(),
                    SCHEMA, pupilYears(), new TestSeal(other.seal()), tmp.resolve("other"));
            assertRefused(Files.readAllBytes(p.file()), "SEAL_SIGNATURE_INVALID");
        }
    }

    @Test
    void aWrongSchemaIsRefused() throws Exception {
        List<PackageWriter.Item> items = new ArrayList<>(pupilYears());
        PackageWriter.Item first = items.get(0);
        String text = new String(first.xml(), StandardCharsets.UTF_8);
        byte[] invalid = XmlSigner.signAll(text.substring(0, text.indexOf("<ds:Signature"))
                .replace("<gioitinh>2</gioitinh>", "<gioitinh>Nữ</gioitinh>")
                .replace("<gioitinh>1</gioitinh>", "<gioitinh>Nam</gioitinh>")
                .concat("</thongtinsohocbasotieuhoc>").getBytes(StandardCharsets.UTF_8));
        items.set(0, new PackageWriter.Item(first.recordId(), first.version(), first.pupilCode(), first.personalId(),
                first.schoolYear(), first.grade(), invalid, null));
        assertRefused(packageOf(items), "SCHEMA_INVALID");

        byte[] otherNs = XmlSigner.signAll(text.substring(0, text.indexOf("<ds:Signature"))
                .replace("urn:hocba:moet:hocbaso-tieuhoc:1.0", "urn:hocba:moet:hocbaso-tieuhoc:9.9")
                .concat("</thongtinsohocbasotieuhoc>").getBytes(StandardCharsets.UTF_8));
        items.set(0, new PackageWriter.Item(first.recordId(), first.version(), first.pupilCode(), first.personalId(),
                first.schoolYear(), first.grade(), otherNs, null));
        assertRefused(packageOf(items), "SCHEMA_UNKNOWN");
        assertRefused("hello".getBytes(StandardCharsets.UTF_8), "UNKNOWN_FORMAT");
    }

    @Test
    void aPdfIsNotTakenUncheckedWhenNoVerifierRuns() throws Exception {
        List<PackageWriter.Item> items = pupilYears().stream().map(i -> new PackageWriter.Item(i.recordId(),
                i.version(), i.pupilCode(), i.personalId(), i.schoolYear(), i.grade(), i.xml(),
                "%PDF-1.7 not checked".getBytes(StandardCharsets.US_ASCII))).toList();
        assertRefused(packageOf(items), "VERIFIER_UNAVAILABLE");
    }

    @Test
    void aPupilCodeHeldByAnotherPupilIsRefused() throws Exception {
        YearRecord other = SampleRecords.record(99);
        storeB.savePupil(B, new vn.hocba.model.PupilIdentity(SampleRecords.pupilCode(7), SampleRecords.personalId(99),
                other.pupil().fullName(), other.pupil().sex(), other.pupil().dateOfBirth(), "", "", "", "", "", "", "",
                ""), 0);
        TransferRefusedException e = assertThrows(TransferRefusedException.class,
                () -> transfers.importTransfer(B, packageOf(pupilYears()), null, "admin-b"));
        assertTrue(codes(e.report()).contains("PUPIL_CODE_TAKEN"));
        assertEquals(List.of(), transfers.records(B, SampleRecords.pupilCode(7)));
    }

    private void assertRefused(byte[] content, String... expectedCodes) {
        assertFalse(transfers.verify(content).accepted());
        TransferRefusedException e = assertThrows(TransferRefusedException.class,
                () -> transfers.importTransfer(B, content, null, "admin-b"));
        Set<String> codes = codes(e.report());
        for (String c : expectedCodes) assertTrue(codes.contains(c), c + " in " + codes);
        assertTrue(e.report().problems().stream().allMatch(p -> !p.messageVi().isBlank() && !p.messageEn().isBlank()));
        assertEquals(List.of(), storeB.pupils(B), "no pupil stored");
        assertFalse(Files.exists(tmp.resolve("archive")) && tmp.resolve("archive").toFile().list().length > 0,
                "no record stored");
    }

    private static Set<String> codes(TransferReport r) {
        return r.problems().stream().map(TransferProblem::code).collect(Collectors.toSet());
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : new LinkedHashMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
