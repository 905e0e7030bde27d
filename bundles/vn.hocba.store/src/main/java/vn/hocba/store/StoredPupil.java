package vn.hocba.store;

import vn.hocba.model.PupilIdentity;

/** A pupil's identity as stored for a school, with its optimistic-lock revision. */
public record StoredPupil(PupilIdentity identity, long revision) {
}
