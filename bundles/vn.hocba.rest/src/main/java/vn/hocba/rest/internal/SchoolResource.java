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

import vn.hocba.model.RecordState;
import vn.hocba.security.Caller;
import vn.hocba.workflow.WorkflowService;

/** A school's classes, a class's records and the school's jobs. */
@Component(service = SchoolResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class SchoolResource {

    private final WorkflowService workflow;
    private final Authenticator auth;

    @Activate
    public SchoolResource(@Reference WorkflowService workflow, @Reference Authenticator auth) {
        this.workflow = workflow;
        this.auth = auth;
    }

    @GET
    @Path("schools/{school}/classes")
    @Produces(MediaType.APPLICATION_JSON)
    public Response classes(@PathParam("school") String school, @QueryParam("year") String year,
            @Context HttpServletRequest request) {
        Caller caller = auth.require(request, school);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("school", school);
        m.put("year", Requests.required(year, "year"));
        m.put("classes", workflow.classes(caller, school, year));
        return Views.json(m);
    }

    @GET
    @Path("schools/{school}/classes/{class}/records")
    @Produces(MediaType.APPLICATION_JSON)
    public Response records(@PathParam("school") String school, @PathParam("class") String className,
            @QueryParam("year") String year, @QueryParam("state") String state, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, school);
        RecordState filter = null;
        if (state != null && !state.isBlank()) {
            try {
                filter = RecordState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Trạng thái không hợp lệ: " + state, "Unknown state: " + state);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("school", school);
        m.put("year", Requests.required(year, "year"));
        m.put("className", className);
        m.put("records", workflow.records(caller, school, year, className, filter));
        return Views.json(m);
    }

    @GET
    @Path("schools/{school}/jobs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jobs(@PathParam("school") String school, @QueryParam("limit") Integer limit,
            @Context HttpServletRequest request) {
        Caller caller = auth.require(request, school);
        return Views.json(Map.of("school", school, "jobs", workflow.jobs(caller, school, limit == null ? 20 : limit)
                .stream().map(Views::job).toList()));
    }
}
