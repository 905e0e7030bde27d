package vn.hocba.workflow;

import java.util.List;
import java.util.Objects;

import vn.hocba.signing.spi.Authorisation;

/**
 * A job to start: one step over the records of a class, of a whole school year, or a selection of records.
 *
 * @param schoolCode    the school
 * @param year          the school year, e.g. {@code 2024-2025}
 * @param className     the class, or empty for every class of the school (with an empty selection)
 * @param recordIds     a selection of record ids (latest versions), or empty for the whole class or school
 * @param signAs        for {@link JobKind#SIGN}: {@code HOMEROOM_TEACHER}, {@code PRINCIPAL} or {@code DEPUTY_PRINCIPAL};
 *                      empty to take the caller's role in that class or school
 * @param credentialId  for {@link JobKind#SIGN}: the credential to sign with, or empty for the signer's first one
 * @param authorisation what unlocks the credential (a PIN, a one-time code); never stored: a job that needs one is
 *                      worked on only by the host that received it, and waits for it again after that host stops
 */
public record JobRequest(JobKind kind, String schoolCode, String year, String className, List<String> recordIds,
        String signAs, String credentialId, Authorisation authorisation) {

    public JobRequest {
        Objects.requireNonNull(kind, "kind");
        schoolCode = clean(schoolCode);
        year = clean(year);
        className = clean(className);
        recordIds = recordIds == null ? List.of() : recordIds.stream().map(JobRequest::clean)
                .filter(s -> !s.isEmpty()).distinct().toList();
        signAs = clean(signAs);
        credentialId = clean(credentialId);
        authorisation = authorisation == null ? Authorisation.none() : authorisation;
    }

    /** A job over one class. */
    public static JobRequest forClass(JobKind kind, String schoolCode, String year, String className) {
        return new JobRequest(kind, schoolCode, year, className, List.of(), "", "", null);
    }

    private static String clean(String s) {
        return s == null ? "" : java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
    }
}
