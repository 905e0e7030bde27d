package vn.hocba.store;

/**
 * The result of walking a school's audit chain.
 *
 * @param intact         true when every link and the chain head agree
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the sequence number where the chain first breaks (the first entry that was edited, or the
 *                       first one after a removed entry), or 0 when intact
 * @param headHash       the hash of the last entry read (anchor it outside the database to detect a cut tail)
 * @param problemVi      what is wrong, in Vietnamese; empty when intact
 * @param problemEn      what is wrong, in English; empty when intact
 */
public record AuditVerification(boolean intact, long entriesChecked, long firstBrokenSeq, String headHash,
        String problemVi, String problemEn) {
}
