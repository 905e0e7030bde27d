package vn.hocba.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SchoolYearTest {

    @Test
    void parsesAndPrintsTheUsualForm() {
        assertEquals(2024, SchoolYear.parse(" 2024-2025 ").startYear());
        assertEquals("2024-2025", SchoolYear.parse("2024-2025").toString());
    }

    @Test
    void refusesAYearPairThatDoesNotFollow() {
        assertThrows(IllegalArgumentException.class, () -> SchoolYear.parse("2024-2026"));
        assertThrows(IllegalArgumentException.class, () -> SchoolYear.parse("24-25"));
    }
}
