package vn.hocba.rest.internal;

import vn.hocba.security.Caller;
import vn.hocba.security.Role;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;

/**
 * Who may see and run a school's export and transfers: its administrator, its principal or a deputy, and the
 * installation's operator; a district viewer may read the export states of their district's schools. A refusal is a
 * 403 problem, written to the school's audit trail.
 */
final class ExportAccess {

    private final Authenticator auth;
    private final SchoolRepository schools;

    ExportAccess(Authenticator auth, SchoolRepository schools) {
        this.auth = auth;
        this.schools = schools;
    }

    static boolean manages(Caller c, String school) {
        return c.isOperator() || c.leads(school) || c.has(Role.SCHOOL_ADMIN, school);
    }

    /** Manages some school (a transfer verification reads a document, stores nothing, for a school's staff). */
    static boolean managesAnySchool(Caller c) {
        return c.isOperator() || c.schools().stream().anyMatch(s -> c.leads(s) || c.has(Role.SCHOOL_ADMIN, s));
    }

    void read(Caller c, String school, String what) {
        if (manages(c, school)) return;
        if (!c.districts().isEmpty() && schools.school(SchoolScope.of(school))
                .filter(s -> c.districts().contains(s.district())).isPresent()) {
            return;
        }
        throw refuse(c, school, what, "Bạn không được xem tình trạng gửi học bạ của trường " + school,
                "You may not read the export of school " + school);
    }

    void manage(Caller c, String school, String what) {
        if (manages(c, school)) return;
        throw refuse(c, school, what, "Chỉ cán bộ quản trị, Hiệu trưởng hoặc Phó hiệu trưởng của trường " + school
                + " được làm việc này", "Only the administrator, principal or a deputy of school " + school
                        + " may do this");
    }

    ApiException refuse(Caller c, String school, String what, String vi, String en) {
        auth.refused(c.userId(), school, what, "403 " + en);
        return new ApiException(403, "FORBIDDEN", vi, en);
    }
}
