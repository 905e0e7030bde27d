package vn.hocba.signing;

/**
 * What the record store knows about a verified document.
 *
 * @param recordId               the year record's id
 * @param version                this document's version
 * @param state                  the lifecycle state (e.g. ISSUED, SUPERSEDED, REVOKED)
 * @param superseded             a newer issued version replaces it
 * @param supersededByVersion    the version that replaces it, or {@code 0}
 * @param revoked                the record was revoked
 * @param reason                 the reason of a correction or revocation, or {@code null}
 */
public record RecordStatus(String recordId, int version, String state, boolean superseded,
        int supersededByVersion, boolean revoked, String reason) {
}
