package vn.hocba.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;

/**
 * hocba is a plugin: into a running host that has none of it (Felix, SCR, ConfigAdmin, HTTP, the JAX-RS
 * whiteboard and the libraries hocba needs), install our bundles, use them, update one, remove them all —
 * and the host carries on with nothing of ours left and no error logged.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginLifecycleIT {

    private static final String HEALTH = "/hocba/api/v1/health";

    @Inject
    BundleContext context;

    @Inject
    LogReaderService logReader;

    @Configuration
    public Option[] config() {
        return Assembly.options(jar -> !Assembly.isHocba(jar), Assembly.tempDataDir());
    }

    @Test
    public void installUpdateUninstallOnARunningHost() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        logReader.addLogListener(entry -> {
            if (entry.getException() != null || entry.getLogLevel() == LogLevel.ERROR) errors.add(describe(entry));
        });
        FrameworkListener frameworkErrors = event -> {
            if (event.getType() == FrameworkEvent.ERROR || event.getType() == FrameworkEvent.WARNING) {
                errors.add("framework event " + event.getType() + " from " + event.getBundle().getSymbolicName()
                        + ": " + event.getThrowable());
            }
        };
        context.addFrameworkListener(frameworkErrors);

        assertTrue("the bare host must start without hocba", ours().isEmpty());
        assertEquals(404, Assembly.await(HEALTH, 404, 30_000).status());

        // install and start every hocba bundle the feature resolved
        List<Bundle> installed = new ArrayList<>();
        for (File jar : Assembly.runBundles()) {
            if (Assembly.isHocba(jar)) {
                try (InputStream in = new FileInputStream(jar)) {
                    installed.add(context.installBundle("hocba:" + jar.getName(), in));
                }
            }
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get("Fragment-Host") == null) b.start();
        }
        Assembly.Response up = Assembly.await(HEALTH, 200, 30_000);
        assertEquals(up.body(), 200, up.status());
        assertTrue(up.body(), up.body().contains("\"status\":\"UP\""));

        // update the REST bundle in place: the endpoint comes back
        Bundle rest = installed.stream().filter(b -> b.getSymbolicName().equals("vn.hocba.rest")).findFirst().orElseThrow();
        File restJar = Assembly.runBundles().stream().filter(f -> f.getName().startsWith("vn.hocba.rest-")).findFirst().orElseThrow();
        try (InputStream in = new FileInputStream(restJar)) {
            rest.update(in);
        }
        refresh(List.of(rest));
        assertEquals(Bundle.ACTIVE, rest.getState());
        assertEquals(200, Assembly.await(HEALTH, 200, 30_000).status());

        // uninstall everything of ours: endpoint and services gone
        for (Bundle b : installed) b.uninstall();
        refresh(installed);
        assertEquals(404, Assembly.await(HEALTH, 404, 30_000).status());
        assertTrue("hocba bundles left: " + ours(), ours().isEmpty());
        assertTrue("hocba services left: " + ourServices(), ourServices().isEmpty());

        context.removeFrameworkListener(frameworkErrors);
        assertEquals("errors logged during the plugin's life: " + errors, List.of(), errors);
    }

    private List<String> ours() {
        return Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
                .filter(n -> n != null && n.startsWith("vn.hocba.")).toList();
    }

    private List<String> ourServices() throws Exception {
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, null);
        List<String> found = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            String classes = Arrays.toString((String[]) ref.getProperty("objectClass"));
            if (classes.contains("vn.hocba.")) found.add(classes);
        }
        return found;
    }

    private void refresh(List<Bundle> bundles) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, e -> done.countDown());
        assertTrue("refresh did not finish", done.await(30, TimeUnit.SECONDS));
    }

    private static String describe(LogEntry e) {
        return e.getLogLevel() + " " + (e.getBundle() == null ? "?" : e.getBundle().getSymbolicName()) + ": "
                + e.getMessage() + (e.getException() == null ? "" : " — " + e.getException());
    }
}
