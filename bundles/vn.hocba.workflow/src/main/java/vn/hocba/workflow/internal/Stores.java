package vn.hocba.workflow.internal;

import java.util.Objects;

import vn.hocba.store.AuditTrail;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;

/** The store's repositories the workflow works with. */
public record Stores(RecordRepository records, SchoolRepository schools, PupilRepository pupils,
        ProcessingStateRepository processing, AuditTrail audit) {
    public Stores {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(schools, "schools");
        Objects.requireNonNull(pupils, "pupils");
        Objects.requireNonNull(processing, "processing");
        Objects.requireNonNull(audit, "audit");
    }
}
