package vn.hocba.rest.internal;

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
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.WorkflowService;

/** One record: its data, its artefacts, and the steps taken on one record (correction, revocation, reopening). */
@Component(service = RecordResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class RecordResource {

    private final WorkflowService workflow;
    private final Authenticator auth;

    @Activate
    public RecordResource(@Reference WorkflowService workflow, @Reference Authenticator auth) {
        this.workflow = workflow;
        this.auth = auth;
    }

    @GET
    @Path("records/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("id") String id, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        return Views.json(view(caller, workflow.record(caller, id)));
    }

    private Map<String, Object> view(Caller caller, StoredRecord r) {
        return Views.record(r, workflow.versions(caller, r.record().recordId()));
    }

    @GET
    @Path("records/{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id, @Context HttpServletRequest request) {
        return artefact(id, ArtefactKind.PDF, "application/pdf", ".pdf", request);
    }

    @GET
    @Path("records/{id}/xml")
    @Produces(MediaType.APPLICATION_XML)
    public Response xml(@PathParam("id") String id, @Context HttpServletRequest request) {
        return artefact(id, ArtefactKind.XML, "application/xml", ".xml", request);
    }

    private Response artefact(String id, ArtefactKind kind, String type, String extension,
            HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        byte[] bytes = workflow.artefact(caller, id, kind).orElseThrow(() -> new ApiException(404, "NOT_RENDERED",
                "Học bạ " + id + " chưa có bản " + kind, "Record " + id + " has no " + kind + " yet"));
        String file = "hocba-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + extension;
        return Response.ok(bytes, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    @POST
    @Path("records/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response correct(@PathParam("id") String id, String body, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        String reason = Requests.string(Requests.body(body), "reason");
        StoredRecord draft = workflow.correct(caller, id, reason);
        return Views.json(201, view(caller, draft));
    }

    @POST
    @Path("records/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("id") String id, String body, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        String reason = Requests.string(Requests.body(body), "reason");
        return Views.json(view(caller, workflow.revoke(caller, id, reason)));
    }

    @POST
    @Path("records/{id}/reopening")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reopen(@PathParam("id") String id, String body, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        String reason = Requests.string(Requests.body(body), "reason");
        return Views.json(view(caller, workflow.reopen(caller, id, reason)));
    }
}
