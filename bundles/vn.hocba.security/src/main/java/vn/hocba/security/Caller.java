package vn.hocba.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as the host knows them.
 *
 * @param userId      the host's stable user id; also the signer id of their signing credentials
 *                    ({@code SignerRef(schoolCode, userId)})
 * @param displayName the name printed with their signature (NFC)
 * @param grants      the roles they hold, where
 */
public record Caller(String userId, String displayName, List<Grant> grants) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) throw new IllegalArgumentException("a caller has a user id");
        displayName = displayName == null || displayName.isBlank() ? userId
                : java.text.Normalizer.normalize(displayName.strip(), java.text.Normalizer.Form.NFC);
        grants = List.copyOf(grants);
    }

    /** The installation's operator (e.g. an administrator at the Gogo shell). */
    public static Caller operator(String userId) {
        return new Caller(userId, userId, List.of(Grant.operator()));
    }

    public boolean isOperator() {
        return grants.stream().anyMatch(g -> g.role() == Role.OPERATOR);
    }

    /** Holds {@code role} in {@code schoolCode} (a homeroom teacher: in any class of it). */
    public boolean has(Role role, String schoolCode) {
        return grants.stream().anyMatch(g -> g.role() == role && g.schoolCode().equals(schoolCode));
    }

    /** Is the homeroom teacher of that class. */
    public boolean teaches(String schoolCode, String className) {
        return grants.stream().anyMatch(g -> g.role() == Role.HOMEROOM_TEACHER
                && g.schoolCode().equals(schoolCode) && g.className().equalsIgnoreCase(className));
    }

    /** Is the principal or a deputy of the school. */
    public boolean leads(String schoolCode) {
        return has(Role.PRINCIPAL, schoolCode) || has(Role.DEPUTY_PRINCIPAL, schoolCode);
    }

    /** The schools where they hold any role, sorted. */
    public Set<String> schools() {
        Set<String> out = new TreeSet<>();
        grants.stream().filter(g -> !g.schoolCode().isEmpty()).forEach(g -> out.add(g.schoolCode()));
        return out;
    }

    /** The classes of a school where they are the homeroom teacher. */
    public Set<String> classesOf(String schoolCode) {
        Set<String> out = new TreeSet<>();
        grants.stream().filter(g -> g.role() == Role.HOMEROOM_TEACHER && g.schoolCode().equals(schoolCode))
                .forEach(g -> out.add(g.className()));
        return out;
    }

    /** The district offices whose progress they may read. */
    public Set<String> districts() {
        Set<String> out = new TreeSet<>();
        grants.stream().filter(g -> g.role() == Role.DISTRICT_VIEWER).forEach(g -> out.add(g.district()));
        return out;
    }
}
