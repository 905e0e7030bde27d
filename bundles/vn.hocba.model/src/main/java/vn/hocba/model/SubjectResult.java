package vn.hocba.model;

import java.util.List;
import java.util.Optional;

/**
 * The year's result in one subject or activity.
 *
 * @param level        mức đạt được; null when the pupil does not take the subject, is exempt, or is not assessed
 * @param scores       end-of-year test scores in the order taken; more than one after a re-test, the last counts
 * @param comment      nhận xét, may be empty
 * @param exemptReason lí do miễn; non-empty means the pupil is formally exempt from this subject
 */
public record SubjectResult(Subject subject, SubjectLevel level, List<Integer> scores, String comment,
        String exemptReason) {

    public SubjectResult {
        if (subject == null) throw new IllegalArgumentException("subject is required");
        scores = scores == null ? List.of() : List.copyOf(scores);
        comment = Text.orEmpty(comment);
        exemptReason = Text.orEmpty(exemptReason);
    }

    /** A plain result: one level, at most one score. */
    public static SubjectResult of(Subject subject, SubjectLevel level, Integer score, String comment) {
        return new SubjectResult(subject, level, score == null ? List.of() : List.of(score), comment, "");
    }

    public static SubjectResult exempt(Subject subject, String reason) {
        return new SubjectResult(subject, null, List.of(), "", reason);
    }

    public boolean isExempt() { return !exemptReason.isEmpty(); }

    /** Nothing entered: no level, no score, not exempt — an optional subject the pupil does not take. */
    public boolean isBlank() { return level == null && scores.isEmpty() && !isExempt(); }

    /** Whether the pupil sat a re-test (kiểm tra lại): more than one end-of-year score. */
    public boolean isRetested() { return scores.size() > 1; }

    /** A copy with the score of a re-test appended; that score becomes the final one. */
    public SubjectResult withRetest(int score) {
        List<Integer> all = new java.util.ArrayList<>(scores);
        all.add(score);
        return new SubjectResult(subject, level, all, comment, exemptReason);
    }

    /** A copy with another level. */
    public SubjectResult withLevel(SubjectLevel newLevel) {
        return new SubjectResult(subject, newLevel, scores, comment, exemptReason);
    }

    /** The score printed in the record: the last test taken (a re-test replaces the earlier score). */
    public Optional<Integer> finalScore() {
        return scores.isEmpty() ? Optional.empty() : Optional.of(scores.get(scores.size() - 1));
    }
}
