package vn.hocba.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "assessment")
@IdClass(Keys.AssessmentKey.class)
public class AssessmentRow {
    @Id
    @Column(name = "school_code")
    public String schoolCode;
    @Id
    @Column(name = "school_year")
    public int schoolYear;
    @Id
    @Column(name = "pupil_code")
    public String pupilCode;
    @Column(name = "class_name")
    public String className;
    public int grade;
    /** Canonical JSON of the YearAssessment. */
    public byte[] content;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Version
    public long revision;
    @Column(name = "updated_at")
    public long updatedAt;
}
