package vn.hocba.export;

import java.util.List;

/**
 * What was verified of one record version of a transfer.
 *
 * @param key        {@code recordId/vN}
 * @param pupilCode  mã học sinh at the issuing school
 * @param personalId mã định danh cá nhân
 * @param fullName   the pupil's name
 * @param schoolYear e.g. {@code 2023-2024}
 * @param grade      1 to 5
 * @param signatures the XML's and the PDF's signatures, in signing order
 */
public record RecordCheck(String key, String pupilCode, String personalId, String fullName, String schoolYear,
        int grade, List<SignatureCheck> signatures) {
    public RecordCheck {
        signatures = List.copyOf(signatures);
    }
}
