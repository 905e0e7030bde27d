package vn.hocba.assessment.csv.internal.text;

import java.util.Comparator;

/**
 * How Vietnamese a piece of text reads: its words that are Vietnamese syllables, words of Vietnamese letters that
 * are not syllables (names of ethnic minorities, abbreviations), words with Latin letters foreign to Vietnamese
 * ("Müller") and words with symbols no text has ("Tr­êng", "H¶i": mojibake). Words of plain ASCII are not counted.
 */
public record TextScore(int syllables, int letters, int foreign, int invalid) {
    public static final TextScore ZERO = new TextScore(0, 0, 0, 0);

    /** Better first: fewer symbol words, then fewer foreign words, then more syllables. */
    public static final Comparator<TextScore> BEST_FIRST = Comparator.comparingInt(TextScore::invalid)
            .thenComparingInt(TextScore::foreign).thenComparing(Comparator.comparingInt(TextScore::syllables).reversed());

    public TextScore plus(TextScore o) {
        return new TextScore(syllables + o.syllables, letters + o.letters, foreign + o.foreign, invalid + o.invalid);
    }

    public int counted() {
        return syllables + letters + foreign + invalid;
    }

    /** Every counted word is a Vietnamese syllable or made of Vietnamese letters. */
    public boolean clean() {
        return foreign == 0 && invalid == 0;
    }
}
