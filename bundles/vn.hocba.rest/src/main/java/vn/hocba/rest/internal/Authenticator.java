package vn.hocba.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.security.Caller;
import vn.hocba.security.CallerResolver;
import vn.hocba.security.RequestView;
import vn.hocba.security.Resolution;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.AuditTrail;
import vn.hocba.store.SchoolScope;

/**
 * Who is calling: asks the configured {@link CallerResolver} (chosen by id, PID {@value #PID}), answers 401 with the
 * reason and the challenge otherwise, and writes every refusal into the audit trail of the school the request was
 * about (the host's log when it names none).
 */
@Component(service = Authenticator.class, configurationPid = Authenticator.PID)
@Designate(ocd = RestConfig.class)
public class Authenticator {

    static final String PID = "vn.hocba.rest";
    /** The request attribute where the authentication filter leaves the caller for the resource. */
    static final String CALLER_ATTRIBUTE = "vn.hocba.caller";
    private static final Logger LOG = Logger.getLogger("vn.hocba.audit");

    private final Map<String, CallerResolver> resolvers = new ConcurrentHashMap<>();
    private volatile AuditTrail audit;
    private volatile RestConfig config;

    @Activate
    public Authenticator(RestConfig config) {
        this.config = config;
    }

    @Modified
    void modified(RestConfig newConfig) {
        this.config = newConfig;
    }

    RestConfig config() {
        return config;
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
    void setAudit(AuditTrail trail) {
        audit = trail;
    }

    void unsetAudit(AuditTrail trail) {
        if (audit == trail) audit = null;
    }

    /** The caller the filter found for this request, or resolves it now (or answers 401). */
    Caller require(javax.servlet.http.HttpServletRequest request, String schoolCode) {
        Object known = request.getAttribute(CALLER_ATTRIBUTE);
        if (known instanceof Caller c) return c;
        return require(new ServletRequestView(request), schoolCode);
    }

    /** The caller of the request, or a 401 problem (audited against {@code schoolCode} when known). */
    Caller require(RequestView request, String schoolCode) {
        CallerResolver resolver = resolvers.get(config.callerResolver());
        if (resolver == null) {
            throw new ApiException(503, "UNAVAILABLE", "Chưa có dịch vụ xác thực người dùng \""
                    + config.callerResolver() + "\"", "The caller resolver \"" + config.callerResolver()
                            + "\" is not available");
        }
        Resolution r = resolver.resolve(request);
        if (r instanceof Resolution.Authenticated a) return a.caller();
        String vi;
        String en;
        String actor;
        if (r instanceof Resolution.Refused refused) {
            vi = refused.messageVi();
            en = refused.messageEn();
            actor = "anonymous (bad credentials)";
        } else {
            vi = "Cần đăng nhập để dùng chức năng này";
            en = "Authentication is required";
            actor = "anonymous";
        }
        refused(actor + " from " + request.remoteAddress(), schoolCode,
                request.method() + " " + request.path(), "401 " + en);
        throw new ApiException(401, "UNAUTHENTICATED", vi, en, resolver.challenge());
    }

    /** Writes a refused request into the school's audit trail, or the audit log when there is no school. */
    void refused(String actor, String schoolCode, String what, String reason) {
        AuditTrail trail = audit;
        if (trail != null && schoolCode != null && !schoolCode.isBlank()) {
            try {
                trail.append(SchoolScope.of(schoolCode), new AuditEvent(actor, "access.refused", what, "", "", reason));
                return;
            } catch (RuntimeException e) {
                // an unknown school has no trail: fall through to the log
            }
        }
        LOG.info(() -> "access.refused " + actor + " " + what + ": " + reason);
    }
}
