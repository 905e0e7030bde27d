package vn.hocba.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    record Pupil(String name, LocalDate born, List<Integer> scores) {
    }

    @Test
    void writesRecordsDatesAndVietnameseAndReadsThemBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pupil", new Pupil("Nguyễn Bảo \"Dũng\"\n", LocalDate.of(2016, 4, 4), List.of(9, 10)));
        m.put("at", Instant.parse("2025-05-20T08:00:00Z"));
        m.put("share", 0.5);
        m.put("none", null);
        String text = Json.write(m);
        assertEquals("{\"pupil\":{\"name\":\"Nguyễn Bảo \\\"Dũng\\\"\\n\",\"born\":\"2016-04-04\",\"scores\":[9,10]},"
                + "\"at\":\"2025-05-20T08:00:00Z\",\"share\":0.5,\"none\":null}", text);
        Map<String, Object> back = Json.object(text);
        assertEquals(Map.of("name", "Nguyễn Bảo \"Dũng\"\n", "born", "2016-04-04", "scores", List.of(9L, 10L)),
                back.get("pupil"));
        assertEquals(0.5, back.get("share"));
        assertEquals(Map.of("a", "\u1ec7"), Json.object("{\"a\":\"\\u1ec7\"}"));
        assertEquals(Map.of(), Json.object("  "));
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : List.of("{", "{\"a\":}", "{\"a\":1,}", "[1,2", "{\"a\":tru}", "{} x", "\"open")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }
}
