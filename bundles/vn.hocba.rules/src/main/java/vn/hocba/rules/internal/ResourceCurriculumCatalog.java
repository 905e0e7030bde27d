package vn.hocba.rules.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import vn.hocba.model.Curriculum;
import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.CurriculumTrait;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Subject;
import vn.hocba.rules.CurriculumCatalog;

/**
 * The curriculum versions shipped in this bundle ({@code curricula.txt} lists them), loaded from its class loader.
 * For a year, each grade gets the newest version that had reached it by then.
 */
public class ResourceCurriculumCatalog implements CurriculumCatalog {
    private static final String INDEX = "curricula.txt";

    private final List<CurriculumVersion> versions;
    private final Map<SchoolYear, Optional<Curriculum>> byYear = new ConcurrentHashMap<>();

    /** The shipped curricula with their defaults. */
    public ResourceCurriculumCatalog() {
        this(false);
    }

    /** @param tdtTested whether Tiếng dân tộc thiểu số has an end-of-year test ([open], default false) */
    public ResourceCurriculumCatalog(boolean tdtTested) {
        List<CurriculumVersion> loaded = new ArrayList<>();
        for (String name : lines(INDEX)) {
            CurriculumVersion v = CurriculumFile.read(name, open(name));
            loaded.add(tdtTested ? withTdtTested(v) : v);
        }
        if (loaded.isEmpty()) throw new IllegalStateException("no curriculum in " + INDEX);
        this.versions = List.copyOf(loaded);
    }

    @Override
    public Optional<Curriculum> find(SchoolYear year) {
        return byYear.computeIfAbsent(year, this::compose);
    }

    private Optional<Curriculum> compose(SchoolYear year) {
        List<CurriculumEntry> entries = new ArrayList<>();
        List<CurriculumTrait> traits = new ArrayList<>();
        CurriculumVersion newest = null;
        for (int grade = 1; grade <= 5; grade++) {
            CurriculumVersion v = versionFor(grade, year);
            if (v == null) continue;
            final int g = grade;
            v.entries().stream().filter(e -> e.grade() == g).forEach(entries::add);
            v.traits().stream().filter(t -> t.grade() == g).forEach(traits::add);
            if (newest == null || versions.indexOf(v) > versions.indexOf(newest)) newest = v;
        }
        if (newest == null) return Optional.empty();
        return Optional.of(new Curriculum(newest.id(), newest.title(), newest.firstYear(), entries, traits));
    }

    private CurriculumVersion versionFor(int grade, SchoolYear year) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).covers(grade, year)) return versions.get(i);
        }
        return null;
    }

    private static CurriculumVersion withTdtTested(CurriculumVersion v) {
        List<CurriculumEntry> entries = v.entries().stream()
                .map(e -> e.subject() == Subject.TDT ? new CurriculumEntry(e.grade(), e.subject(), e.compulsory(), true) : e)
                .toList();
        return new CurriculumVersion(v.id(), v.title(), v.starts(), entries, v.traits());
    }

    private static List<String> lines(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ResourceCurriculumCatalog.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("missing resource " + name + " in the rules bundle");
        return in;
    }
}
