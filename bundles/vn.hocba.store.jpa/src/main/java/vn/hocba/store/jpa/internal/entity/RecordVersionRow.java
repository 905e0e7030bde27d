package vn.hocba.store.jpa.internal.entity;

import java.util.Arrays;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.PostLoad;
import javax.persistence.PreRemove;
import javax.persistence.PreUpdate;
import javax.persistence.Table;
import javax.persistence.Transient;
import javax.persistence.Version;

/**
 * One version of a year record: canonical content plus the columns queries need. Once {@code issuedAt} is set the
 * row's content never changes: {@link #guardUpdate()} refuses it inside JPA, and database triggers refuse it for
 * anything that goes around JPA (bulk JPQL, plain SQL).
 */
@Entity
@Table(name = "record_version")
@IdClass(Keys.VersionKey.class)
public class RecordVersionRow {
    @Id
    @Column(name = "school_code")
    public String schoolCode;
    @Id
    @Column(name = "record_id")
    public String recordId;
    @Id
    @Column(name = "version_no")
    public int versionNo;
    @Column(name = "school_year")
    public int schoolYear;
    @Column(name = "class_name")
    public String className;
    public int grade;
    @Column(name = "pupil_code")
    public String pupilCode;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "record_state")
    public String state;
    @Column(name = "result_code")
    public String resultCode;
    @Column(name = "replaces_version")
    public Integer replacesVersion;
    /** Canonical JSON of the YearRecord without its state. */
    public byte[] content;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "updated_at")
    public long updatedAt;
    @Column(name = "issued_at")
    public Long issuedAt;
    @Column(name = "superseded_by")
    public int supersededBy;
    @Version
    public long revision;

    /** The content as loaded, kept only for issued rows to refuse changes. */
    @Transient
    private RecordVersionRow loaded;

    @PostLoad
    void rememberIssuedContent() {
        loaded = issuedAt == null ? null : snapshot();
    }

    @PreUpdate
    void guardUpdate() {
        if (loaded != null && !sameContent(loaded)) {
            throw ImmutableRows.issuedVersion(recordId, versionNo);
        }
    }

    @PreRemove
    void guardRemove() {
        if (issuedAt != null || loaded != null) {
            throw ImmutableRows.issuedVersion(recordId, versionNo);
        }
    }

    private RecordVersionRow snapshot() {
        RecordVersionRow s = new RecordVersionRow();
        s.schoolCode = schoolCode;
        s.recordId = recordId;
        s.versionNo = versionNo;
        s.schoolYear = schoolYear;
        s.className = className;
        s.grade = grade;
        s.pupilCode = pupilCode;
        s.fullName = fullName;
        s.resultCode = resultCode;
        s.replacesVersion = replacesVersion;
        s.content = content == null ? null : content.clone();
        s.contentSha256 = contentSha256;
        s.createdAt = createdAt;
        s.issuedAt = issuedAt;
        return s;
    }

    private boolean sameContent(RecordVersionRow s) {
        return Objects.equals(s.schoolCode, schoolCode) && Objects.equals(s.recordId, recordId)
                && s.versionNo == versionNo && s.schoolYear == schoolYear && Objects.equals(s.className, className)
                && s.grade == grade && Objects.equals(s.pupilCode, pupilCode) && Objects.equals(s.fullName, fullName)
                && Objects.equals(s.resultCode, resultCode) && Objects.equals(s.replacesVersion, replacesVersion)
                && Arrays.equals(s.content, content) && Objects.equals(s.contentSha256, contentSha256)
                && s.createdAt == createdAt && Objects.equals(s.issuedAt, issuedAt);
    }
}
