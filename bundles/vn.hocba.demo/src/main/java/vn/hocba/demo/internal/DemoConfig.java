package vn.hocba.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The demo school; the configuration's presence enables the demo. */
@ObjectClassDefinition(name = "hocba demo school",
        description = "A demo school whose assessment source is imported on first start")
public @interface DemoConfig {
    String PID = "vn.hocba.demo";

    @AttributeDefinition(name = "School code")
    String schoolCode() default "DEMO-TH01";

    @AttributeDefinition(name = "School name")
    String schoolName() default "Trường Tiểu học Hoa Sen (dữ liệu mẫu)";

    @AttributeDefinition(name = "School year", description = "e.g. 2024-2025")
    String schoolYear() default "2024-2025";

    @AttributeDefinition(name = "Pupils per class", min = "1", max = "60")
    int pupilsPerClass() default 8;

    @AttributeDefinition(name = "Import on first start",
            description = "Import every class of the demo when the store has none of the school's classes for the year")
    boolean importOnStart() default true;
}
