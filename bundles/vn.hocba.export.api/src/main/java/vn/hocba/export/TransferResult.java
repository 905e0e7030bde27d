package vn.hocba.export;

import java.util.List;

import vn.hocba.model.StudyHistoryEntry;

/**
 * What an accepted transfer import stored at the receiving school.
 *
 * @param report     the verification it passed
 * @param pupilCode  the pupil's code at the receiving school
 * @param imported   the record versions kept (read-only) as {@code recordId/vN}
 * @param history    the pupil's study history as it continues at the receiving school, oldest year first
 */
public record TransferResult(TransferReport report, String pupilCode, List<String> imported,
        List<StudyHistoryEntry> history) {
    public TransferResult {
        imported = List.copyOf(imported);
        history = List.copyOf(history);
    }
}
