package vn.hocba.assessment.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import vn.hocba.assessment.ImportService;
import vn.hocba.assessment.spi.AssessmentFileReader;
import vn.hocba.assessment.spi.AssessmentSource;
import vn.hocba.rules.RecordValidator;
import vn.hocba.rules.YearResultRules;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;

/**
 * The import service as a DS component. Every registered {@link AssessmentSource} and {@link AssessmentFileReader}
 * is bound by its id; which source a school uses is read from the configuration {@value #PID} and changes take
 * effect at once, without restarting anything.
 */
@Component(service = ImportService.class, configurationPid = ImportServiceComponent.PID)
@Designate(ocd = ImportServiceComponent.Config.class)
public class ImportServiceComponent extends DefaultImportService {
    public static final String PID = "vn.hocba.assessment";

    @ObjectClassDefinition(name = "hocba assessment import",
            description = "Uploads of class results and the assessment source of each school")
    public @interface Config {
        @AttributeDefinition(name = "Largest upload (MB)", description = "Larger files are refused unread", min = "1")
        int maxFileMegabytes() default 20;

        @AttributeDefinition(name = "Default source",
                description = "The id of the assessment source of a school without its own entry (empty: none)")
        String defaultSource() default "";

        @AttributeDefinition(name = "Source per school",
                description = "Entries SCHOOL_CODE=sourceId, e.g. HP-AL-TH01=vnedu")
        String[] schoolSources() default {};

        @AttributeDefinition(name = "Register unknown schools",
                description = "Register a school the store does not know yet with the name the imported data gives")
        boolean registerUnknownSchools() default true;
    }

    @Activate
    public ImportServiceComponent(@Reference RecordValidator validator, @Reference YearResultRules rules,
            @Reference SchoolRepository schools, @Reference RecordRepository records, Config config) {
        super(new Importer(validator, rules, schools, records, config.registerUnknownSchools()), schools,
                Clock.systemUTC(), settings(config));
    }

    @Modified
    void modified(Config config) {
        configure(settings(config));
        importer().registerUnknownSchools(config.registerUnknownSchools());
    }

    private static Settings settings(Config config) {
        return Settings.of(Math.max(1, config.maxFileMegabytes()), config.defaultSource(), config.schoolSources());
    }

    @Override
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addReader(AssessmentFileReader reader) {
        super.addReader(reader);
    }

    @Override
    public void removeReader(AssessmentFileReader reader) {
        super.removeReader(reader);
    }

    @Override
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addSource(AssessmentSource source) {
        super.addSource(source);
    }

    @Override
    public void removeSource(AssessmentSource source) {
        super.removeSource(source);
    }
}
