package vn.hocba.export;

/**
 * One reason a transfer package (or document) is refused.
 *
 * @param code      a stable code, e.g. {@code HASH_MISMATCH}, {@code SCHEMA_INVALID}, {@code UNSIGNED}
 * @param subject   what it is about: an entry path, a record key ({@code R-1/v2}) or {@code package}
 * @param messageVi for users, Vietnamese
 * @param messageEn for users, English
 */
public record TransferProblem(String code, String subject, String messageVi, String messageEn) {
}
