package vn.hocba.workflow;

import vn.hocba.model.RecordState;

/**
 * One record in a class list.
 *
 * @param result         the year-end result's national code (HTXS, HTT, HT, CHT), or empty when not derived
 * @param personalIdValid the pupil has the 12-digit personal id signing requires
 */
public record RecordSummary(String recordId, int version, RecordState state, String pupilCode, String fullName,
        String result, boolean personalIdValid) {
}
