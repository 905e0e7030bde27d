package vn.hocba.rules;

import java.util.Optional;

/**
 * The value read from one import cell, or the problem with it.
 *
 * @param value   the value; null when the cell is empty or has a problem
 * @param problem null when the cell is fine
 */
public record Parsed<T>(T value, Problem problem) {

    public static <T> Parsed<T> ok(T value) { return new Parsed<>(value, null); }

    public static <T> Parsed<T> empty() { return new Parsed<>(null, null); }

    public static <T> Parsed<T> failed(Problem problem) { return new Parsed<>(null, problem); }

    public boolean isOk() { return problem == null; }

    public Optional<T> optional() { return Optional.ofNullable(value); }
}
