package vn.hocba.assessment.csv.internal.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Repairs the text of a whole file cell by cell: cells typed in a legacy font (.VnTime, VNI-Times) arrive as
 * Windows-1252 mojibake even in a UTF-8 file or an .xlsx ("Tr­êng", "Tröôøng"). The reading that makes the file as a
 * whole most Vietnamese is tried first on every cell, then the others; a cell keeps the first reading whose words are
 * all Vietnamese. A cell that stays full of symbols in every reading is reported unreadable, never stored as is.
 */
public final class CellText {
    private final Syllables syllables;

    public CellText(Syllables syllables) {
        this.syllables = syllables;
    }

    /** The repaired values, the readings used, and the values that could not be read. */
    public record Repair(Map<String, String> fixed, Set<Interpretation> used, Set<String> unreadable) {
        /** The repaired value of a cell (NFC). */
        public String apply(String value) {
            return fixed.getOrDefault(value, value);
        }

        public String label() {
            List<String> names = new ArrayList<>();
            for (Interpretation i : used) if (i != Interpretation.AS_IS) names.add(i.label());
            return names.isEmpty() ? "" : "cells in " + String.join(", ", names) + " → Unicode NFC";
        }
    }

    public Repair repair(Collection<String> values) {
        LetterTable t = syllables.table();
        Set<String> distinct = new LinkedHashSet<>();
        for (String v : values) if (v != null && hasNonAscii(v)) distinct.add(v);

        // score every reading of every distinct value once
        Map<String, Map<Interpretation, String>> readings = new HashMap<>();
        Map<String, Map<Interpretation, TextScore>> scores = new HashMap<>();
        Map<Interpretation, TextScore> total = new EnumMap<>(Interpretation.class);
        for (String v : distinct) {
            Map<Interpretation, String> r = new EnumMap<>(Interpretation.class);
            Map<Interpretation, TextScore> s = new EnumMap<>(Interpretation.class);
            for (Interpretation i : Interpretation.values()) {
                String read = i.apply(t, v);
                if (read == null) continue;
                read = Normalizer.normalize(read, Normalizer.Form.NFC);
                TextScore score = syllables.score(read);
                r.put(i, read);
                s.put(i, score);
                total.merge(i, score, TextScore::plus);
            }
            readings.put(v, r);
            scores.put(v, s);
        }
        Interpretation winner = Interpretation.AS_IS;
        for (Map.Entry<Interpretation, TextScore> e : total.entrySet()) {
            // a reading that is not possible for some cells cannot be the file's reading
            boolean everywhere = readings.values().stream().allMatch(r -> r.containsKey(e.getKey()));
            if (everywhere && TextScore.BEST_FIRST.compare(e.getValue(), total.get(winner)) < 0) winner = e.getKey();
        }

        Map<String, String> fixed = new HashMap<>();
        Set<Interpretation> used = new LinkedHashSet<>();
        Set<String> unreadable = new LinkedHashSet<>();
        for (String v : distinct) {
            Map<Interpretation, String> r = readings.get(v);
            Map<Interpretation, TextScore> s = scores.get(v);
            Interpretation chosen = choose(winner, r, s);
            if (s.get(chosen).invalid() > 0) unreadable.add(v);
            used.add(chosen);
            String value = r.get(chosen);
            if (!value.equals(v)) fixed.put(v, value);
        }
        return new Repair(fixed, used, unreadable);
    }

    /**
     * The file's reading, unless another reading makes every word of the cell a Vietnamese syllable and has more
     * syllables (a VNI cell in a Unicode file: "Nguyeãn Thò" → "Nguyễn Thị"); a reading with symbols is the last resort.
     */
    private static Interpretation choose(Interpretation winner, Map<Interpretation, String> readings,
            Map<Interpretation, TextScore> scores) {
        Interpretation base = readings.containsKey(winner) ? winner : Interpretation.AS_IS;
        TextScore baseScore = scores.get(base);
        Interpretation better = null;
        for (Interpretation i : Interpretation.values()) {
            TextScore s = scores.get(i);
            if (i == base || s == null) continue;
            boolean allSyllables = s.syllables() == s.counted();
            int bar = better == null ? baseScore.syllables() : scores.get(better).syllables();
            if (allSyllables && s.syllables() > bar) better = i;
        }
        if (better != null) return better;
        if (baseScore.invalid() == 0) return base;
        return readings.keySet().stream().min((a, b) -> TextScore.BEST_FIRST.compare(scores.get(a), scores.get(b)))
                .orElse(base);
    }

    private static boolean hasNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return true;
        return false;
    }
}
