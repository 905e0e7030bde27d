package vn.hocba.render.fop.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One school's template choice (factory PID {@value SchoolTemplateChoice#FACTORY_PID}, one configuration per school). */
@ObjectClassDefinition(name = "hocba: mẫu học bạ của trường / a school's record template",
        description = "Chọn mẫu in học bạ cho một trường / Chooses the record template of one school")
public @interface SchoolTemplateConfig {

    @AttributeDefinition(name = "Mã trường / School code")
    String school_code();

    @AttributeDefinition(name = "Mã mẫu / Template id", description = "Ví dụ / e.g. tt27-default")
    String template_id();
}
