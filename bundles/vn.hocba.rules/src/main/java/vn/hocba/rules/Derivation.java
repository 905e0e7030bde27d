package vn.hocba.rules;

import java.util.List;

import vn.hocba.model.YearOutcome;

/**
 * The outcome derived from a year assessment, with the reasons it is not one level higher (for the teacher's
 * screen; empty for HTXS and for a pupil not assessed).
 */
public record Derivation(YearOutcome outcome, List<Shortfall> shortfalls) {
    public Derivation {
        shortfalls = List.copyOf(shortfalls);
    }
}
