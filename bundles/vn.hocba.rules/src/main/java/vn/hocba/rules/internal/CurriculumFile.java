package vn.hocba.rules.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.CurriculumTrait;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Subject;
import vn.hocba.model.Trait;

/**
 * Reads a curriculum resource ({@code curriculum-*.csv}): lines {@code curriculum,id,title},
 * {@code start,grade,2020-2021}, {@code subject,CODE,1-5,compulsory|optional,tested|untested} and
 * {@code trait,CODE,1-5}. The order of subject and trait lines is the print order.
 */
final class CurriculumFile {
    private CurriculumFile() {}

    static CurriculumVersion read(String name, InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(name, r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read curriculum " + name, e);
        }
    }

    static CurriculumVersion parse(String name, List<String> lines) {
        String id = null;
        String title = "";
        Map<Integer, SchoolYear> starts = new HashMap<>();
        List<CurriculumEntry> entries = new ArrayList<>();
        List<CurriculumTrait> traits = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = Normalizer.normalize(lines.get(n).strip(), Normalizer.Form.NFC);
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split(",", -1);
            try {
                switch (f[0]) {
                    case "curriculum" -> { id = f[1].strip(); title = f[2].strip(); }
                    case "start" -> starts.put(Integer.parseInt(f[1].strip()), SchoolYear.parse(f[2]));
                    case "subject" -> {
                        Subject s = Subject.ofCode(f[1].strip());
                        boolean compulsory = flag(f[3], "compulsory", "optional");
                        boolean tested = flag(f[4], "tested", "untested");
                        for (int g : grades(f[2])) entries.add(new CurriculumEntry(g, s, compulsory, tested));
                    }
                    case "trait" -> {
                        Trait t = Trait.ofCode(f[1].strip());
                        for (int g : grades(f[2])) traits.add(new CurriculumTrait(g, t));
                    }
                    default -> throw new IllegalArgumentException("unknown line kind " + f[0]);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(name + " line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        if (id == null) throw new IllegalStateException(name + ": no 'curriculum' line");
        // stable sort: grade first, file order within the grade
        entries.sort(Comparator.comparingInt(CurriculumEntry::grade));
        traits.sort(Comparator.comparingInt(CurriculumTrait::grade));
        return new CurriculumVersion(id, title, starts, entries, traits);
    }

    private static boolean flag(String text, String yes, String no) {
        String t = text.strip();
        if (t.equals(yes)) return true;
        if (t.equals(no)) return false;
        throw new IllegalArgumentException("expected " + yes + " or " + no + ": " + t);
    }

    private static int[] grades(String range) {
        String[] ends = range.strip().split("-");
        int from = Integer.parseInt(ends[0]);
        int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
        if (from < 1 || to > 5 || from > to) throw new IllegalArgumentException("bad grades " + range);
        return java.util.stream.IntStream.rangeClosed(from, to).toArray();
    }
}
