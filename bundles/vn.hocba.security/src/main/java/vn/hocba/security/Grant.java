package vn.hocba.security;

import java.util.Objects;

/**
 * One role held in one place: a homeroom teacher in a class of a school, a principal, deputy or administrator in a
 * school, a viewer in a district office, or the installation's operator (everywhere).
 *
 * <p>Written in configuration as {@code ROLE:school[:class]}, {@code DISTRICT_VIEWER:district} or {@code OPERATOR},
 * e.g. {@code HOMEROOM_TEACHER:HP-AL-TH01:3A}, {@code PRINCIPAL:HP-AL-TH01}, {@code DISTRICT_VIEWER:HP-AL}.
 *
 * @param schoolCode the school (mã trường); empty for a district viewer and the operator
 * @param className  the class (e.g. {@code 3A}) for a homeroom teacher, empty otherwise
 * @param district   the district office code for a district viewer, empty otherwise
 */
public record Grant(Role role, String schoolCode, String className, String district) {

    public Grant {
        Objects.requireNonNull(role, "role");
        schoolCode = clean(schoolCode);
        className = clean(className);
        district = clean(district);
        switch (role) {
            case HOMEROOM_TEACHER -> require(!schoolCode.isEmpty() && !className.isEmpty(),
                    "a homeroom teacher's grant names a school and a class");
            case PRINCIPAL, DEPUTY_PRINCIPAL, SCHOOL_ADMIN -> require(!schoolCode.isEmpty() && className.isEmpty(),
                    "a " + role + " grant names a school and no class");
            case DISTRICT_VIEWER -> require(!district.isEmpty() && schoolCode.isEmpty(),
                    "a district viewer's grant names a district and no school");
            case OPERATOR -> require(schoolCode.isEmpty() && className.isEmpty() && district.isEmpty(),
                    "the operator's grant names no place");
            default -> throw new IllegalArgumentException("unknown role " + role);
        }
    }

    public static Grant teacher(String schoolCode, String className) {
        return new Grant(Role.HOMEROOM_TEACHER, schoolCode, className, "");
    }

    public static Grant school(Role role, String schoolCode) {
        return new Grant(role, schoolCode, "", "");
    }

    public static Grant districtViewer(String district) {
        return new Grant(Role.DISTRICT_VIEWER, "", "", district);
    }

    public static Grant operator() {
        return new Grant(Role.OPERATOR, "", "", "");
    }

    /** Reads {@code ROLE:school[:class]}, {@code DISTRICT_VIEWER:district} or {@code OPERATOR}. */
    public static Grant parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").strip().split(":", -1);
        Role role;
        try {
            role = Role.valueOf(parts[0].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role in grant \"" + text + "\"", e);
        }
        String first = parts.length > 1 ? parts[1] : "";
        String second = parts.length > 2 ? parts[2] : "";
        if (parts.length > 3) throw new IllegalArgumentException("too many parts in grant \"" + text + "\"");
        return role == Role.DISTRICT_VIEWER ? new Grant(role, "", second, first) : new Grant(role, first, second, "");
    }

    /** The configuration form read by {@link #parse}. */
    public String format() {
        return switch (role) {
            case HOMEROOM_TEACHER -> role + ":" + schoolCode + ":" + className;
            case DISTRICT_VIEWER -> role + ":" + district;
            case OPERATOR -> role.name();
            default -> role + ":" + schoolCode;
        };
    }

    private static String clean(String s) {
        return s == null ? "" : java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
