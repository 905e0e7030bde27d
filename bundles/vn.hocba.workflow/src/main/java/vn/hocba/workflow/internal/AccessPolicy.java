package vn.hocba.workflow.internal;

import vn.hocba.security.Caller;
import vn.hocba.security.Role;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.Step;
import vn.hocba.workflow.WorkflowException;

/**
 * Who may do what (the issue's table): a homeroom teacher reads, locks, renders, reopens and signs their own class;
 * the principal or a deputy reads and does everything in their school and is the only one to sign in step 2, approve
 * corrections and revoke; a school administrator reads, renders, seals and issues (configuration, imports, exports);
 * a district viewer reads the progress of their district only; the operator does every step but a person's
 * signature, a correction's approval and a revocation.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** May read the school's class list (a teacher then sees their own classes only). */
    public static void readSchool(Caller c, String school) {
        if (c.isOperator() || !c.classesOf(school).isEmpty() || c.leads(school) || c.has(Role.SCHOOL_ADMIN, school)) {
            return;
        }
        throw forbidden("Bạn không thuộc trường " + school, "You do not belong to school " + school);
    }

    /** May read the records of a class. */
    public static void readClass(Caller c, String school, String className) {
        if (c.isOperator() || c.leads(school) || c.has(Role.SCHOOL_ADMIN, school) || c.teaches(school, className)) {
            return;
        }
        throw forbidden("Bạn không được xem học bạ lớp " + className + " của trường " + school,
                "You may not read the records of class " + className + " of school " + school);
    }

    /** Whether the caller may read every class of the school (not just their own). */
    public static boolean readsWholeSchool(Caller c, String school) {
        return c.isOperator() || c.leads(school) || c.has(Role.SCHOOL_ADMIN, school);
    }

    /** May take {@code step} on records of that class. */
    public static void step(Caller c, Step step, String school, String className) {
        boolean teacher = c.teaches(school, className);
        boolean leads = c.leads(school);
        boolean admin = c.has(Role.SCHOOL_ADMIN, school);
        boolean operator = c.isOperator();
        boolean ok = switch (step) {
            case LOCK, REOPEN -> teacher || leads || operator;
            case RENDER -> teacher || leads || admin || operator;
            case SIGN_TEACHER -> teacher;
            case SIGN_PRINCIPAL -> leads;
            case SEAL, ISSUE, SEND, ACCEPT -> leads || admin || operator;
            case CORRECT, REVOKE -> leads;
            case SUPERSEDE -> false;
        };
        if (ok) return;
        String who = switch (step) {
            case SIGN_TEACHER -> "chỉ giáo viên chủ nhiệm của lớp / only the class's homeroom teacher";
            case SIGN_PRINCIPAL, CORRECT, REVOKE -> "chỉ Hiệu trưởng hoặc Phó hiệu trưởng của trường / "
                    + "only the school's principal or a deputy";
            case SUPERSEDE -> "chỉ hệ thống / only the system";
            default -> "giáo viên chủ nhiệm của lớp, Hiệu trưởng hoặc cán bộ quản trị của trường / "
                    + "the class's homeroom teacher, the principal or the school administrator";
        };
        int slash = who.indexOf(" / ");
        throw forbidden("Bạn không được \"" + step.labelVi() + "\" học bạ lớp " + className + " của trường " + school
                + ": " + who.substring(0, slash),
                "You may not \"" + step.labelEn() + "\" records of class " + className + " of school " + school
                        + ": " + who.substring(slash + 3));
    }

    /** May read the progress of a district. */
    public static void readDistrict(Caller c, String district) {
        if (c.isOperator() || c.districts().contains(district)) return;
        throw forbidden("Bạn không được xem tiến độ của " + district, "You may not read the progress of " + district);
    }

    static WorkflowException forbidden(String vi, String en) {
        return new WorkflowException(RefusalCode.FORBIDDEN, vi, en);
    }
}
