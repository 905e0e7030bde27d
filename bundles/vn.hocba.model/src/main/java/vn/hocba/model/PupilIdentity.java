package vn.hocba.model;

import java.time.LocalDate;

/**
 * Section 1 of the record: who the pupil is.
 *
 * @param pupilCode  mã học sinh, unique in the school
 * @param personalId mã định danh cá nhân, 12 digits, the national key; empty while unknown
 *                   (such a record can be drafted but never signed)
 */
public record PupilIdentity(
        String pupilCode,
        String personalId,
        String fullName,
        Sex sex,
        LocalDate dateOfBirth,
        String ethnicity,
        String nationality,
        String placeOfBirth,
        String homeTown,
        String address,
        String fatherName,
        String motherName,
        String guardianName) {

    public PupilIdentity {
        pupilCode = Text.required(pupilCode, "pupil.pupilCode");
        personalId = Text.orEmpty(personalId);
        fullName = Text.required(fullName, "pupil.fullName");
        if (sex == null) sex = Sex.UNKNOWN;
        ethnicity = Text.orEmpty(ethnicity);
        nationality = Text.orEmpty(nationality);
        placeOfBirth = Text.orEmpty(placeOfBirth);
        homeTown = Text.orEmpty(homeTown);
        address = Text.orEmpty(address);
        fatherName = Text.orEmpty(fatherName);
        motherName = Text.orEmpty(motherName);
        guardianName = Text.orEmpty(guardianName);
    }

    /** Whether the personal id has the 12 digits signing requires. */
    public boolean hasValidPersonalId() {
        return personalId.matches("\\d{12}");
    }
}
