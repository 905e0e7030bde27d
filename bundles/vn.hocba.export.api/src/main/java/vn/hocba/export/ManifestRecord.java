package vn.hocba.export;

/**
 * One record version in a package.
 *
 * @param recordId   mã định danh học bạ
 * @param version    the version (a correction is a later version of the same record)
 * @param pupilCode  mã học sinh at the issuing school
 * @param personalId mã định danh cá nhân (12 digits)
 * @param schoolYear e.g. {@code 2024-2025}
 * @param grade      1 to 5
 * @param xmlPath    the entry holding the signed XML
 * @param pdfPath    the entry holding the signed PDF, empty if the package carries none
 */
public record ManifestRecord(String recordId, int version, String pupilCode, String personalId, String schoolYear,
        int grade, String xmlPath, String pdfPath) {

    /** {@code recordId/vN}, the key a receiver stores a version under exactly once. */
    public String key() {
        return recordId + "/v" + version;
    }
}
