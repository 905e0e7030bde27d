package vn.hocba.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.hocba.model.FollowUp;
import vn.hocba.model.Promotion;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;
import vn.hocba.rules.Derivation;
import vn.hocba.rules.Shortfall;

/**
 * The shared sample class 3A of 2024-2025 (shared/fixtures/lop-3a-2024-2025.csv): it maps to the model without a
 * cell problem, validates without a problem, and derives the results checked by hand (the table below).
 */
class ClassFixtureTest {
    private static final String FIXTURE = "shared/fixtures/lop-3a-2024-2025.csv";

    private static final Map<String, YearRecord> RECORDS = new LinkedHashMap<>();
    private static FixtureMapper mapper;

    private final Tt27Validator validator = new Tt27Validator(Sample.CATALOG);
    private final Tt27Rules rules = new Tt27Rules(Sample.CATALOG);

    @BeforeAll
    static void readTheClass() throws IOException {
        mapper = new FixtureMapper();
        for (Map<String, String> row : Rfc4180.records(Files.readString(fixture(), StandardCharsets.UTF_8))) {
            YearRecord r = mapper.map(row);
            RECORDS.put(r.pupil().pupilCode(), r);
        }
    }

    /** The checkout's shared/ folder sits beside (or above) the project: look upwards from the module. */
    private static Path fixture() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(FIXTURE);
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException(FIXTURE + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyCellMapsAndEveryRecordValidates() {
        assertEquals(List.of(), mapper.problems);
        assertEquals(8, RECORDS.size());
        for (YearRecord r : RECORDS.values()) {
            assertEquals(List.of(), validator.validate(r), r.pupil().pupilCode());
            assertEquals(3, r.assessment().grade());
            assertEquals("3A", r.schoolClass().name());
            // grade 3: TV, TOAN, NN1, DD, TNXH, THCN, GDTC, AN, MT, HDTN; no LSDL, KH, TDT
            assertEquals(10, r.assessment().subjects().size());
            assertEquals(15, r.assessment().traits().size());
        }
    }

    /**
     * Checked by hand from the CSV. The tested subjects of grade 3 are TV, TOAN, NN1, THCN; "lowest" is over every
     * subject/activity, every quality/competency, and those four scores.
     */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "HP-AL-TH0120220001|Trần Hữu Ánh|HTXS|all T, all Tốt, scores 9 9 9 10: lowest 9",
            "HP-AL-TH0120220002|Đặng Thị Hiếu|HTT|all T, all Tốt, scores 8 10 10 9: TV 8 is under 9",
            "HP-AL-TH0120220003|Nguyễn Bảo Dũng|HT|TV, TNXH, AN, HDTN at H; 9 qualities/competencies Đạt; lowest score 7",
            "HP-AL-TH0120220004|Đỗ Minh Nguyệt|HT|TV, TOAN, THCN, AN, HDTN at H; 4 Đạt; THCN 6",
            "HP-AL-TH0120220005|Phạm Thuỳ Yến|HTXS|all T, all Tốt, scores 10 9 9 9: lowest 9",
            "HP-AL-TH0120220006|Đặng Thuỳ Phúc|HTT|all T, all Tốt, scores 10 9 9 7: THCN 7 is under 9",
            "HP-AL-TH0120220007|Hoàng Khánh Thư|HT|TNXH, GDTC, MT, HDTN at H; 7 Đạt; lowest score 7",
            "HP-AL-TH0120220008|Đặng Khánh Hiếu|HT|TOAN, NN1, THCN, GDTC, AN, HDTN at H; 10 Đạt; NN1 5"})
    void derivedResultsCheckedByHand(String pupilCode, String name, String expected, String why) {
        YearRecord r = RECORDS.get(pupilCode);
        assertNotNull(r, pupilCode);
        assertEquals(name, r.pupil().fullName());
        Derivation d = rules.derive(r.year(), r.assessment());
        YearOutcome o = d.outcome();
        YearEndResult result = YearEndResult.ofCode(expected);
        assertEquals(result, o.result(), why);
        assertTrue(o.completedGrade());
        assertFalse(o.completedPrimary(), "grade 3 does not complete primary school");
        assertEquals(result == YearEndResult.HOAN_THANH_XUAT_SAC, o.excellentPupilEligible());
        assertEquals(Promotion.PROMOTED, o.promotion());
        assertEquals(FollowUp.NONE, o.followUp());
        assertEquals(result == YearEndResult.HOAN_THANH_XUAT_SAC, d.shortfalls().isEmpty());
    }

    @Test
    void theShortfallsSayWhyNotOneLevelHigher() {
        assertEquals("TV.score", fields("HP-AL-TH0120220002"));
        assertEquals("THCN.score", fields("HP-AL-TH0120220006"));
        // HT pupils miss HTT on every H, every Đạt and every score under 7
        assertEquals("TV.level TOAN.level THCN.level THCN.score AN.level HDTN.level PC.YN.level NLC.GQVD.level "
                + "NLDT.TT.level NLDT.TH.level", fields("HP-AL-TH0120220004"));
        Shortfall s = rules.derive(RECORDS.get("HP-AL-TH0120220002").year(),
                RECORDS.get("HP-AL-TH0120220002").assessment()).shortfalls().get(0);
        assertEquals(YearEndResult.HOAN_THANH_XUAT_SAC, s.missed());
        assertEquals("Môn Tiếng Việt: điểm cuối năm 8, HTXS cần từ 9 điểm trở lên", s.messageVi());
        assertEquals("Tiếng Việt: end-of-year score 8, HTXS needs at least 9", s.messageEn());
    }

    private String fields(String pupilCode) {
        YearRecord r = RECORDS.get(pupilCode);
        return rules.derive(r.year(), r.assessment()).shortfalls().stream().map(Shortfall::field)
                .collect(Collectors.joining(" "));
    }
}
