package vn.hocba.model;

/**
 * Where a year-record version is in its life (HOCBA.md §6). Only {@link #DRAFT} content can change;
 * from {@link #ISSUED} on the version is immutable.
 */
public enum RecordState {
    DRAFT(0, "Dự thảo"),
    LOCKED(1, "Đã khoá sổ"),
    TEACHER_SIGNED(2, "GVCN đã ký"),
    PRINCIPAL_SIGNED(3, "Hiệu trưởng đã ký"),
    ISSUED(4, "Đã phát hành"),
    SENT(5, "Đã gửi"),
    ACCEPTED(6, "Đã tiếp nhận"),
    SUPERSEDED(7, "Đã được thay thế"),
    REVOKED(8, "Đã thu hồi");

    private final int nationalCode;
    private final String label;

    RecordState(int nationalCode, String label) {
        this.nationalCode = nationalCode;
        this.label = label;
    }

    /** The value of trangthaithongtinhocba in our export schema. */
    public int nationalCode() { return nationalCode; }

    public String label() { return label; }

    /** Issued, sent and accepted versions are the official record and never change. */
    public boolean isIssued() { return this == ISSUED || this == SENT || this == ACCEPTED; }

    /** Any signature is on it, or it is final: its content is frozen. */
    public boolean isFrozen() { return this != DRAFT; }
}
