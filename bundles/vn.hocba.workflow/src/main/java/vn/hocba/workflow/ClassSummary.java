package vn.hocba.workflow;

import java.util.Map;

import vn.hocba.model.RecordState;

/** A class of a school year with how many records (latest versions) are in each state. */
public record ClassSummary(String className, int grade, String homeroomTeacher, long records,
        Map<RecordState, Long> byState) {
    public ClassSummary {
        byState = Map.copyOf(byState);
    }
}
