package vn.hocba.assessment.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which assessment source each school uses, from the configuration: a default and per-school entries written
 * {@code SCHOOL_CODE=sourceId} (several in one value may be separated by commas, as a {@code .cfg} file writes them).
 */
public record SourceSettings(String defaultSource, Map<String, String> bySchool) {
    public SourceSettings {
        defaultSource = defaultSource == null ? "" : defaultSource.strip();
        bySchool = Map.copyOf(bySchool);
    }

    public static SourceSettings parse(String defaultSource, String[] schoolSources) {
        Map<String, String> map = new LinkedHashMap<>();
        if (schoolSources != null) {
            for (String entry : java.util.Arrays.stream(schoolSources).filter(java.util.Objects::nonNull)
                    .flatMap(v -> java.util.Arrays.stream(v.split(","))).toList()) {
                int eq = entry.indexOf('=');
                if (eq <= 0) continue;
                String school = entry.substring(0, eq).strip();
                String source = entry.substring(eq + 1).strip();
                if (!school.isEmpty() && !source.isEmpty()) map.put(school, source);
            }
        }
        return new SourceSettings(defaultSource, map);
    }

    /** The source of a school: its own entry, else the default; empty for none. */
    public String sourceOf(String schoolCode) {
        return bySchool.getOrDefault(schoolCode, defaultSource);
    }
}
