package vn.hocba.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;

/**
 * Raising any level or score never lowers the year-end result.
 *
 * <p>A state gives every item of the grade a value: a subject level (missing, C, H, T), a final score (missing,
 * 0–10, sometimes after a re-test), a quality/competency level (missing, C, Đ, T); an optional subject may be not
 * taken, any subject may be exempt. A raise moves one item one step up; monotonic steps give monotonic raises of
 * any size and of several items, by chaining. Two searches: every state of a sub-lattice where five items vary
 * over all their values (exhaustive), and seeded random states where every item varies.
 */
class MonotonicityTest {
    private static final int MISSING = -1;
    /** Level slot of an optional subject the pupil does not take: not a level, so never raised from. */
    private static final int NOT_TAKEN = -2;

    private final Tt27Rules rules = new Tt27Rules(Sample.CATALOG);

    /** The items of a grade, in slot order: subject levels, then scores of tested subjects, then traits. */
    private record Layout(int grade, List<CurriculumEntry> subjects, List<Subject> tested, List<Trait> traits) {
        static Layout of(int grade) {
            List<CurriculumEntry> subjects = Sample.CURRICULUM.forGrade(grade);
            return new Layout(grade, subjects,
                    subjects.stream().filter(CurriculumEntry::tested).map(CurriculumEntry::subject).toList(),
                    Sample.CURRICULUM.traitsForGrade(grade));
        }

        int size() { return subjects.size() + tested.size() + traits.size(); }

        boolean isScore(int slot) { return slot >= subjects.size() && slot < subjects.size() + tested.size(); }

        int max(int slot) { return isScore(slot) ? 10 : 2; }
    }

    /** Values per slot; exempt subjects and whether the first score was a re-test are context, never raised. */
    private record State(int[] values, boolean[] exempt, int[] firstScore) {
        State raised(int slot) {
            int[] v = values.clone();
            v[slot] = v[slot] + 1;
            return new State(v, exempt, firstScore);
        }

        @Override
        public String toString() {
            return Arrays.toString(values) + " exempt " + Arrays.toString(exempt) + " retest " + Arrays.toString(firstScore);
        }
    }

    private static YearAssessment toAssessment(Layout l, State s) {
        List<SubjectResult> subjects = new ArrayList<>();
        for (int i = 0; i < l.subjects().size(); i++) {
            Subject subject = l.subjects().get(i).subject();
            if (s.exempt()[i]) {
                subjects.add(SubjectResult.exempt(subject, "Miễn"));
                continue;
            }
            int v = s.values()[i];
            SubjectLevel level = v >= 0 ? SubjectLevel.values()[v] : null;
            List<Integer> scores = new ArrayList<>();
            int t = l.tested().indexOf(subject);
            if (t >= 0) {
                int score = s.values()[l.subjects().size() + t];
                if (score >= 0) {
                    if (s.firstScore()[t] >= 0) scores.add(s.firstScore()[t]);
                    scores.add(score);
                }
            }
            if (v == NOT_TAKEN) continue;
            subjects.add(new SubjectResult(subject, level, scores, "", ""));
        }
        List<TraitResult> traits = new ArrayList<>();
        int base = l.subjects().size() + l.tested().size();
        for (int i = 0; i < l.traits().size(); i++) {
            int v = s.values()[base + i];
            traits.add(new TraitResult(l.traits().get(i), v >= 0 ? TraitLevel.values()[v] : null, ""));
        }
        return new YearAssessment(l.grade(), false, subjects, traits, List.of(), "", false);
    }

    private int checkEveryStepUp(Layout l, State s) {
        YearEndResult before = rules.derive(Sample.YEAR, toAssessment(l, s)).outcome().result();
        int checked = 0;
        for (int slot = 0; slot < l.size(); slot++) {
            int v = s.values()[slot];
            if (v == NOT_TAKEN || v >= l.max(slot) || (slot < l.subjects().size() && s.exempt()[slot])) continue;
            State up = s.raised(slot);
            YearEndResult after = rules.derive(Sample.YEAR, toAssessment(l, up)).outcome().result();
            if (after.compareTo(before) < 0) {
                fail("raising slot " + slot + " lowered " + before + " to " + after + ": " + s + " -> " + up);
            }
            checked++;
        }
        return checked;
    }

