package vn.hocba.export;

import java.util.List;

/**
 * The verification of a transfer package or of one record's XML or PDF: accepted only when every hash, schema and
 * signature checks out.
 *
 * @param accepted         no problem at all
 * @param packageId        the package's id, empty for a single document
 * @param sourceSchoolCode the issuing school
 * @param sourceSchoolName its name
 * @param packageSignature the seal's signature of the manifest, or null for a single document
 * @param records          the record versions found
 * @param problems         every reason to refuse; empty when accepted
 */
public record TransferReport(boolean accepted, String packageId, String sourceSchoolCode, String sourceSchoolName,
        SignatureCheck packageSignature, List<RecordCheck> records, List<TransferProblem> problems) {
    public TransferReport {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }
}
