package vn.hocba.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "school")
public class SchoolRow {
    @Id
    @Column(name = "school_code")
    public String schoolCode;
    public String name;
    public String district;
    public String province;
    @Version
    public long revision;
    @Column(name = "updated_at")
    public long updatedAt;
}
