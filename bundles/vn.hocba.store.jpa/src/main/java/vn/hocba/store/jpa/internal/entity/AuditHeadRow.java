package vn.hocba.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The last entry of a school's audit chain; locked while appending, so a school's appends form one line. */
@Entity
@Table(name = "audit_head")
public class AuditHeadRow {
    @Id
    @Column(name = "school_code")
    public String schoolCode;
    public long seq;
    @Column(name = "entry_hash")
    public String entryHash;
}
