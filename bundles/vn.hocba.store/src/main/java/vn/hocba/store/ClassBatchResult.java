package vn.hocba.store;

import java.util.List;

/**
 * What one batch write of a class did, in one transaction.
 *
 * @param written   records stored (new or changed drafts)
 * @param unchanged record ids whose stored draft already had exactly this content (importing twice changes nothing)
 * @param refused   records not written because their current version is no longer a draft
 */
public record ClassBatchResult(List<StoredRecord> written, List<String> unchanged, List<Refusal> refused) {
    public ClassBatchResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        refused = List.copyOf(refused);
    }

    /** A record the batch did not touch, and why (in Vietnamese and English). */
    public record Refusal(String recordId, String pupilCode, vn.hocba.model.RecordState state, String messageVi,
            String messageEn) {
    }
}
