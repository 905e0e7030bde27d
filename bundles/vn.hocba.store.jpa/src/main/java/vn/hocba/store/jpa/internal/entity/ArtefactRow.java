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

/** The PDF or XML of a record version; frozen when the version is issued, and then never changes. */
@Entity
@Table(name = "record_artefact")
@IdClass(Keys.VersionPartKey.class)
public class ArtefactRow {
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
    @Column(name = "kind")
    public String part;
    public String sha256;
    @Column(name = "byte_size")
    public long byteSize;
    public byte[] content;
    public int frozen;

    @Transient
    private String loadedSha256;
    @Transient
    private byte[] loadedContent;
    @Transient
    private int loadedFrozen;

    @PostLoad
    void rememberFrozenContent() {
        loadedFrozen = frozen;
        loadedSha256 = sha256;
        // The content is compared only for frozen rows: keep a copy, the entity's array may be changed in place.
        loadedContent = frozen != 0 && content != null ? content.clone() : null;
    }

    @PreUpdate
    void guardUpdate() {
        if (loadedFrozen != 0 && (frozen == 0 || !Objects.equals(loadedSha256, sha256)
                || !Arrays.equals(loadedContent, content))) {
            throw ImmutableRows.issuedVersion(recordId, versionNo);
        }
    }

    @PreRemove
    void guardRemove() {
        if (frozen != 0 || loadedFrozen != 0) throw ImmutableRows.issuedVersion(recordId, versionNo);
    }
}
