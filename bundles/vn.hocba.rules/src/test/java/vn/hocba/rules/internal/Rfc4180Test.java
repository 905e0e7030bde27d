package vn.hocba.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The test-only CSV reader follows RFC 4180 where the fixture needs it. */
class Rfc4180Test {
    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        String csv = "\uFEFFa,b,c\r\n\"An Lão, Hải Phòng\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n";
        assertEquals(List.of(List.of("a", "b", "c"), List.of("An Lão, Hải Phòng", "say \"hi\"", "two\nlines"),
                List.of("", "", "")), Rfc4180.rows(csv));
    }

    @Test
    void aLastLineWithoutBreakCounts() {
        assertEquals(List.of(List.of("x", "y"), List.of("1", "2")), Rfc4180.rows("x,y\n1,2"));
    }
}
