package vn.hocba.signing.pades.internal;

import java.util.List;

import vn.hocba.signing.SignatureOrderException;
import vn.hocba.signing.SignerRole;

/**
 * The order homeroom teacher → principal or deputy → school seal, and nothing after the seal: a role signs
 * only when every earlier step has signed once and its own step has not.
 */
final class SignatureOrder {

    private SignatureOrder() {
    }

    /**
     * @param signed    the roles already signed, in signing order ({@code null} entries: signatures not ours)
     * @param certified the document carries a certification (DocMDP) signature
     * @param next      the role that wants to sign
     */
    static void check(List<SignerRole> signed, boolean certified, SignerRole next) throws SignatureOrderException {
        if (certified || signed.contains(SignerRole.SCHOOL_SEAL)) {
            throw new SignatureOrderException(
                    "Học bạ đã được đóng dấu và xác thực; không thể ký thêm",
                    "The record is sealed and certified; nothing can be signed after the school seal");
        }
        if (signed.contains(null)) {
            throw new SignatureOrderException("Tài liệu có chữ ký không thuộc quy trình ký học bạ",
                    "The document carries a signature outside the record's signing workflow");
        }
        for (int i = 0; i < signed.size(); i++) {
            if (signed.get(i).step() != i + 1) {
                throw new SignatureOrderException("Thứ tự các chữ ký có sẵn trong tài liệu không hợp lệ",
                        "The signatures already in the document are out of order");
            }
        }
        int expectedStep = signed.size() + 1;
        if (next.step() != expectedStep) {
            String vi = next.step() < expectedStep
                    ? "Bước ký của " + next.labelVi() + " đã hoàn thành"
                    : next.labelVi() + " chỉ ký sau " + previousVi(next);
            String en = next.step() < expectedStep
                    ? "The " + next.labelEn().toLowerCase() + " step is already signed"
                    : "The " + next.labelEn().toLowerCase() + " signs only after the " + previousEn(next);
            throw new SignatureOrderException(vi, en);
        }
    }

    private static String previousVi(SignerRole role) {
        return role == SignerRole.SCHOOL_SEAL ? "hiệu trưởng (hoặc phó hiệu trưởng)" : "giáo viên chủ nhiệm";
    }

    private static String previousEn(SignerRole role) {
        return role == SignerRole.SCHOOL_SEAL ? "principal (or deputy principal)" : "homeroom teacher";
    }
}
