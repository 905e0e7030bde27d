package vn.hocba.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year such as {@code 2024-2025}: September of the first year to May of the second. */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-(\\d{4})");

    public SchoolYear {
        if (startYear < 1900 || startYear > 2999) {
            throw new IllegalArgumentException("school year out of range: " + startYear);
        }
    }

    /** Parses {@code 2024-2025}; the second year must be the first plus one. */
    public static SchoolYear parse(String text) {
        Matcher m = FORM.matcher(Objects.requireNonNull(text, "text").strip());
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw new IllegalArgumentException("not a school year like 2024-2025: " + text);
        }
        return new SchoolYear(Integer.parseInt(m.group(1)));
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
