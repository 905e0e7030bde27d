package vn.hocba.model;

import java.text.Normalizer;

/** Text as the record stores it: trimmed, Unicode NFC (so "ộ" is one code point), never null. */
public final class Text {
    private Text() {}

    public static String orEmpty(String s) {
        return s == null ? "" : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }

    public static String required(String s, String field) {
        String t = orEmpty(s);
        if (t.isEmpty()) throw new IllegalArgumentException(field + " is required");
        return t;
    }
}
