package vn.hocba.assessment.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hocba.assessment.ClassReport;
import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.assessment.csv.internal.text.LegacyCodec;
import vn.hocba.assessment.csv.internal.text.LetterTable;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.model.Sex;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.Trait;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearRecord;

/** The shared sample class imports cleanly as .csv, as .xlsx, in legacy encodings and in the vendor layout. */
class HocbaCsvImportTest {
    private static final LetterTable TABLE = new LetterTable();

    @Test
    void theSharedSampleImportsCleanlyAndTwiceChangesNothing() {
        Imports in = new Imports();
        ImportReport first = in.file(Fixture.FILE, Fixture.bytes());
        assertEquals(ImportStatus.STORED, first.status(), first.toJson());
        assertEquals(0, first.errorCount(), first.toJson());
        assertEquals(8, first.written());
        ClassReport c = first.classes().get(0);
        assertEquals("3A", c.className());
        assertEquals(3, c.grade());
        assertEquals("hocba-csv v1 (CSV)", first.provenance().format());
        assertEquals("UTF-8", first.provenance().encoding());
        assertEquals(64, first.provenance().inputSha256().length());

        Map<String, YearRecord> stored = in.stored();
        assertEquals(8, stored.size());
        YearRecord anh = stored.get("HB-HP-AL-TH0120220001-2024-2025");
        assertEquals("Trần Hữu Ánh", anh.pupil().fullName());
        assertEquals(Sex.MALE, anh.pupil().sex());
        assertEquals("031284860229", anh.pupil().personalId());
        assertEquals("Trường Tiểu học An Thắng", anh.school().name());
        assertEquals("Phạm Thị Lan", anh.schoolClass().homeroomTeacher());
        assertEquals("1/2022", anh.history().get(0).registrationNo());
        assertEquals(9, anh.assessment().subject(Subject.TOAN).orElseThrow().finalScore().orElseThrow());
        assertEquals(SubjectLevel.HOAN_THANH_TOT, anh.assessment().subject(Subject.TV).orElseThrow().level());
        assertEquals(YearEndResult.HOAN_THANH_XUAT_SAC, anh.outcome().result());
        YearRecord dung = stored.get("HB-HP-AL-TH0120220003-2024-2025");
        assertEquals(TraitLevel.DAT, dung.assessment().trait(Trait.YEU_NUOC).orElseThrow().level());
        assertEquals(YearEndResult.HOAN_THANH, dung.outcome().result());

        int writes = in.writes();
        ImportReport again = in.file(Fixture.FILE, Fixture.bytes());
        assertEquals(ImportStatus.UNCHANGED, again.status(), again.toJson());
        assertEquals(writes, in.writes(), "importing the same file twice changes nothing");
    }

    @Test
    void theSameDataAsXlsxStoresTheSameRecords() {
        Imports csv = new Imports();
        csv.file(Fixture.FILE, Fixture.bytes());
        Imports xlsx = new Imports();
        ImportReport report = xlsx.file("lop-3a-2024-2025.xlsx", Fixture.load().xlsx());
        assertEquals(ImportStatus.STORED, report.status(), report.toJson());
        assertEquals("hocba-csv v1 (XLSX)", report.provenance().format());
        assertEquals(csv.stored(), xlsx.stored());
    }

    @Test
    void legacyEncodingsAndNfdStoreTheSameRecordsAsUtf8() {
        Imports utf8 = new Imports();
        utf8.file(Fixture.FILE, Fixture.bytes());
        String text = new String(Fixture.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        Map<String, byte[]> variants = Map.of(
                "TCVN3 (ABC) → Unicode NFC", LegacyCodec.TCVN3.encode(TABLE, text),
                "VNI-Windows → Unicode NFC", LegacyCodec.VNI.encode(TABLE, text),
                "UTF-8, NFD → NFC", Normalizer.normalize(text, Normalizer.Form.NFD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> v : variants.entrySet()) {
            Imports other = new Imports();
            ImportReport report = other.file("lop-3a.csv", v.getValue());
            assertEquals(ImportStatus.STORED, report.status(), v.getKey() + ": " + report.toJson());
            assertEquals(v.getKey(), report.provenance().encoding());
            assertEquals(utf8.stored(), other.stored(), v.getKey());
        }
    }

    @Test
    void aSheetTypedInTcvn3FontsIsRepairedCellByCell() {
        Fixture f = Fixture.load();
        Charset cp1252 = Charset.forName("windows-1252");
        Fixture legacy = f.copy();
        for (java.util.List<String> row : legacy.rows) {
            for (int c = 0; c < row.size(); c++) {
                row.set(c, new String(LegacyCodec.TCVN3.encode(TABLE, row.get(c)), cp1252));
            }
        }
        Imports utf8 = new Imports();
        utf8.file(Fixture.FILE, Fixture.bytes());
        Imports in = new Imports();
        ImportReport report = in.file("lop-3a-vntime.xlsx", legacy.xlsx());
        assertEquals(ImportStatus.STORED, report.status(), report.toJson());
        assertTrue(report.provenance().encoding().contains("TCVN3"), report.provenance().encoding());
        assertEquals(utf8.stored(), in.stored());
    }

    @Test
    void theClassSummarySheetOfAVendorImportsThroughItsProfile() throws IOException {
        byte[] xlsx;
        try (InputStream s = getClass().getResourceAsStream("/vn/hocba/assessment/csv/" + TongHopSheetWriter.RESOURCE)) {
            xlsx = s.readAllBytes();
        }
        Imports csv = new Imports();
        csv.file(Fixture.FILE, Fixture.bytes());
        Imports in = new Imports();
        in.t.store.saveSchool(new vn.hocba.model.School(Fixture.SCHOOL, "Trường Tiểu học An Thắng"));
        ImportReport report = in.file("Bang tong hop lop 3.xlsx", xlsx);
        assertEquals(ImportStatus.STORED, report.status(), report.toJson());
        assertEquals(0, report.errorCount(), report.toJson());
        assertEquals(java.util.List.of("3A", "3B"), report.classes().stream().map(ClassReport::className).toList());
        assertEquals(16, report.written());
        assertTrue(report.provenance().format().startsWith("Bảng tổng hợp"), report.provenance().format());
        for (ImportProblem p : report.allProblems()) {
            assertEquals(vn.hocba.rules.Severity.WARNING, p.severity(), p.describeEn());
        }

        Map<String, YearRecord> fromCsv = csv.stored();
        Map<String, YearRecord> fromSheet = in.stored();
        YearRecord a = fromCsv.get("HB-HP-AL-TH0120220004-2024-2025");
        YearRecord b = fromSheet.get("HB-HP-AL-TH0120220004-2024-2025");
        assertEquals(a.assessment(), b.assessment(), "the same results, read from another layout");
        assertEquals(a.pupil().fullName(), b.pupil().fullName());
        assertEquals(a.pupil().dateOfBirth(), b.pupil().dateOfBirth());
        assertEquals(a.outcome(), b.outcome());
        YearRecord other = fromSheet.get("HB-HP-AL-TH0120221004-2024-2025");
        assertEquals("3B", other.schoolClass().name());
        assertEquals("Nguyễn Thị Hằng", other.schoolClass().homeroomTeacher());
    }
}
