package vn.hocba.store.jpa.internal;

import vn.hocba.store.ConflictException;

/** The optimistic-lock check callers ask for with {@code expectedRevision}. */
final class Revisions {
    private Revisions() {
    }

    /**
     * @param stored   the row's revision, 0 when there is no row
     * @param expected what the caller read, 0 for "must not exist yet"
     */
    static void check(long stored, long expected, String what) {
        if (stored == expected) return;
        if (expected == 0) {
            throw new ConflictException(what + " đã tồn tại (phiên bản lưu " + stored + ").",
                    what + " already exists (stored revision " + stored + ").", null);
        }
        throw new ConflictException(
                what + " vừa được người khác thay đổi (bạn sửa bản " + expected + ", bản lưu hiện là " + stored
                        + "); hãy tải lại rồi thử lại.",
                what + " was changed by someone else (you edited revision " + expected + ", the stored one is "
                        + stored + "); reload and try again.",
                null);
    }
}
