package vn.hocba.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;

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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/** The standalone host's bundles, as features/app resolved them, all start and answer on HTTP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostIT {

    @Inject
    BundleContext context;

    @Inject
    ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return Assembly.options(f -> true, Assembly.tempDataDir());
    }

    @Test
    public void everyResolvedBundleIsActive() {
        String notActive = Arrays.stream(context.getBundles())
                .filter(b -> b.getHeaders().get("Fragment-Host") == null)
                .filter(b -> b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + "=" + b.getState())
                .reduce("", (a, b) -> a + " " + b);
        assertEquals("bundles not active:" + notActive, "", notActive);
    }

    /**
     * Unit tests run on a class path; only a framework shows what a bundle really packs and wires
     * (a resource missing from the jar, an import nobody exports). No hocba component may fail to activate.
     */
    @Test
    public void noHocbaComponentFailsToActivate() throws Exception {
        Assembly.await("/hocba/api/v1/health", 200, 30_000);
        String failed = scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.symbolicName.startsWith("vn.hocba."))
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream())
                .filter(c -> c.state == ComponentConfigurationDTO.FAILED_ACTIVATION)
                .map(c -> c.description.name + ": " + c.failure)
                .reduce("", (a, b) -> a + "\n" + b);
        assertEquals("components that failed to activate:" + failed, "", failed);
    }

    @Test
    public void healthAnswersWithOurBundles() throws Exception {
        Assembly.Response health = Assembly.await("/hocba/api/v1/health", 200, 30_000);
        assertEquals(health.body(), 200, health.status());
        assertTrue(health.contentType(), health.contentType().startsWith("application/json"));
        assertTrue(health.body(), health.body().contains("\"status\":\"UP\""));
        for (var jar : Assembly.runBundles()) {
            if (Assembly.isHocba(jar)) {
                String bsn = jar.getName().replaceFirst("-\\d.*$", "");
                assertTrue(bsn + " missing in " + health.body(), health.body().contains("\"symbolicName\":\"" + bsn + "\""));
            }
        }
    }
}
