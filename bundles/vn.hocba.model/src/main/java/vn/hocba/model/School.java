package vn.hocba.model;

import java.util.Objects;

/**
 * A primary school (trường tiểu học). The code is the tenant key: every query of the system is scoped by it.
 *
 * @param code     mã trường, e.g. {@code HP-AL-TH01}
 * @param name     tên trường as printed
 * @param district the district office (Phòng GDĐT) code, may be empty
 * @param province the province office (Sở GDĐT) code, may be empty
 */
public record School(String code, String name, String district, String province) {
    public School {
        code = Text.required(code, "school.code");
        name = Text.required(name, "school.name");
        district = Text.orEmpty(district);
        province = Text.orEmpty(province);
    }

    public School(String code, String name) {
        this(code, name, "", "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof School s && s.code.equals(code);
    }

    @Override
    public int hashCode() { return Objects.hash(code); }
}
