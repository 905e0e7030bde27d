package vn.hocba.store.jpa.internal.entity;

import vn.hocba.store.ImmutableVersionException;

/** The refusals the entities' lifecycle guards raise. */
public final class ImmutableRows {
    private ImmutableRows() {
    }

    public static ImmutableVersionException issuedVersion(String recordId, int versionNo) {
        return new ImmutableVersionException(
                "Phiên bản " + versionNo + " của học bạ " + recordId
                        + " đã phát hành, không thể sửa hay xoá; hãy tạo phiên bản đính chính.",
                "Version " + versionNo + " of record " + recordId
                        + " is issued and can never be changed or deleted; create a correction version instead.",
                null);
    }

    public static ImmutableVersionException auditEntry(long seq) {
        return new ImmutableVersionException(
                "Mục nhật ký kiểm tra số " + seq + " không thể sửa hay xoá.",
                "Audit entry " + seq + " can never be changed or removed.", null);
    }
}
