package vn.hocba.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import vn.hocba.security.Caller;
import vn.hocba.workflow.WorkflowService;

/** What a district office watches: per school, pupils, records by state and the share issued. */
@Component(service = DistrictResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class DistrictResource {

    private final WorkflowService workflow;
    private final Authenticator auth;

    @Activate
    public DistrictResource(@Reference WorkflowService workflow, @Reference Authenticator auth) {
        this.workflow = workflow;
        this.auth = auth;
    }

    @GET
    @Path("districts/{district}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Response progress(@PathParam("district") String district, @QueryParam("year") String year,
            @Context HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("district", district);
        m.put("year", Requests.required(year, "year"));
        m.put("schools", workflow.progress(caller, district, year));
        return Views.json(m);
    }
}
