package vn.hocba.export;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearRecord;
import vn.hocba.store.SchoolScope;

/**
 * Transfer (liên thông) between schools, on any vendor's platform: a receiving school checks and imports the issued
 * records of a pupil from a package (or one record's signed XML or PDF). Earlier years stay read-only, exactly as
 * signed; the pupil's identity and study history continue at the receiving school.
 */
@ProviderType
public interface TransferService {

    /**
     * Verifies a package ZIP, a record's XML or a record's PDF (recognised from its first bytes): manifest signature,
     * every entry's SHA-256, every XML against the schema of its version, every XML and PDF signature. Stores
     * nothing.
     */
    TransferReport verify(byte[] content);

    /**
     * Verifies and, only if everything passes, stores the records (read-only) and the pupil's identity at the
     * receiving school. A refused import stores nothing and reports every reason.
     *
     * @param pupilCode the pupil's code at the receiving school, or null to keep the issuing school's code (or to
     *                  reuse the receiving school's pupil with the same personal id)
     * @throws TransferRefusedException with the report (every reason) when refused
     */
    TransferResult importTransfer(SchoolScope receiving, byte[] content, String pupilCode, String actor);

    /** The records transferred in for a pupil of the school, oldest year first; read-only. */
    List<YearRecord> transferredRecords(SchoolScope scope, String pupilCode);

    /** The pupil's study history carried over from the transferred records, oldest year first. */
    List<StudyHistoryEntry> transferredHistory(SchoolScope scope, String pupilCode);
}
