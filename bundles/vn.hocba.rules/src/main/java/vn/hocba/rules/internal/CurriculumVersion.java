package vn.hocba.rules.internal;

import java.util.List;
import java.util.Map;

import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.CurriculumTrait;
import vn.hocba.model.SchoolYear;

/**
 * One curriculum version as read from its resource: its subjects and traits for every grade, and the school year
 * each grade started under it.
 */
record CurriculumVersion(String id, String title, Map<Integer, SchoolYear> starts, List<CurriculumEntry> entries,
        List<CurriculumTrait> traits) {

    CurriculumVersion {
        starts = Map.copyOf(starts);
        entries = List.copyOf(entries);
        traits = List.copyOf(traits);
    }

    /** Whether the grade was already taught under this version in that year. */
    boolean covers(int grade, SchoolYear year) {
        SchoolYear start = starts.get(grade);
        return start != null && start.compareTo(year) <= 0;
    }

    SchoolYear firstYear() {
        return starts.values().stream().min(SchoolYear::compareTo).orElseThrow();
    }
}
