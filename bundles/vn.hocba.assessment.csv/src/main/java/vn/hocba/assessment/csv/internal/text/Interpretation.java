package vn.hocba.assessment.csv.internal.text;

import java.nio.charset.StandardCharsets;

/**
 * A way to read text that arrived as Unicode but may be mojibake: as it is, or as the bytes a Western (Windows-1252)
 * program saw in a legacy font (TCVN3 .VnTime, VNI-Times) or in UTF-8 read as Windows-1252 ("TrÆ°á»ng").
 */
public enum Interpretation {
    AS_IS(""),
    TCVN3_FONT("TCVN3 (ABC)"),
    VNI_FONT("VNI-Windows"),
    UTF8_READ_AS_CP1252("UTF-8 read as Windows-1252");

    private final String label;

    Interpretation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The text read this way, or null when it cannot be (a character with no Windows-1252 byte, bad UTF-8). */
    public String apply(LetterTable table, String text) {
        if (this == AS_IS) return text;
        byte[] bytes = LegacyCodec.cp1252Bytes(text);
        if (bytes == null) return null;
        boolean high = false;
        for (byte b : bytes) if (b < 0) high = true;
        if (!high) return text; // plain ASCII reads the same every way
        return switch (this) {
            case TCVN3_FONT -> LegacyCodec.TCVN3.decode(table, bytes);
            case VNI_FONT -> LegacyCodec.VNI.decode(table, bytes);
            case UTF8_READ_AS_CP1252 -> {
                String s = LegacyCodec.utf8OrNull(bytes, 0);
                yield s == null ? null : new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
            default -> text;
        };
    }
}
