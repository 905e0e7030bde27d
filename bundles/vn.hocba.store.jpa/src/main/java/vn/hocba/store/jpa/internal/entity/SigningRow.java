package vn.hocba.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "signing_state")
@IdClass(Keys.VersionPartKey.class)
public class SigningRow {
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
    @Column(name = "signer_role")
    public String part;
    @Column(name = "signer_id")
    public String signerId;
    @Column(name = "provider_id")
    public String providerId;
    @Column(name = "provider_ref")
    public String providerRef;
    public String status;
    @Column(name = "updated_at")
    public long updatedAt;
    public String message;
}
