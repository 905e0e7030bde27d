package vn.hocba.store;

import vn.hocba.model.Text;

/**
 * The school a call works on behalf of (the tenant key, mã trường). A repository method given a scope reads and
 * writes that school's rows only; data of another school is invisible to it, as if it did not exist.
 */
public record SchoolScope(String schoolCode) {
    public SchoolScope {
        schoolCode = Text.required(schoolCode, "scope.schoolCode");
    }

    public static SchoolScope of(String schoolCode) {
        return new SchoolScope(schoolCode);
    }
}
