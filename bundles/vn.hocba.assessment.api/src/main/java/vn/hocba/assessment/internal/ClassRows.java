package vn.hocba.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import vn.hocba.assessment.spi.PupilData;
import vn.hocba.model.SchoolYear;

/** The rows of one class of an input (same school year and class name), in input order. */
record ClassRows(SchoolYear year, String className, List<PupilData> rows) {

    /** The value most rows have (the first seen on a tie), so the odd rows are the ones reported. */
    <T> T majority(Function<PupilData, T> value) {
        Map<T, Integer> counts = new HashMap<>();
        T best = null;
        int bestCount = 0;
        for (PupilData r : rows) {
            T v = value.apply(r);
            int c = counts.merge(v, 1, Integer::sum);
            if (c > bestCount) {
                best = v;
                bestCount = c;
            }
        }
        return best;
    }

    int grade() {
        Integer g = majority(PupilData::grade);
        return g == null ? 0 : g;
    }

    String homeroomTeacher() {
        return Objects.requireNonNullElse(majority(PupilData::homeroomTeacher), "");
    }

    /** Rows grouped by school year and class name, classes ordered by grade then name. */
    static List<ClassRows> group(List<PupilData> rows) {
        Map<String, List<PupilData>> byKey = new java.util.LinkedHashMap<>();
        for (PupilData r : rows) {
            String key = (r.year() == null ? "?" : r.year().toString()) + "\u0000" + r.className();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<ClassRows> out = new ArrayList<>();
        for (List<PupilData> list : byKey.values()) {
            out.add(new ClassRows(list.get(0).year(), list.get(0).className(), List.copyOf(list)));
        }
        out.sort(Comparator.comparingInt(ClassRows::grade).thenComparing(ClassRows::className));
        return out;
    }
}
