package vn.hocba.assessment.spi;

/**
 * What a file reader may need to know about the import it serves.
 *
 * @param schoolCode the school the file is imported into (a vendor layout without a school column takes it)
 * @param schoolName the school's registered name, or empty when it is not registered yet
 * @param profileId  the mapping profile the user chose, or empty to recognise the layout
 */
public record ReadContext(String schoolCode, String schoolName, String profileId) {
    public ReadContext {
        schoolCode = schoolCode == null ? "" : schoolCode.strip();
        schoolName = schoolName == null ? "" : schoolName.strip();
        profileId = profileId == null ? "" : profileId.strip();
    }
}
