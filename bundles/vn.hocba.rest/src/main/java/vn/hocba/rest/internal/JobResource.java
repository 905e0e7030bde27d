package vn.hocba.rest.internal;

import java.net.URI;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import vn.hocba.security.Caller;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobView;
import vn.hocba.workflow.WorkflowService;

/** Jobs: lock, render, sign, seal or issue a class, a school or a selection, with progress. */
@Component(service = JobResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class JobResource {

    private final WorkflowService workflow;
    private final Authenticator auth;

    @Activate
    public JobResource(@Reference WorkflowService workflow, @Reference Authenticator auth) {
        this.workflow = workflow;
        this.auth = auth;
    }

    /**
     * Starts a job. Body: {@code {"kind":"SIGN","school":"…","year":"2024-2025","className":"3A"}} or with
     * {@code "recordIds":[…]}; optional {@code signAs}, {@code credentialId}, {@code pin} or {@code otp} (never stored).
     */
    @POST
    @Path("jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(String body, @Context HttpServletRequest request) {
        Map<String, Object> b = Requests.body(body);
        String school = Requests.string(b, "school");
        Caller caller = auth.require(request, school);
        JobKind kind;
        try {
            kind = JobKind.valueOf(Requests.required(Requests.string(b, "kind"), "kind").toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("\"kind\" là một trong LOCK, RENDER, SIGN, SEAL, ISSUE",
                    "\"kind\" is one of LOCK, RENDER, SIGN, SEAL, ISSUE");
        }
        String pin = Requests.string(b, "pin");
        String otp = Requests.string(b, "otp");
        Authorisation authorisation = !pin.isEmpty() ? Authorisation.pin(pin.toCharArray())
                : !otp.isEmpty() ? Authorisation.otp(otp) : Authorisation.none();
        JobView job = workflow.submit(caller, new JobRequest(kind, Requests.required(school, "school"),
                Requests.required(Requests.string(b, "year"), "year"), Requests.string(b, "className"),
                Requests.strings(b, "recordIds"), Requests.string(b, "signAs"), Requests.string(b, "credentialId"),
                authorisation));
        return Response.status(202).type(Views.JSON).location(URI.create("/" + RestPaths.BASE + "/jobs/" + job.id()))
                .entity(Json.write(Views.job(job))).build();
    }

    @GET
    @Path("jobs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response job(@PathParam("id") String id, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        return Views.json(Views.job(workflow.job(caller, id)));
    }

    @POST
    @Path("jobs/{id}/cancellation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") String id, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        return Views.json(Views.job(workflow.cancel(caller, id)));
    }
}
