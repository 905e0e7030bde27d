package vn.hocba.render.fop.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One school's template, from one factory configuration; the renderer collects every instance.
 * Editing or deleting the configuration replaces or removes the choice at runtime.
 */
@Component(service = SchoolTemplateChoice.class, configurationPid = SchoolTemplateChoice.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SchoolTemplateConfig.class, factory = true)
public final class SchoolTemplateChoice {

    public static final String FACTORY_PID = "vn.hocba.render.school";

    private final String schoolCode;
    private final String templateId;

    @Activate
    public SchoolTemplateChoice(SchoolTemplateConfig config) {
        this(config.school_code(), config.template_id());
    }

    public SchoolTemplateChoice(String schoolCode, String templateId) {
        if (schoolCode == null || schoolCode.isBlank() || templateId == null || templateId.isBlank()) {
            throw new IllegalArgumentException("a school template choice needs school.code and template.id");
        }
        this.schoolCode = schoolCode.strip();
        this.templateId = templateId.strip();
    }

    public String schoolCode() { return schoolCode; }

    public String templateId() { return templateId; }
}
