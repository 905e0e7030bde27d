package vn.hocba.demo.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportService;
import vn.hocba.assessment.SourceImportRequest;
import vn.hocba.model.SchoolYear;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;

/**
 * Gives the standalone host data on first start: when the demo is configured and the store holds no class of the
 * demo school for its year, every class is pulled from the demo source through the import service (off the SCR
 * thread), as a host platform's adapter would be.
 */
@Component(configurationPid = DemoConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DemoBootstrap {
    private static final Logger LOG = Logger.getLogger(DemoBootstrap.class.getName());
    static final String ACTOR = "system:demo";

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hocba-demo-import");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DemoBootstrap(@Reference ImportService imports, @Reference SchoolRepository schools,
            @Reference(target = "(" + vn.hocba.assessment.spi.AssessmentSource.ID_PROPERTY + "=" + DemoAssessmentSource.ID
                    + ")") vn.hocba.assessment.spi.AssessmentSource demo,
            DemoConfig config) {
        if (config.importOnStart()) {
            executor.execute(() -> {
                try {
                    ImportReport r = importIfEmpty(imports, schools, config.schoolCode(),
                            SchoolYear.parse(config.schoolYear()));
                    if (r != null) {
                        LOG.info(() -> "demo school " + config.schoolCode() + " imported: " + r.status() + ", "
                                + r.written() + " records, " + r.errorCount() + " errors");
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "demo import failed", e);
                }
            });
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    /** Imports every class of the demo unless the store already has a class of the school that year; else null. */
    static ImportReport importIfEmpty(ImportService imports, SchoolRepository schools, String schoolCode,
            SchoolYear year) {
        if (!schools.classes(SchoolScope.of(schoolCode), year).isEmpty()) return null;
        return imports.importFromSource(new SourceImportRequest(schoolCode, year, "", DemoAssessmentSource.ID, ACTOR,
                false));
    }
}
