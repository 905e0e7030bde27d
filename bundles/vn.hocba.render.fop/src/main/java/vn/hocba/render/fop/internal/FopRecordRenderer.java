package vn.hocba.render.fop.internal;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.model.YearRecord;
import vn.hocba.render.RecordRenderer;
import vn.hocba.render.RenderOptions;
import vn.hocba.render.RenderedRecord;
import vn.hocba.render.spi.RenderTemplate;

/**
 * The render service: every {@link RenderTemplate} service is available by its id; which one prints a school's
 * records is configuration ({@link SchoolTemplateChoice} per school, else the default template id), changed at
 * runtime without restarting anything. A school whose chosen template is not deployed gets the default one and a
 * warning in the log.
 */
@Component(service = RecordRenderer.class, configurationPid = FopRecordRenderer.PID)
@Designate(ocd = RendererConfig.class)
public final class FopRecordRenderer implements RecordRenderer {

    public static final String PID = "vn.hocba.render";

    private static final System.Logger LOG = System.getLogger(FopRecordRenderer.class.getName());

    private final TemplateRegistry templates = new TemplateRegistry();
    private final Map<String, SchoolTemplateChoice> schools = new ConcurrentHashMap<>();
    private final FopEngine engine = new FopEngine(templates::get);
    private volatile String defaultTemplate;
    private volatile String verificationBaseUrl;

    @Activate
    public FopRecordRenderer(RendererConfig config) {
        this(config.default_template(), config.verification_base_url());
    }

    /** Outside OSGi (tests, tools): templates and school choices are then added by the bind methods. */
    public FopRecordRenderer(String defaultTemplate, String verificationBaseUrl) {
        configure(defaultTemplate, verificationBaseUrl);
    }

    @Modified
    void modified(RendererConfig config) {
        configure(config.default_template(), config.verification_base_url());
    }

    private void configure(String defaultTemplateId, String baseUrl) {
        this.defaultTemplate = defaultTemplateId == null || defaultTemplateId.isBlank() ? DefaultTemplate.ID
                : defaultTemplateId.strip();
        this.verificationBaseUrl = baseUrl == null || baseUrl.isBlank() ? "https://hocba.example/verify"
                : baseUrl.strip();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addTemplate(RenderTemplate template) {
        templates.add(template);
    }

    public void removeTemplate(RenderTemplate template) {
        templates.remove(template);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addSchoolChoice(SchoolTemplateChoice choice) {
        schools.put(choice.schoolCode(), choice);
    }

    public void removeSchoolChoice(SchoolTemplateChoice choice) {
        schools.remove(choice.schoolCode(), choice);
    }

    @Override
    public RenderedRecord render(YearRecord record, RenderOptions options) {
        RenderOptions opts = options == null ? RenderOptions.defaults() : options;
        String id = opts.templateId().isEmpty() ? templateIdFor(record.school().code()) : opts.templateId();
        return engine.render(record, opts, id, templates.compiled(id), verificationBaseUrl);
    }

    @Override
    public String templateIdFor(String schoolCode) {
        SchoolTemplateChoice choice = schoolCode == null ? null : schools.get(schoolCode);
        String fallback = defaultTemplate;
        if (choice == null) return fallback;
        if (templates.get(choice.templateId()) != null) return choice.templateId();
        LOG.log(Level.WARNING, "Trường {0} chọn mẫu {1} nhưng mẫu này chưa được cài, dùng mẫu {2} / School {0} "
                + "chose template {1}, which is not deployed; using {2}", schoolCode, choice.templateId(), fallback);
        return fallback;
    }

    @Override
    public Set<String> templateIds() {
        return templates.ids();
    }
}
