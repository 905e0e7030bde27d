package vn.hocba.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "pupil")
@IdClass(Keys.PupilKey.class)
public class PupilRow {
    @Id
    @Column(name = "school_code")
    public String schoolCode;
    @Id
    @Column(name = "pupil_code")
    public String pupilCode;
    @Column(name = "personal_id")
    public String personalId;
    @Column(name = "full_name")
    public String fullName;
    /** Canonical JSON of the PupilIdentity. */
    public byte[] content;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Version
    public long revision;
    @Column(name = "updated_at")
    public long updatedAt;
}
