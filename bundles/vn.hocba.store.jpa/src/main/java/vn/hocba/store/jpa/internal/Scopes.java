package vn.hocba.store.jpa.internal;

import vn.hocba.model.SchoolClass;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ScopeException;
import vn.hocba.store.SchoolScope;

/** Checks that data handed in belongs to the school of the call. */
final class Scopes {
    private Scopes() {
    }

    static void check(SchoolScope scope, String schoolCode, String what) {
        if (!scope.schoolCode().equals(schoolCode)) {
            throw new ScopeException(
                    what + " thuộc trường " + schoolCode + ", không thuộc trường " + scope.schoolCode()
                            + " đang làm việc.",
                    what + " belongs to school " + schoolCode + ", not to school " + scope.schoolCode()
                            + " of this call.");
        }
    }

    static void check(SchoolScope scope, SchoolClass c) {
        check(scope, c.schoolCode(), "Lớp " + c.name());
    }

    static void check(SchoolScope scope, YearRecord r) {
        check(scope, r.school().code(), "Học bạ " + r.recordId());
        check(scope, r.schoolClass());
    }
}
