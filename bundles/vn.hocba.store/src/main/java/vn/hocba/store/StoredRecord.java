package vn.hocba.store;

import java.time.Instant;
import java.util.Optional;

import vn.hocba.model.RecordState;
import vn.hocba.model.YearRecord;

/**
 * One stored version of a year record with what the store knows about it.
 *
 * @param record        the content, with its current {@link RecordState}
 * @param revision      the optimistic-lock revision of this version's row: pass it back as {@code expectedRevision}
 *                      to change the version; it grows with every change (content, state, artefacts)
 * @param contentSha256 lower-case hex SHA-256 of the canonical content (everything but the lifecycle state), the
 *                      value that the audit trail and the issued artefacts refer to
 * @param pdf           the attached PDF, or null
 * @param xml           the attached XML, or null
 * @param issuedAt      when the version was issued (from then on it is immutable), or null
 * @param supersededBy  the version that replaced this one once that was issued, or 0
 */
public record StoredRecord(
        YearRecord record,
        long revision,
        String contentSha256,
        ArtefactInfo pdf,
        ArtefactInfo xml,
        Instant createdAt,
        Instant updatedAt,
        Instant issuedAt,
        int supersededBy) {

    public RecordRef ref() {
        return new RecordRef(record.recordId(), record.version());
    }

    public RecordState state() {
        return record.state();
    }

    public Optional<ArtefactInfo> artefact(ArtefactKind kind) {
        return Optional.ofNullable(kind == ArtefactKind.PDF ? pdf : xml);
    }
}
