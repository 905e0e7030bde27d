package vn.hocba.assessment;

import vn.hocba.model.Text;

/**
 * An upload to import.
 *
 * @param schoolCode the school imported into (every row must belong to it)
 * @param fileName   the file's name as uploaded, may be empty (the content decides the type)
 * @param mediaType  the declared media type, may be empty
 * @param profileId  a layout profile to map a vendor layout, or empty to recognise the layout
 * @param actor      who imports (user id, or {@code system:…}), for the audit trail
 * @param dryRun     check and report only, write nothing
 */
public record ImportRequest(String schoolCode, String fileName, String mediaType, String profileId, String actor,
        boolean dryRun) {
    public ImportRequest {
        schoolCode = Text.required(schoolCode, "schoolCode");
        fileName = Text.orEmpty(fileName);
        mediaType = Text.orEmpty(mediaType);
        profileId = Text.orEmpty(profileId);
        actor = Text.orEmpty(actor).isEmpty() ? "system:import" : Text.orEmpty(actor);
    }

    public static ImportRequest of(String schoolCode, String fileName, String actor) {
        return new ImportRequest(schoolCode, fileName, "", "", actor, false);
    }
}
