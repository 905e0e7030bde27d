package vn.hocba.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "export_state")
@IdClass(Keys.VersionPartKey.class)
public class ExportRow {
    @Id
    @Column(name = "school_code")
    public String schoolCode;
    @Id
    @Column(name = "record_id")
    public String recordId;
    @Id
    @Column(name = "version_no")
    public int versionNo;
    @Id
    @Column(name = "exporter_id")
    public String part;
    public String status;
    @Column(name = "batch_id")
    public String batchId;
    public int attempts;
    public String receipt;
    @Column(name = "updated_at")
    public long updatedAt;
    public String message;
}