    /** Top of every item, then five items (a tested subject's level and score, an untested subject, TDT, a trait) over all values. */
    @ParameterizedTest(name = "grade {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void exhaustiveOverFiveItems(int grade) {
        Layout l = Layout.of(grade);
        int tv = indexOf(l, Subject.TV);
        int dd = indexOf(l, Subject.DD);
        int tdt = indexOf(l, Subject.TDT);
        int tvScore = l.subjects().size() + l.tested().indexOf(Subject.TV);
        int trait = l.subjects().size() + l.tested().size() + l.traits().indexOf(Trait.TRACH_NHIEM);
        int checked = 0;
        int states = 0;
        for (boolean retest : new boolean[] {false, true}) {
            for (int a = MISSING; a <= 2; a++) {
                for (int score = MISSING; score <= 10; score++) {
                    for (int b = MISSING; b <= 2; b++) {
                        for (int c = NOT_TAKEN; c <= 2; c++) {
                            if (c == MISSING) continue;
                            for (int d = MISSING; d <= 2; d++) {
                                int[] v = top(l);
                                v[tv] = a;
                                v[tvScore] = score;
                                v[dd] = b;
                                v[tdt] = c;
                                v[trait] = d;
                                int[] first = new int[l.tested().size()];
                                Arrays.fill(first, MISSING);
                                if (retest) first[l.tested().indexOf(Subject.TV)] = 10 - Math.max(score, 0);
                                checked += checkEveryStepUp(l, new State(v, new boolean[l.subjects().size()], first));
                                states++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(2 * 4 * 12 * 4 * 4 * 4, states);
        assertTrue(checked > states, "raises checked: " + checked);
    }

    /** Every item varies; some subjects exempt, some scores after a re-test, optional subjects taken or not. */
    @ParameterizedTest(name = "grade {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void seededRandomOverEveryItem(int grade) {
        Layout l = Layout.of(grade);
        Random random = new Random(20242025L + grade);
        int checked = 0;
        for (int n = 0; n < 400; n++) {
            int[] v = new int[l.size()];
            boolean[] exempt = new boolean[l.subjects().size()];
            for (int slot = 0; slot < l.size(); slot++) {
                // mostly high values, so the upper results are reached too
                v[slot] = l.isScore(slot) ? (random.nextInt(12) == 0 ? MISSING : 10 - random.nextInt(7))
                        : (random.nextInt(10) == 0 ? MISSING : 2 - random.nextInt(2) - (random.nextInt(6) == 0 ? 1 : 0));
            }
            for (int i = 0; i < l.subjects().size(); i++) {
                exempt[i] = random.nextInt(15) == 0;
                // an optional subject with nothing entered is not taken: taking it is no raise
                boolean optional = !l.subjects().get(i).compulsory();
                if (optional && (v[i] == MISSING || random.nextBoolean())) v[i] = NOT_TAKEN;
            }
            int[] first = new int[l.tested().size()];
            for (int t = 0; t < first.length; t++) first[t] = random.nextInt(4) == 0 ? random.nextInt(11) : MISSING;
            checked += checkEveryStepUp(l, new State(v, exempt, first));
        }
        assertTrue(checked > 400 * 10, "raises checked: " + checked);
    }

    private static int[] top(Layout l) {
        int[] v = new int[l.size()];
        for (int slot = 0; slot < l.size(); slot++) v[slot] = l.max(slot);
        return v;
    }

    private static int indexOf(Layout l, Subject s) {
        for (int i = 0; i < l.subjects().size(); i++) {
            if (l.subjects().get(i).subject() == s) return i;
        }
        throw new IllegalArgumentException(s.name());
    }
}
