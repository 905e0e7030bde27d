package vn.hocba.rules;

import java.text.Normalizer;
import java.util.Locale;

import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.YearEndResult;

/**
 * Reads level cells of an import into the two distinct scales, so a letter never stands alone:
 * subjects take T/H/C, qualities and competencies T/Đ/C (D accepted for Đ). A letter of the other scale is
 * {@link ProblemCode#LEVEL_WRONG_SCALE}; anything else {@link ProblemCode#LEVEL_UNKNOWN}.
 * The Vietnamese labels ("Hoàn thành tốt", "Đạt", …) are accepted too, in any case.
 */
public final class Levels {
    private static final String SUBJECT_SCALE_VI = "môn học (T, H, C)";
    private static final String SUBJECT_SCALE_EN = "subject (T, H, C)";
    private static final String TRAIT_SCALE_VI = "phẩm chất, năng lực (T, Đ, C)";
    private static final String TRAIT_SCALE_EN = "quality and competency (T, Đ, C)";

    private Levels() {}

    /** Reads the {@code <S>.level} cell of a subject or activity; empty means not taken. */
    public static Parsed<SubjectLevel> subject(String cell, Subject subject) {
        String field = subject.nationalCode() + ".level";
        String text = clean(cell);
        if (text.isEmpty()) return Parsed.empty();
        for (SubjectLevel l : SubjectLevel.values()) {
            if (same(text, l.nationalCode()) || same(text, l.label())) return Parsed.ok(l);
        }
        ProblemCode code = isTraitLevel(text) ? ProblemCode.LEVEL_WRONG_SCALE : ProblemCode.LEVEL_UNKNOWN;
        return Parsed.failed(Problem.of(code, field, SUBJECT_SCALE_VI, SUBJECT_SCALE_EN, text));
    }

    /** Reads the {@code <Q>.level} cell of a quality or competency. */
    public static Parsed<TraitLevel> trait(String cell, Trait trait) {
        String field = trait.nationalCode() + ".level";
        String text = clean(cell);
        if (text.isEmpty()) return Parsed.empty();
        if (same(text, "D")) return Parsed.ok(TraitLevel.DAT);
        for (TraitLevel l : TraitLevel.values()) {
            if (same(text, l.nationalCode()) || same(text, l.label())) return Parsed.ok(l);
        }
        ProblemCode code = isSubjectLevel(text) ? ProblemCode.LEVEL_WRONG_SCALE : ProblemCode.LEVEL_UNKNOWN;
        return Parsed.failed(Problem.of(code, field, TRAIT_SCALE_VI, TRAIT_SCALE_EN, text));
    }

    /** Reads a stated year-end result ({@code HTXS}, {@code HTT}, {@code HT}, {@code CHT} or the label). */
    public static Parsed<YearEndResult> result(String cell, String field) {
        String text = clean(cell);
        if (text.isEmpty()) return Parsed.empty();
        for (YearEndResult r : YearEndResult.values()) {
            if (same(text, r.nationalCode()) || same(text, r.label())) return Parsed.ok(r);
        }
        return Parsed.failed(Problem.of(ProblemCode.RESULT_UNKNOWN, field, "", "", text));
    }

    private static boolean isTraitLevel(String text) {
        if (same(text, "D")) return true;
        for (TraitLevel l : TraitLevel.values()) {
            if (same(text, l.nationalCode()) || same(text, l.label())) return true;
        }
        return false;
    }

    private static boolean isSubjectLevel(String text) {
        for (SubjectLevel l : SubjectLevel.values()) {
            if (same(text, l.nationalCode()) || same(text, l.label())) return true;
        }
        return false;
    }

    private static String clean(String cell) {
        return cell == null ? "" : Normalizer.normalize(cell.strip(), Normalizer.Form.NFC);
    }

    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
