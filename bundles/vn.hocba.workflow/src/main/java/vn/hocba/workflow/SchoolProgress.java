package vn.hocba.workflow;

import java.util.Map;

import vn.hocba.model.RecordState;

/**
 * What a district office watches of one school in one year.
 *
 * @param pupils      records of the year (one per pupil)
 * @param byState     records (latest versions) by state
 * @param issuedShare the share of pupils whose record is issued (ISSUED, SENT or ACCEPTED), 0 to 1
 */
public record SchoolProgress(String schoolCode, String schoolName, long pupils, Map<RecordState, Long> byState,
        double issuedShare) {
    public SchoolProgress {
        byState = Map.copyOf(byState);
    }
}
