package vn.hocba.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.YearRecord;

class CanonicalJsonTest {

    @Test
    void keysAreSortedNullsLeftOutAndNothingButControlCharactersEscaped() {
        Map<String, Object> m = new TreeMap<>();
        m.put("b", "Đạt \"tốt\"\n\\");
        m.put("a", 7);
        m.put("c", null);
        m.put("D", List.of(true, false));
        String json = new String(Codecs.PLAIN.write(m), StandardCharsets.UTF_8);
        assertEquals("{\"D\":[true,false],\"a\":7,\"b\":\"Đạt \\\"tốt\\\"\\n\\\\\"}", json);
    }

    @Test
    void aRecordRoundTripsAndWritesTheSameBytesAgain() {
        YearRecord r = Fixtures.record("HP-1", "3A", 10);
        byte[] first = Codecs.RECORD.write(r);
        YearRecord back = Codecs.RECORD.read(first, YearRecord.class);
        assertEquals(r.withState(RecordState.DRAFT), back);
        assertArrayEquals(first, Codecs.RECORD.write(back));
        String json = new String(first, StandardCharsets.UTF_8);
        assertFalse(json.contains("\"state\""), "the lifecycle state is not content");
        assertTrue(json.contains("\"year\":\"2024-2025\""), json);
        assertTrue(json.contains("\"at\":\"2025-05-20T08:15:30.123456789Z\""), json);
        assertTrue(json.startsWith("{\"assessment\":{\"awards\":[\"Học sinh Tiêu biểu"), "sorted, no whitespace: " + json);
    }

    @Test
    void aMissingComponentReadsAsItsDefault() {
        byte[] old = "{\"fullName\":\"Lê Thị Hoa\",\"pupilCode\":\"HS9\"}".getBytes(StandardCharsets.UTF_8);
        PupilIdentity p = Codecs.PLAIN.read(old, PupilIdentity.class);
        assertEquals("HS9", p.pupilCode());
        assertEquals("", p.personalId());
        assertEquals(vn.hocba.model.Sex.UNKNOWN, p.sex());
    }

    @Test
    void invalidOrForeignContentIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Codecs.PLAIN.read("{\"pupilCode\":\"\"}".getBytes(StandardCharsets.UTF_8), PupilIdentity.class));
        assertThrows(IllegalArgumentException.class,
                () -> Codecs.PLAIN.read("{\"pupilCode\":1} x".getBytes(StandardCharsets.UTF_8), PupilIdentity.class));
        assertThrows(IllegalArgumentException.class, () -> new CanonicalJson(Set.of()).write(Map.of("x", 1.5)));
    }
}
