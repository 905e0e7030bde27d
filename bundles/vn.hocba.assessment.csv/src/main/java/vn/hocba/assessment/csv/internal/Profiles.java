package vn.hocba.assessment.csv.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The layout profiles shipped in this bundle ({@code profiles/profiles.txt} lists them), from its class loader. */
final class Profiles {
    private final List<LayoutProfile> all;

    Profiles(List<LayoutProfile> all) {
        this.all = List.copyOf(all);
    }

    static Profiles shipped() {
        List<LayoutProfile> list = new ArrayList<>();
        for (String name : lines("profiles/profiles.txt")) {
            try (InputStream in = open("profiles/" + name)) {
                list.add(LayoutProfile.load(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Profiles(list);
    }

    List<LayoutProfile> all() {
        return all;
    }

    Optional<LayoutProfile> byId(String id) {
        return all.stream().filter(p -> p.id.equals(id)).findFirst();
    }

    String ids() {
        return String.join(", ", all.stream().map(p -> p.id).toList());
    }

    private static List<String> lines(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Profiles.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("missing resource " + name + " in the csv bundle");
        return in;
    }
}
