package vn.hocba.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.PreRemove;
import javax.persistence.PreUpdate;
import javax.persistence.Table;

/** One entry of a school's audit chain; inserted once, never updated or removed. */
@Entity
@Table(name = "audit_entry")
@IdClass(Keys.AuditKey.class)
public class AuditEntryRow {
    @Id
    @Column(name = "school_code")
    public String schoolCode;
    @Id
    public long seq;
    @Column(name = "at_millis")
    public long atMillis;
    public String actor;
    @Column(name = "audit_action")
    public String action;
    @Column(name = "target_ref")
    public String target;
    @Column(name = "before_hash")
    public String beforeHash;
    @Column(name = "after_hash")
    public String afterHash;
    public String detail;
    @Column(name = "prev_hash")
    public String prevHash;
    @Column(name = "entry_hash")
    public String entryHash;

    @PreUpdate
    void refuseUpdate() {
        throw ImmutableRows.auditEntry(seq);
    }

    @PreRemove
    void refuseRemove() {
        throw ImmutableRows.auditEntry(seq);
    }
}
