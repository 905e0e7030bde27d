package vn.hocba.demo.internal;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.assessment.spi.AssessmentSource;
import vn.hocba.assessment.spi.Provenance;
import vn.hocba.assessment.spi.SourceBatch;
import vn.hocba.assessment.spi.SourceException;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.rules.CurriculumCatalog;
import vn.hocba.rules.YearResultRules;

/**
 * The host-adapter example: the demo school's gradebook as an {@link AssessmentSource} (id {@value #ID}). A host
 * platform implements the same interface over its own database. Present only while the configuration
 * {@code vn.hocba.demo} exists (e.g. {@code etc/vn.hocba.demo.cfg}).
 */
@Component(service = AssessmentSource.class, configurationPid = DemoConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = AssessmentSource.ID_PROPERTY + "=" + DemoAssessmentSource.ID)
@Designate(ocd = DemoConfig.class)
public class DemoAssessmentSource implements AssessmentSource {
    public static final String ID = "demo";

    private final DemoSchool school;
    private final Clock clock;

    @Activate
    public DemoAssessmentSource(@Reference CurriculumCatalog catalog, @Reference YearResultRules rules,
            DemoConfig config) {
        this(school(catalog, rules, config), Clock.systemUTC());
    }

    DemoAssessmentSource(DemoSchool school, Clock clock) {
        this.school = school;
        this.clock = clock;
    }

    static DemoSchool school(CurriculumCatalog catalog, YearResultRules rules, DemoConfig config) {
        SchoolYear year = SchoolYear.parse(config.schoolYear());
        return new DemoSchool(config.schoolCode(), config.schoolName(), year, Math.max(1, config.pupilsPerClass()),
                catalog.forYear(year), rules);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Dữ liệu mẫu (demo)";
    }

    @Override
    public List<SchoolClass> classes(String schoolCode, SchoolYear year) {
        if (!holds(schoolCode, year)) return List.of();
        return school.classes();
    }

    @Override
    public SourceBatch readClass(String schoolCode, SchoolYear year, String className) {
        if (!holds(schoolCode, year) || school.pupils(className).isEmpty()) {
            throw new SourceException("Dữ liệu mẫu không có lớp " + className + " của trường " + schoolCode + " năm học "
                    + year + ".", "The demo has no class " + className + " of school " + schoolCode + " in " + year + ".");
        }
        Provenance p = new Provenance(ID, ID + ":" + schoolCode + "/" + year + "/" + className, title(), "",
                clock.instant(), school.hash(className));
        return new SourceBatch(p, school.pupils(className), List.of());
    }

    private boolean holds(String schoolCode, SchoolYear year) {
        return school.schoolCode().equals(schoolCode) && school.year().equals(year);
    }
}
