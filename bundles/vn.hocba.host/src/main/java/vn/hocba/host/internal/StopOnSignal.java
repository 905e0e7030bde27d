package vn.hocba.host.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ctrl-C or SIGTERM stops the OSGi framework before the JVM exits, so every bundle deactivates and the
 * embedded database closes cleanly. The launcher of the executable jar does not do this by itself.
 * Part of the standalone host only: a host platform that embeds hocba manages its own shutdown.
 */
@Component(immediate = true)
public class StopOnSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final Thread hook;

    @Activate
    public StopOnSignal(BundleContext context) {
        Framework framework = (Framework) context.getBundle(0);
        hook = new Thread(() -> stop(framework), "hocba-stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself is stopping the framework: nothing to remove
        }
    }

    private static void stop(Framework framework) {
        LOG.info("Stopping the framework (signal received)");
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
            LOG.info("Framework stopped");
        } catch (BundleException | InterruptedException e) {
            LOG.warn("The framework did not stop cleanly", e);
        }
    }
}
