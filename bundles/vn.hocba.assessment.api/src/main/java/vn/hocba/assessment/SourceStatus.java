package vn.hocba.assessment;

import java.util.List;
import java.util.Map;

/**
 * The assessment sources of the installation.
 *
 * @param available     the ids of the sources registered now
 * @param defaultSource the source of a school without its own setting, empty for none
 * @param bySchool      school code → source id, as configured
 */
public record SourceStatus(List<String> available, String defaultSource, Map<String, String> bySchool) {
    public SourceStatus {
        available = List.copyOf(available);
        defaultSource = defaultSource == null ? "" : defaultSource;
        bySchool = Map.copyOf(bySchool);
    }
}
