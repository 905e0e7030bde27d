package vn.hocba.signing.pades.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.signing.ArchiveStore;
import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.spi.DigestAlgorithm;

/**
 * The B-LTA job: every interval, raises the due documents of the {@link ArchiveStore} to B-LTA (fresh DSS data,
 * then a document time-stamp). Does nothing until a store is registered (the reference is optional and greedy,
 * so the job restarts with the store when one appears, and an assembly without one still resolves); one failing
 * document does not stop the run.
 */
@Component(service = ArchiveTimestampJob.class, configurationPid = ArchiveTimestampJob.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ArchiveConfig.class)
public final class ArchiveTimestampJob {

    static final String PID = "vn.hocba.signing.archive";
    private static final Logger LOG = Logger.getLogger(ArchiveTimestampJob.class.getName());

    private final PadesEngine engine;
    private final ArchiveStore store;
    private final Duration renewAfter;
    private final int batchSize;
    private final ScheduledExecutorService timer;

    @Activate
    public ArchiveTimestampJob(@Reference PadesEngine engine,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ArchiveStore store,
            ArchiveConfig config) {
        this(engine, store, Duration.ofDays(config.renewAfterDays()), config.batchSize());
        if (config.enabled() && store != null) {
            timer.scheduleWithFixedDelay(this::runSafely, 1, Math.max(1, config.intervalMinutes()), TimeUnit.MINUTES);
        }
    }

    ArchiveTimestampJob(PadesEngine engine, ArchiveStore store, Duration renewAfter, int batchSize) {
        this.engine = engine;
        this.store = store;
        this.renewAfter = renewAfter;
        this.batchSize = batchSize;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hocba-archive-timestamp");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "archive time-stamp run failed", e);
        }
    }

    /** One run: returns how many documents were raised to B-LTA. */
    int runOnce() {
        int done = 0;
        for (ArchiveStore.ArchivedDocument d : store.dueForArchiveTimestamp(Instant.now().minus(renewAfter), batchSize)) {
            try {
                byte[] extended = engine.extend(d.content(), BaselineLevel.B_LTA);
                store.replaceContent(d.documentId(),
                        HexFormat.of().formatHex(CadesDetached.digest(DigestAlgorithm.SHA256, d.content())), extended);
                done++;
            } catch (SigningException | RuntimeException e) {
                LOG.log(Level.WARNING, "archive time-stamp of " + d.documentId() + " failed: " + e.getMessage(), e);
            }
        }
        return done;
    }
}
