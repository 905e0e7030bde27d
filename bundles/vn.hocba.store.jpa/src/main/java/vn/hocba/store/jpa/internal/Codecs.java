package vn.hocba.store.jpa.internal;

import java.util.Set;

/** The canonical JSON codecs of the stored content. */
final class Codecs {
    private Codecs() {
    }

    /** Pupils and assessments: every component. */
    static final CanonicalJson PLAIN = new CanonicalJson(Set.of());

    /**
     * Year records without their lifecycle state: the state lives in its own column and moves on after issue
     * (SENT, ACCEPTED, SUPERSEDED), while the canonical content, and so its hash, never changes.
     */
    static final CanonicalJson RECORD = new CanonicalJson(Set.of("YearRecord.state"));
}
