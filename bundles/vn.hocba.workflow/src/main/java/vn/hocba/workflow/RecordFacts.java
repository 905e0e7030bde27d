package vn.hocba.workflow;

import java.util.Objects;

import vn.hocba.model.RecordState;

/**
 * What the state machine needs to know about a version to decide a step.
 *
 * @param latest          it is the record's latest version
 * @param newerExists     a newer version exists (a correction under way or issued)
 * @param personalIdValid the pupil has the 12-digit personal id signing requires
 * @param rendered        both the PDF and the XML are attached
 * @param teacherSigned   the homeroom teacher's signature is on the artefacts
 * @param principalSigned the principal's (or a deputy's) signature is on them
 * @param sealed          the school seal is on them
 */
public record RecordFacts(RecordState state, boolean latest, boolean newerExists, boolean personalIdValid,
        boolean rendered, boolean teacherSigned, boolean principalSigned, boolean sealed) {

    public RecordFacts {
        Objects.requireNonNull(state, "state");
    }
}
