package vn.hocba.rest.internal;

import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import vn.hocba.security.Caller;

/**
 * Before any resource is matched: every request under {@code /hocba/api/v1} but health, the OpenAPI document and
 * verify must come from a known caller, or it is answered 401 (audited) — whether or not the path, method or media
 * type would have matched, so an anonymous caller learns nothing about the API beyond its public part.
 */
@Component(service = javax.ws.rs.container.ContainerRequestFilter.class)
@JaxrsExtension
@PreMatching
public class AuthenticationFilter implements ContainerRequestFilter {

    static final Set<String> PUBLIC = Set.of("health", "openapi.json", "verify");

    private final Authenticator auth;

    @Context
    HttpServletRequest request;

    @Activate
    public AuthenticationFilter(@Reference Authenticator auth) {
        this.auth = auth;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath().replaceAll("^/+", "");
        if (!path.startsWith(RestPaths.BASE)) return; // another application's resource
        String rest = path.substring(RestPaths.BASE.length()).replaceAll("^/+", "").replaceAll("/+$", "");
        if (PUBLIC.contains(rest)) return;
        try {
            Caller caller = auth.require(new ServletRequestView(request), schoolOf(rest));
            request.setAttribute(Authenticator.CALLER_ATTRIBUTE, caller);
        } catch (ApiException e) {
            context.abortWith(Problems.response(e, "/" + path));
        }
    }

    /** The school a path is about ({@code schools/{school}/…}), for the audit trail; null if none. */
    static String schoolOf(String rest) {
        String[] parts = rest.split("/");
        return parts.length > 1 && parts[0].equals("schools") ? parts[1] : null;
    }
}
