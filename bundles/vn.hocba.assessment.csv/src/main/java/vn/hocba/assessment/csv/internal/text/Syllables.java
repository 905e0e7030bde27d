package vn.hocba.assessment.csv.internal.text;

import java.util.regex.Pattern;

/**
 * Tells Vietnamese text from mojibake by its words: a Vietnamese syllable is an optional initial consonant, a vowel
 * group and an optional final consonant, with at most one tone mark, and after a stop (c, ch, p, t) only sắc or nặng.
 */
public final class Syllables {
    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
                    + "(iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|uêu"
                    + "|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|iê|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê"
                    + "|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)"
                    + "(ch|ng|nh|c|m|n|p|t)?");
    private static final String STOPS_TONES = "\u0301\u0323"; // sắc, nặng

    private final LetterTable table;

    public Syllables(LetterTable table) {
        this.table = table;
    }

    public LetterTable table() {
        return table;
    }

    /** Scores every word of the text (words split at white space, ASCII punctuation and digits). */
    public TextScore score(String text) {
        int syllables = 0;
        int letters = 0;
        int foreign = 0;
        int invalid = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && separates(text.charAt(i))) i++;
            int start = i;
            boolean nonAscii = false;
            while (i < n && !separates(text.charAt(i))) {
                if (text.charAt(i) >= 0x80) nonAscii = true;
                i++;
            }
            if (start == i || !nonAscii) continue;
            switch (classify(text.substring(start, i))) {
                case SYLLABLE -> syllables++;
                case LETTERS -> letters++;
                case FOREIGN -> foreign++;
                case INVALID -> invalid++;
            }
        }
        return syllables + letters + foreign + invalid == 0 ? TextScore.ZERO
                : new TextScore(syllables, letters, foreign, invalid);
    }

    enum Kind { SYLLABLE, LETTERS, FOREIGN, INVALID }

    Kind classify(String word) {
        boolean vietnameseLetters = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (table.isLetter(c)) continue;
            vietnameseLetters = false;
            if (!isLatinLetter(c)) return Kind.INVALID;
        }
        if (!vietnameseLetters) return Kind.FOREIGN;
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        int tones = LetterTable.tones(lower);
        if (tones > 1) return Kind.LETTERS;
        String bare = LetterTable.withoutTone(lower);
        var m = SYLLABLE.matcher(bare);
        if (!m.matches()) return Kind.LETTERS;
        String fin = m.group(3);
        if (tones == 1 && fin != null && (fin.equals("c") || fin.equals("ch") || fin.equals("p") || fin.equals("t"))) {
            String d = java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD);
            boolean allowed = false;
            for (int i = 0; i < d.length(); i++) if (STOPS_TONES.indexOf(d.charAt(i)) >= 0) allowed = true;
            if (!allowed) return Kind.LETTERS;
        }
        return Kind.SYLLABLE;
    }

    /** White space, ASCII punctuation and digits end a word; other characters (even symbols) belong to it. */
    private static boolean separates(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || (c < 0x80 && !Character.isLetter(c))
                || c == '\u2013' || c == '\u2014' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019'
                || c == '\u2026';
    }

    /** A letter of a Latin script (ü, ñ, ç, ø, ß), but not the symbols mojibake is made of (ª, º, µ are not). */
    private static boolean isLatinLetter(char c) {
        if (!Character.isLetter(c)) return false;
        if (c == '\u00AA' || c == '\u00BA' || c == '\u00B5') return false;
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.LATIN;
    }
}
