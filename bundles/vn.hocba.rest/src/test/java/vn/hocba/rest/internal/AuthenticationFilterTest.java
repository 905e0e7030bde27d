package vn.hocba.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

/** Anonymous calls get 401 before any resource matching, except health, the OpenAPI document and verify. */
class AuthenticationFilterTest {

    final TestRest.Audit audit = new TestRest.Audit();
    final AuthenticationFilter filter = new AuthenticationFilter(TestRest.authenticator(audit, 3, 1000));

    /** Runs the filter on a path; answers the response it aborted with, or null. */
    Response filter(String path, HttpServletRequest request) {
        List<Response> aborted = new ArrayList<>();
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { UriInfo.class },
                (p, m, a) -> m.getName().equals("getPath") ? path : null);
        ContainerRequestContext ctx = (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ContainerRequestContext.class }, (p, m, a) -> switch (m.getName()) {
                    case "getUriInfo" -> uri;
                    case "abortWith" -> aborted.add((Response) a[0]);
                    default -> null;
                });
        filter.request = request;
        filter.filter(ctx);
        return aborted.isEmpty() ? null : aborted.get(0);
    }

    @Test
    void everythingButTheOpenPartNeedsACaller() {
        for (String open : List.of("hocba/api/v1/health", "hocba/api/v1/openapi.json", "hocba/api/v1/verify",
                "/hocba/api/v1/verify/", "other/app/thing")) {
            assertNull(filter(open, Http.anonymous()), open);
        }
        for (String closed : List.of("hocba/api/v1/jobs", "hocba/api/v1/records/R1/pdf", "hocba/api/v1/no/such/path",
                "hocba/api/v1/schools/S1/classes", "hocba/api/v1/")) {
            Response r = filter(closed, Http.anonymous());
            assertEquals(401, r.getStatus(), closed);
            assertEquals("application/problem+json;charset=UTF-8", r.getMediaType().toString());
        }
        assertEquals(1, audit.events.size(), "the refusal naming school S1 is in its audit trail");
        assertEquals("GET /hocba/api/v1/x", audit.events.get(0).target());
    }

    @Test
    void theCallerFoundIsHandedToTheResource() {
        HttpServletRequest request = Http.as("gv3a", "pw");
        assertNull(filter("hocba/api/v1/jobs", request));
        assertSame(TestRest.GV3A, request.getAttribute(Authenticator.CALLER_ATTRIBUTE));
        assertEquals("S1", AuthenticationFilter.schoolOf("schools/S1/classes"));
        assertNull(AuthenticationFilter.schoolOf("records/R1"));
    }
}
