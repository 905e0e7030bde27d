package vn.hocba.rules.internal;

import vn.hocba.model.Subject;
import vn.hocba.model.Trait;

/** How messages name subjects, qualities and competencies, and the hocba-csv v1 fields they live in. */
final class Items {
    private Items() {}

    static String levelField(Subject s) { return s.nationalCode() + ".level"; }

    static String scoreField(Subject s) { return s.nationalCode() + ".score"; }

    static String levelField(Trait t) { return t.nationalCode() + ".level"; }

    /** "môn Toán" */
    static String vi(Subject s) { return "môn " + s.label(); }

    /** Subject names stay Vietnamese in English messages. */
    static String en(Subject s) { return s.label(); }

    /** "phẩm chất Yêu nước", "năng lực chung Tự chủ và tự học", "năng lực đặc thù Ngôn ngữ" */
    static String vi(Trait t) {
        return switch (t.kind()) {
            case QUALITY -> "phẩm chất ";
            case GENERAL_COMPETENCY -> "năng lực chung ";
            case SPECIFIC_COMPETENCY -> "năng lực đặc thù ";
        } + t.label();
    }

    static String en(Trait t) {
        return switch (t.kind()) {
            case QUALITY -> "the quality ";
            case GENERAL_COMPETENCY -> "the general competency ";
            case SPECIFIC_COMPETENCY -> "the specific competency ";
        } + t.label();
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
