package vn.hocba.assessment.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import vn.hocba.model.Subject;
import vn.hocba.model.Trait;

/**
 * A vendor layout described as data (a {@code .properties} file, UTF-8): how to find the table on a sheet, which
 * heading means which hocba-csv v1 field, which values of the title block above the table fill which field, and
 * how the vendor spells levels ("Hoàn thành tốt", "HTT"). See {@code profiles/tonghop-lop.properties} for the keys.
 */
final class LayoutProfile {
    final String id;
    final String title;
    final Pattern detect;
    final boolean allSheets;
    final Pattern headerFirst;
    final int headerRows;
    final Pattern end;
    final Pattern skip;
    /** field → regex with one group, applied to each cell above the table */
    final Map<String, Pattern> titleFields = new LinkedHashMap<>();
    /** field → fixed value; {@code ${school.code}} and {@code ${school.name}} are the import's school */
    final Map<String, String> fixed = new LinkedHashMap<>();
    /** field → the value of an empty cell (a "Nữ" column: empty is Nam) */
    final Map<String, String> defaults = new LinkedHashMap<>();
    /** heading (normalised) → field, for plain columns */
    final Map<String, String> columns = new LinkedHashMap<>();
    /** group heading (normalised) → subject */
    final Map<String, Subject> subjects = new LinkedHashMap<>();
    /** sub-heading (normalised) → part: level, score, comment */
    final Map<String, String> parts = new LinkedHashMap<>();
    final List<String> traitGroups = new ArrayList<>();
    /** sub-heading (normalised) → quality or competency */
    final Map<String, Trait> traits = new LinkedHashMap<>();
    final List<String> ignored = new ArrayList<>();
    /** kind (subject, trait, result, sex, disabled) → spelling (normalised) → canonical value */
    final Map<String, Map<String, String>> values = new LinkedHashMap<>();

    LayoutProfile(Properties p) {
        id = required(p, "id");
        title = p.getProperty("title", id).strip();
        detect = Pattern.compile(required(p, "detect"));
        allSheets = "all".equals(p.getProperty("sheets", "first").strip());
        headerFirst = Pattern.compile(required(p, "header.first"));
        headerRows = Integer.parseInt(p.getProperty("header.rows", "1").strip());
        end = p.containsKey("end") ? Pattern.compile(p.getProperty("end").strip()) : null;
        skip = p.containsKey("skip") ? Pattern.compile(p.getProperty("skip").strip()) : null;
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            String value = p.getProperty(key).strip();
            if (key.startsWith("title.") && !key.equals("title")) {
                titleFields.put(key.substring(6), Pattern.compile(value));
            } else if (key.startsWith("fixed.")) {
                fixed.put(key.substring(6), value);
            } else if (key.startsWith("default.")) {
                defaults.put(key.substring(8), value);
            } else if (key.startsWith("column.")) {
                for (String h : alternatives(value)) columns.put(h, key.substring(7));
            } else if (key.startsWith("subject.")) {
                Subject s = Subject.ofCode(key.substring(8));
                for (String h : alternatives(value)) subjects.put(h, s);
            } else if (key.startsWith("part.")) {
                for (String h : alternatives(value)) parts.put(h, key.substring(5));
            } else if (key.equals("traitgroup")) {
                traitGroups.addAll(alternatives(value));
            } else if (key.startsWith("trait.")) {
                Trait t = Trait.ofCode(key.substring(6));
                for (String h : alternatives(value)) traits.put(h, t);
            } else if (key.equals("ignore")) {
                ignored.addAll(alternatives(value));
            } else if (key.startsWith("value.")) {
                String rest = key.substring(6);
                int dot = rest.indexOf('.');
                String kind = rest.substring(0, dot);
                String canonical = rest.substring(dot + 1);
                for (String v : alternatives(value)) {
                    values.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(v, canonical);
                }
            }
        }
    }

    static LayoutProfile load(InputStream in) {
        Properties p = new Properties();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LayoutProfile(p);
    }

    /** A heading or value as compared: NFC, lower case, single spaces, no spaces around slashes. */
    static String normalise(String s) {
        if (s == null) return "";
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        return t.replaceAll(" ?([/:]) ?", "$1").replaceAll("[:.]$", "");
    }

    /** The canonical value of a vendor's spelling, or the value as it is when the profile does not know it. */
    String canonicalValue(String kind, String value) {
        Map<String, String> m = values.get(kind);
        if (m == null || value.isEmpty()) return value;
        return m.getOrDefault(normalise(value), value);
    }

    private static List<String> alternatives(String value) {
        List<String> out = new ArrayList<>();
        for (String a : value.split("\\|")) {
            String n = normalise(a);
            if (!n.isEmpty()) out.add(n);
        }
        return out;
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("layout profile: missing key " + key);
        return v.strip();
    }
}
