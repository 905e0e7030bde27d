package vn.hocba.rest.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import vn.hocba.render.RecordRenderer;
import vn.hocba.security.CallerResolver;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.SignatureVerifier;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.XadesEngine;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.store.StoreAdmin;
import vn.hocba.workflow.WorkflowService;

/**
 * {@code GET /hocba/api/v1/health}: is hocba up, which version, the state of each of its bundles, and the providers
 * in use. Unauthenticated on purpose: a load balancer or an administrator asks it before anything else.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class HealthResource {

    /** What a health answer says; one entry per hocba bundle installed in the framework. */
    public record Health(String status, String version, List<BundleState> bundles, Map<String, Object> providers) {
    }

    public record BundleState(String symbolicName, String version, String state) {
    }

    private final BundleContext context;
    private final Authenticator auth;
    private final Map<String, SignatureProvider> signatureProviders = new ConcurrentHashMap<>();
    private final Map<String, CallerResolver> resolvers = new ConcurrentHashMap<>();
    private volatile StoreAdmin store;
    private volatile RecordRenderer renderer;
    private volatile PadesEngine pades;
    private volatile XadesEngine xades;
    private volatile SigningService signing;
    private volatile SignatureVerifier verifier;
    private volatile WorkflowService workflow;

    @Activate
    public HealthResource(BundleContext context, @Reference Authenticator auth) {
        this.context = context;
        this.auth = auth;
    }

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        List<BundleState> ours = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("vn.hocba."))
                .map(b -> new BundleState(b.getSymbolicName(), b.getVersion().toString(), stateName(b.getState())))
                .toList();
        boolean allActive = ours.stream().allMatch(b -> b.state().equals("ACTIVE"));
        boolean core = store != null && workflow != null;
        return Views.json(new Health(allActive && core ? "UP" : "DEGRADED",
                context.getBundle().getVersion().toString(), ours, providers()));
    }

    Map<String, Object> providers() {
        Map<String, Object> p = new LinkedHashMap<>();
        StoreAdmin s = store;
        p.put("store", s == null ? null : Map.of("dialect", s.info().dialect(), "schemaVersion",
                s.info().schemaVersion()));
        p.put("workflow", workflow != null);
        RecordRenderer r = renderer;
        p.put("renderTemplates", r == null ? List.of() : new TreeSet<>(r.templateIds()));
        p.put("pades", pades != null);
        p.put("xades", xades != null);
        p.put("signingService", signing != null);
        p.put("signatureProviders", new TreeSet<>(signatureProviders.keySet()));
        p.put("verifier", verifier != null);
        p.put("signing", signingReadiness(pades, signing, verifier, signatureProviders.keySet()));
        String resolver = auth.config().callerResolver();
        p.put("callerResolver", Map.of("configured", resolver, "available", resolvers.containsKey(resolver)));
        return p;
    }

    /** A school's signer the routing knows nothing about: the provider it gets is the default one. */
    private static final SignerRef ANY_SIGNER = new SignerRef("-", "-");

    /**
     * Whether signing can run now, for a host that is UP before etc/ has reached every component: the PAdES engine,
     * the signing service and the verifier are there, and the provider the configuration routes schools to by default
     * is registered. Keys themselves are checked when a SIGN or SEAL job starts (503 until they are there).
     */
    static Map<String, Object> signingReadiness(PadesEngine pades, SigningService signing, SignatureVerifier verifier,
            java.util.Set<String> providers) {
        Map<String, Object> s = new LinkedHashMap<>();
        boolean engine = pades != null && signing != null;
        String defaultProvider = null;
        if (signing != null) {
            try {
                defaultProvider = signing.providerFor(ANY_SIGNER);
            } catch (SigningException | RuntimeException e) {
                defaultProvider = null; // routing not configured yet
            }
        }
        boolean available = defaultProvider != null && providers.contains(defaultProvider);
        boolean ready = engine && verifier != null && available;
        s.put("ready", ready);
        s.put("engine", engine);
        s.put("verifier", verifier != null);
        s.put("defaultProvider", defaultProvider);
        s.put("defaultProviderAvailable", available);
        String quoted = defaultProvider == null ? "" : "\"" + defaultProvider + "\" ";
        if (!engine) {
            s.put("messageVi", "Bộ máy ký số chưa sẵn sàng");
            s.put("messageEn", "The signing engine is not ready");
        } else if (verifier == null) {
            s.put("messageVi", "Chưa có dịch vụ xác thực chữ ký");
            s.put("messageEn", "The signature verifier is not there yet");
        } else if (!available) {
            s.put("messageVi", "Nhà cung cấp ký số mặc định " + quoted + "chưa sẵn sàng");
            s.put("messageEn", "The default signature provider " + quoted + "is not registered yet");
        }
        return s;
    }

    private static String stateName(int state) {
        return Map.of(Bundle.UNINSTALLED, "UNINSTALLED", Bundle.INSTALLED, "INSTALLED",
                Bundle.RESOLVED, "RESOLVED", Bundle.STARTING, "STARTING",
                Bundle.STOPPING, "STOPPING", Bundle.ACTIVE, "ACTIVE").getOrDefault(state, "UNKNOWN");
    }

    // --- what is in use, all optional and dynamic

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(SignatureProvider provider) {
        signatureProviders.put(provider.id(), provider);
    }

    void removeProvider(SignatureProvider provider) {
        signatureProviders.remove(provider.id(), provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResolver(CallerResolver resolver) {
        resolvers.put(resolver.id(), resolver);
    }

    void removeResolver(CallerResolver resolver) {
        resolvers.remove(resolver.id(), resolver);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setStore(StoreAdmin s) {
        store = s;
    }

    void unsetStore(StoreAdmin s) {
        if (store == s) store = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRenderer(RecordRenderer s) {
        renderer = s;
    }

    void unsetRenderer(RecordRenderer s) {
        if (renderer == s) renderer = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPades(PadesEngine s) {
        pades = s;
    }

    void unsetPades(PadesEngine s) {
        if (pades == s) pades = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setXades(XadesEngine s) {
        xades = s;
    }

    void unsetXades(XadesEngine s) {
        if (xades == s) xades = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSigning(SigningService s) {
        signing = s;
    }

    void unsetSigning(SigningService s) {
        if (signing == s) signing = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setVerifier(SignatureVerifier s) {
        verifier = s;
    }

    void unsetVerifier(SignatureVerifier s) {
        if (verifier == s) verifier = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setWorkflow(WorkflowService s) {
        workflow = s;
    }

    void unsetWorkflow(WorkflowService s) {
        if (workflow == s) workflow = null;
    }
}
