package vn.hocba.assessment;

import vn.hocba.model.RecordState;

/** A pupil whose record was not overwritten because it is no longer a draft (locked, signed, issued). */
public record RefusedPupil(String pupilCode, String recordId, RecordState state, String messageVi,
        String messageEn) {
}
