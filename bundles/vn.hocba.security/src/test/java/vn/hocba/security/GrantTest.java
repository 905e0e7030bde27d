package vn.hocba.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GrantTest {

    @Test
    void everyConfigurationFormReadsBackAsWritten() {
        for (String text : List.of("HOMEROOM_TEACHER:HP-AL-TH01:3A", "PRINCIPAL:HP-AL-TH01", "DEPUTY_PRINCIPAL:S",
                "SCHOOL_ADMIN:S", "DISTRICT_VIEWER:HP-AL", "OPERATOR")) {
            assertEquals(text, Grant.parse(text).format());
        }
    }

    @Test
    void aGrantMustNameTheRightPlace() {
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("HOMEROOM_TEACHER:S"));
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("PRINCIPAL"));
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("PRINCIPAL:S:3A"));
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("DISTRICT_VIEWER"));
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("OPERATOR:S"));
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("JANITOR:S"));
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("HOMEROOM_TEACHER:S:3A:x"));
    }

    @Test
    void aCallerKnowsWhereTheyWork() {
        Caller c = new Caller("gv3a", "Nguyễn Thị Hoa",
                List.of(Grant.teacher("S1", "3A"), Grant.school(Role.DEPUTY_PRINCIPAL, "S2"), Grant.districtViewer("D")));
        assertTrue(c.teaches("S1", "3a"));
        assertFalse(c.teaches("S1", "3B"));
        assertFalse(c.leads("S1"));
        assertTrue(c.leads("S2"));
        assertEquals(Set.of("S1", "S2"), c.schools());
        assertEquals(Set.of("3A"), c.classesOf("S1"));
        assertEquals(Set.of("D"), c.districts());
        assertFalse(c.isOperator());
        assertTrue(Caller.operator("root").isOperator());
    }
}
