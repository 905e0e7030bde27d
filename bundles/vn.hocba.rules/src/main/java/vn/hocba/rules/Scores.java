package vn.hocba.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.hocba.model.Subject;

/**
 * End-of-year test scores (điểm bài kiểm tra định kì): whole numbers on the 10-point scale, 0 allowed (TT27).
 * Import adapters read score cells here, so {@link ProblemCode#SCORE_NOT_INTEGER} has one home.
 */
public final class Scores {
    public static final int MIN = 0;
    public static final int MAX = 10;

    /** An optional sign, digits, and a decimal part of zeros only (a spreadsheet's "7.0" is the score 7). */
    private static final Pattern WHOLE = Pattern.compile("([+-]?\\d{1,3})(?:[.,]0+)?");

    private Scores() {}

    public static boolean inRange(int score) { return score >= MIN && score <= MAX; }

    /** Reads the {@code <S>.score} cell of a subject; see {@link #parse(String, String, String)}. */
    public static Parsed<Integer> parse(String cell, Subject subject) {
        return parse(cell, subject.nationalCode() + ".score", subject.label());
    }

    /**
     * Reads a score cell: empty is no score; {@code 7} and {@code 7.0} are 7; {@code 7.5} or {@code bảy} are
     * {@link ProblemCode#SCORE_NOT_INTEGER}; {@code 11} or {@code -1} are {@link ProblemCode#SCORE_OUT_OF_RANGE}.
     *
     * @param field the column, e.g. {@code TOAN.score}
     * @param item  the subject's name for the message
     */
    public static Parsed<Integer> parse(String cell, String field, String item) {
        String text = cell == null ? "" : cell.strip();
        if (text.isEmpty()) return Parsed.empty();
        Matcher m = WHOLE.matcher(text);
        if (!m.matches()) {
            return Parsed.failed(Problem.of(ProblemCode.SCORE_NOT_INTEGER, field, item, item, text));
        }
        int score = Integer.parseInt(m.group(1));
        if (!inRange(score)) {
            return Parsed.failed(Problem.of(ProblemCode.SCORE_OUT_OF_RANGE, field, item, item, text));
        }
        return Parsed.ok(score);
    }
}
