package vn.hocba.workflow.internal;

import java.util.List;
import java.util.Optional;

import vn.hocba.model.RecordState;
import vn.hocba.signing.RecordStatus;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.internal.jobs.DocumentIndex;

/** What a verifier is told about an issued document: its record, and whether it was superseded or revoked. */
public final class IssuedStatus {

    private IssuedStatus() {
    }

    public static Optional<RecordStatus> of(DocumentIndex documents, RecordRepository records, String sha256) {
        Optional<DocumentIndex.IssuedDocument> doc = documents.issuedBySha256(sha256.toLowerCase(java.util.Locale.ROOT));
        if (doc.isEmpty()) return Optional.empty();
        DocumentIndex.IssuedDocument d = doc.get();
        SchoolScope scope = SchoolScope.of(d.schoolCode());
        List<StoredRecord> versions = records.versions(scope, d.recordId());
        Optional<StoredRecord> self = versions.stream().filter(v -> v.record().version() == d.version()).findFirst();
        if (self.isEmpty()) return Optional.empty();
        StoredRecord v = self.get();
        RecordState state = v.state();
        boolean superseded = state == RecordState.SUPERSEDED;
        int by = superseded ? v.supersededBy() : 0;
        String reason = null;
        if (superseded) {
            reason = versions.stream().filter(o -> o.record().version() == by).findFirst()
                    .map(o -> o.record().correction() == null ? null : o.record().correction().reason()).orElse(null);
        } else if (state == RecordState.REVOKED) {
            reason = documents.note(d.schoolCode(), d.recordId(), d.version(), "REVOKED").orElse(null);
        }
        return Optional.of(new RecordStatus(d.recordId(), d.version(), state.name(), superseded, by,
                state == RecordState.REVOKED, reason));
    }
}
