package vn.hocba.workflow.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearRecord;

/**
 * The study history of a pupil who moved in continues from the years the earlier schools signed (HOCBA.md §8,
 * liên thông): the years before the record's own that the record does not name yet are taken from the records
 * transferred in, as those schools issued them; rows the record already has are never replaced.
 */
final class TransferredHistory {

    private TransferredHistory() {}

    static YearRecord continued(YearRecord record, List<StudyHistoryEntry> transferred) {
        Set<Integer> named = new HashSet<>();
        record.history().forEach(h -> named.add(h.year().startYear()));
        named.add(record.year().startYear());
        List<StudyHistoryEntry> history = new ArrayList<>(record.history());
        for (StudyHistoryEntry h : transferred) {
            if (h.year().compareTo(record.year()) < 0 && named.add(h.year().startYear())) history.add(h);
        }
        if (history.size() == record.history().size()) return record;
        history.sort(Comparator.comparing(StudyHistoryEntry::year));
        return new YearRecord(record.recordId(), record.version(), record.state(), record.school(),
                record.schoolClass(), record.pupil(), history, record.assessment(), record.outcome(), record.override(),
                record.correction(), record.place(), record.issueDate());
    }
}
