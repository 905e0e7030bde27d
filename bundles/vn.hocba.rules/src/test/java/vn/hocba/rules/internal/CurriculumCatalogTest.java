package vn.hocba.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.hocba.model.Curriculum;
import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Subject;
import vn.hocba.model.Trait;

/** The 2018 programme as HOCBA.md §2 tabulates it, rolled in one grade a year from 2020-2021. */
class CurriculumCatalogTest {
    private final ResourceCurriculumCatalog catalog = new ResourceCurriculumCatalog();

    /** Each grade's subjects in print order: code, then * compulsory or ? optional, then T tested. */
    @ParameterizedTest(name = "grade {0}")
    @CsvSource(delimiter = '|', value = {
            "1|TV*T TOAN*T NN1? DD* TNXH* GDTC* AN* MT* HDTN* TDT?",
            "2|TV*T TOAN*T NN1? DD* TNXH* GDTC* AN* MT* HDTN* TDT?",
            "3|TV*T TOAN*T NN1*T DD* TNXH* THCN*T GDTC* AN* MT* HDTN* TDT?",
            "4|TV*T TOAN*T NN1*T DD* LSDL*T KH*T THCN*T GDTC* AN* MT* HDTN* TDT?",
            "5|TV*T TOAN*T NN1*T DD* LSDL*T KH*T THCN*T GDTC* AN* MT* HDTN* TDT?"})
    void subjectsOfEachGrade(int grade, String expected) {
        String actual = catalog.forYear(SchoolYear.parse("2024-2025")).forGrade(grade).stream()
                .map(e -> e.subject().nationalCode() + (e.compulsory() ? "*" : "?") + (e.tested() ? "T" : ""))
                .collect(Collectors.joining(" "));
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0}: grades {1}")
    @CsvSource({"2019-2020,''", "2020-2021,1", "2021-2022,12", "2022-2023,123", "2023-2024,1234", "2024-2025,12345",
            "2035-2036,12345"})
    void theProgrammeReachedOneGradeAYear(String year, String grades) {
        SchoolYear y = SchoolYear.parse(year);
        String covered = IntStream.rangeClosed(1, 5).filter(g -> catalog.covers(y, g))
                .mapToObj(Integer::toString).collect(Collectors.joining());
        assertEquals(grades, covered);
    }

    @Test
    void noCurriculumBefore2020() {
        assertTrue(catalog.find(SchoolYear.parse("2019-2020")).isEmpty());
        assertThrows(NoSuchElementException.class, () -> catalog.forYear(SchoolYear.parse("2019-2020")));
    }

    @Test
    void theVersionIsNamedAndDated() {
        Curriculum c = catalog.forYear(SchoolYear.parse("2022-2023"));
        assertEquals("GDPT2018", c.id());
        assertEquals(SchoolYear.parse("2020-2021"), c.validFrom());
        assertTrue(c.title().contains("2018"));
        assertFalse(c.coversGrade(4));
    }

    @Test
    void everyGradeAssessesTheFifteenQualitiesAndCompetenciesInOrder() {
        Curriculum c = catalog.forYear(SchoolYear.parse("2024-2025"));
        for (int g = 1; g <= 5; g++) assertEquals(Arrays.asList(Trait.values()), c.traitsForGrade(g));
    }

    @Test
    void tdtCanBeConfiguredAsTested() {
        Curriculum tested = new ResourceCurriculumCatalog(true).forYear(SchoolYear.parse("2024-2025"));
        Curriculum plain = catalog.forYear(SchoolYear.parse("2024-2025"));
        for (int g = 1; g <= 5; g++) {
            assertTrue(tested.entry(g, Subject.TDT).orElseThrow().tested());
            assertFalse(tested.entry(g, Subject.TDT).orElseThrow().compulsory());
            List<CurriculumEntry> others = tested.forGrade(g).stream().filter(e -> e.subject() != Subject.TDT).toList();
            assertEquals(plain.forGrade(g).stream().filter(e -> e.subject() != Subject.TDT).toList(), others);
        }
    }

    @Test
    void aBrokenResourceLineIsReportedWithItsNumber() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CurriculumFile.parse("x.csv",
                List.of("curriculum,X,Y", "start,1,2020-2021", "subject,TV,1-5,compulsory,maybe")));
        assertTrue(e.getMessage().startsWith("x.csv line 3"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> CurriculumFile.parse("x.csv", List.of("subject,XX,1,compulsory,tested")));
        assertThrows(IllegalStateException.class, () -> CurriculumFile.parse("x.csv", List.of("start,1,2020-2021")));
    }
}
