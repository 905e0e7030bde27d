package vn.hocba.store.jpa.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/** The composite primary keys ({@code @IdClass}es): EclipseLink needs mutable classes with a no-arg constructor. */
public final class Keys {
    private Keys() {
    }

    public static class ClassKey implements Serializable {
        private static final long serialVersionUID = 1L;
        public String schoolCode;
        public int schoolYear;
        public String className;

        public ClassKey() {
        }

        public ClassKey(String schoolCode, int schoolYear, String className) {
            this.schoolCode = schoolCode;
            this.schoolYear = schoolYear;
            this.className = className;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ClassKey k && k.schoolYear == schoolYear && Objects.equals(k.schoolCode, schoolCode)
                    && Objects.equals(k.className, className);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, schoolYear, className);
        }
    }

    public static class PupilKey implements Serializable {
        private static final long serialVersionUID = 1L;
        public String schoolCode;
        public String pupilCode;

        public PupilKey() {
        }

        public PupilKey(String schoolCode, String pupilCode) {
            this.schoolCode = schoolCode;
            this.pupilCode = pupilCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PupilKey k && Objects.equals(k.schoolCode, schoolCode)
                    && Objects.equals(k.pupilCode, pupilCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, pupilCode);
        }
    }

    public static class AssessmentKey implements Serializable {
        private static final long serialVersionUID = 1L;
        public String schoolCode;
        public int schoolYear;
        public String pupilCode;

        public AssessmentKey() {
        }

        public AssessmentKey(String schoolCode, int schoolYear, String pupilCode) {
            this.schoolCode = schoolCode;
            this.schoolYear = schoolYear;
            this.pupilCode = pupilCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AssessmentKey k && k.schoolYear == schoolYear && Objects.equals(k.schoolCode, schoolCode)
                    && Objects.equals(k.pupilCode, pupilCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, schoolYear, pupilCode);
        }
    }

    public static class VersionKey implements Serializable {
        private static final long serialVersionUID = 1L;
        public String schoolCode;
        public String recordId;
        public int versionNo;

        public VersionKey() {
        }

        public VersionKey(String schoolCode, String recordId, int versionNo) {
            this.schoolCode = schoolCode;
            this.recordId = recordId;
            this.versionNo = versionNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof VersionKey k && k.versionNo == versionNo && Objects.equals(k.schoolCode, schoolCode)
                    && Objects.equals(k.recordId, recordId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, recordId, versionNo);
        }
    }

    /** Key of a row that hangs off one record version, told apart by a name (artefact kind, signer role, exporter). */
    public static class VersionPartKey implements Serializable {
        private static final long serialVersionUID = 1L;
        public String schoolCode;
        public String recordId;
        public int versionNo;
        public String part;

        public VersionPartKey() {
        }

        public VersionPartKey(String schoolCode, String recordId, int versionNo, String part) {
            this.schoolCode = schoolCode;
            this.recordId = recordId;
            this.versionNo = versionNo;
            this.part = part;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof VersionPartKey k && k.versionNo == versionNo && Objects.equals(k.schoolCode, schoolCode)
                    && Objects.equals(k.recordId, recordId) && Objects.equals(k.part, part);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, recordId, versionNo, part);
        }
    }

    public static class AuditKey implements Serializable {
        private static final long serialVersionUID = 1L;
        public String schoolCode;
        public long seq;

        public AuditKey() {
        }

        public AuditKey(String schoolCode, long seq) {
            this.schoolCode = schoolCode;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AuditKey k && k.seq == seq && Objects.equals(k.schoolCode, schoolCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, seq);
        }
    }
}
