package vn.hocba.rest.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /hocba/api/v1/health}: is hocba up, which version, and the state of each of its bundles.
 * Unauthenticated on purpose: a load balancer or an administrator asks it before anything else.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class HealthResource {

    /** What a health answer says; one entry per hocba bundle installed in the framework. */
    public record Health(String status, String version, List<BundleState> bundles) {}

    public record BundleState(String symbolicName, String version, String state) {}

    private final BundleContext context;

    @Activate
    public HealthResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Health health() {
        List<BundleState> ours = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("vn.hocba."))
                .map(b -> new BundleState(b.getSymbolicName(), b.getVersion().toString(), stateName(b.getState())))
                .toList();
        boolean allActive = ours.stream().allMatch(b -> b.state().equals("ACTIVE"));
        return new Health(allActive ? "UP" : "DEGRADED", context.getBundle().getVersion().toString(), ours);
    }

    private static String stateName(int state) {
        return Map.of(Bundle.UNINSTALLED, "UNINSTALLED", Bundle.INSTALLED, "INSTALLED",
                Bundle.RESOLVED, "RESOLVED", Bundle.STARTING, "STARTING",
                Bundle.STOPPING, "STOPPING", Bundle.ACTIVE, "ACTIVE").getOrDefault(state, "UNKNOWN");
    }
}
