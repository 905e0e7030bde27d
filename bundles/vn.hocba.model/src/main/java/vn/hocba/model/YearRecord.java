package vn.hocba.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a pupil's year record (one per pupil per school year): identity, study history and the year page.
 * Versions start at 1; a correction is a new version that names the one it replaces.
 *
 * @param recordId  stable id of the pupil's record for that year, the same across versions
 * @param outcome   what the rules derived; null until derived
 * @param override  the teacher's override of the derived result, or null
 * @param correction why this version replaces an earlier one, or null for version 1
 * @param place     địa danh where the record is issued, may be empty
 * @param issueDate the date printed above the signatures, null until issued
 */
public record YearRecord(
        String recordId,
        int version,
        RecordState state,
        School school,
        SchoolClass schoolClass,
        PupilIdentity pupil,
        List<StudyHistoryEntry> history,
        YearAssessment assessment,
        YearOutcome outcome,
        ResultOverride override,
        Correction correction,
        String place,
        LocalDate issueDate) {

    public YearRecord {
        recordId = Text.required(recordId, "record.recordId");
        if (version < 1) throw new IllegalArgumentException("record.version starts at 1: " + version);
        if (state == null) state = RecordState.DRAFT;
        if (school == null || schoolClass == null || pupil == null || assessment == null) {
            throw new IllegalArgumentException("record needs school, class, pupil and assessment");
        }
        history = history == null ? List.of() : List.copyOf(history);
        place = Text.orEmpty(place);
    }

    /** The year-end result the record states: the override when there is one, else the derived result. */
    public YearEndResult effectiveResult() {
        if (override != null) return override.result();
        return outcome == null ? null : outcome.result();
    }

    /** A copy in another state; content is unchanged. */
    public YearRecord withState(RecordState newState) {
        return new YearRecord(recordId, version, newState, school, schoolClass, pupil, history, assessment, outcome,
                override, correction, place, issueDate);
    }

    /** A copy with the outcome the rules derived; the caller checks the record may still change. */
    public YearRecord withOutcome(YearOutcome newOutcome) {
        return new YearRecord(recordId, version, state, school, schoolClass, pupil, history, assessment, newOutcome,
                override, correction, place, issueDate);
    }

    /** A copy with another override (null removes it); the rules service checks reason, user and state. */
    public YearRecord withOverride(ResultOverride newOverride) {
        return new YearRecord(recordId, version, state, school, schoolClass, pupil, history, assessment, outcome,
                newOverride, correction, place, issueDate);
    }

    /** A copy with other assessment data; the derived outcome is kept until derived again. */
    public YearRecord withAssessment(YearAssessment newAssessment) {
        return new YearRecord(recordId, version, state, school, schoolClass, pupil, history, newAssessment, outcome,
                override, correction, place, issueDate);
    }

    /** The school year of the record (that of its class). */
    public SchoolYear year() { return schoolClass.year(); }

    /** Why a version replaces an earlier one, and who approved it (the principal). */
    public record Correction(int replacesVersion, String reason, String approvedBy) {
        public Correction {
            reason = Text.required(reason, "correction.reason");
            approvedBy = Text.required(approvedBy, "correction.approvedBy");
        }
    }
}
