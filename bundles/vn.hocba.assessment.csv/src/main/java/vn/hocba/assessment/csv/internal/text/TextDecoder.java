package vn.hocba.assessment.csv.internal.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the bytes of a text file into Unicode NFC: UTF-8 (with or without BOM) and UTF-16 with a BOM as they are;
 * anything else is tried as TCVN3 (ABC), VNI-Windows and Windows-1258, and the reading whose words are Vietnamese
 * wins. When no reading is clearly Vietnamese, or two readings tie, the file is refused: it is never guessed.
 */
public final class TextDecoder {
    /** Above this share of foreign or symbol words, a legacy reading is not trusted. */
    private static final double MAX_BAD_SHARE = 0.2;
    /** Below this share of Vietnamese syllables, neither (French read as TCVN3 is all letters, no syllables). */
    private static final double MIN_SYLLABLE_SHARE = 0.6;

    private final Syllables syllables;

    public TextDecoder(Syllables syllables) {
        this.syllables = syllables;
    }

    /** A decoded text, or why it could not be decoded (then {@code text} is null). */
    public record Decoded(String text, String encoding, String refusalVi, String refusalEn) {
        public boolean ok() {
            return text != null;
        }
    }

    public Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            String s = LegacyCodec.utf8OrNull(bytes, 3);
            if (s != null) return unicode(s, "UTF-8 (BOM)");
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            return unicode(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            return unicode(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        } else {
            String s = LegacyCodec.utf8OrNull(bytes, 0);
            if (s != null) return unicode(s, "UTF-8");
        }
        return legacy(bytes);
    }

    private static Decoded unicode(String s, String label) {
        if (Normalizer.isNormalized(s, Normalizer.Form.NFC)) return new Decoded(s, label, null, null);
        return new Decoded(Normalizer.normalize(s, Normalizer.Form.NFC), label + ", NFD → NFC", null, null);
    }

    private record Reading(String label, String text, TextScore score) {}

    private Decoded legacy(byte[] bytes) {
        LetterTable t = syllables.table();
        List<Reading> readings = new ArrayList<>();
        for (LegacyCodec codec : LegacyCodec.values()) {
            String s = Normalizer.normalize(codec.decode(t, bytes), Normalizer.Form.NFC);
            readings.add(new Reading(codec.label(), s, syllables.score(s)));
        }
        String cp1258 = Normalizer.normalize(new String(bytes, Charset.forName("windows-1258")), Normalizer.Form.NFC);
        readings.add(new Reading("Windows-1258", cp1258, syllables.score(cp1258)));
        readings.sort(Comparator.comparing(Reading::score, TextScore.BEST_FIRST));

        Reading best = readings.get(0);
        Reading second = readings.get(1);
        int counted = best.score().counted();
        double bad = counted == 0 ? 1 : (best.score().foreign() + best.score().invalid()) / (double) counted;
        double syllableShare = counted == 0 ? 0 : best.score().syllables() / (double) counted;
        if (counted == 0 || bad > MAX_BAD_SHARE || syllableShare < MIN_SYLLABLE_SHARE) {
            return refused("không phải UTF-8, và đọc theo TCVN3, VNI hay Windows-1258 đều không ra chữ Việt",
                    "not UTF-8, and read as TCVN3, VNI or Windows-1258 it is not Vietnamese");
        }
        if (TextScore.BEST_FIRST.compare(best.score(), second.score()) == 0 && !best.text().equals(second.text())) {
            return refused("đọc theo " + best.label() + " hay " + second.label() + " đều ra chữ Việt",
                    "it reads as Vietnamese both as " + best.label() + " and as " + second.label());
        }
        return new Decoded(best.text(), best.label() + " → Unicode NFC", null, null);
    }

    private static Decoded refused(String vi, String en) {
        return new Decoded(null, "", vi, en);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
