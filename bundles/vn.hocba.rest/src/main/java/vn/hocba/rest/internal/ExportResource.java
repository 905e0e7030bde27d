package vn.hocba.rest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

import vn.hocba.export.ExportPackage;
import vn.hocba.export.ExportService;
import vn.hocba.model.SchoolYear;
import vn.hocba.security.Caller;
import vn.hocba.store.ExportState;
import vn.hocba.store.RecordRef;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;
import vn.hocba.workflow.WorkflowService;

/**
 * The national export's outbox of a school: the state of every issued version's delivery, queuing a school year's
 * issued versions, a delivery cycle now, and queuing again what a receiver refused. For the school's administrator, principal or deputy; a district viewer may
 * read the states.
 */
@Component(service = ExportResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class ExportResource {

    private final ExportService export;
    private final WorkflowService workflow;
    private final Authenticator auth;
    private final ExportAccess access;

    @Activate
    public ExportResource(@Reference ExportService export, @Reference WorkflowService workflow,
            @Reference SchoolRepository schools, @Reference Authenticator auth) {
        this.export = export;
        this.workflow = workflow;
        this.auth = auth;
        this.access = new ExportAccess(auth, schools);
    }

    @GET
    @Path("schools/{school}/exports")
    @Produces(MediaType.APPLICATION_JSON)
    public Response exports(@PathParam("school") String school, @QueryParam("status") String status,
            @Context HttpServletRequest request) {
        Caller caller = auth.require(request, school);
        access.read(caller, school, "GET exports");
        List<TaskStatus> wanted = status == null || status.isBlank() ? List.of(TaskStatus.values())
                : List.of(status(status));
        SchoolScope scope = SchoolScope.of(school);
        List<Map<String, Object>> out = new ArrayList<>();
        for (TaskStatus s : wanted) {
            for (ExportState e : export.statusOfSchool(scope, s)) out.add(ExportViews.export(e));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("school", school);
        m.put("destination", export.destinationFor(school));
        m.put("exports", out);
        return Views.json(m);
    }

    private static TaskStatus status(String text) {
        try {
            return TaskStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Trạng thái gửi không hợp lệ: " + text
                    + " (PENDING, IN_PROGRESS, DONE, FAILED)", "Unknown export status: " + text
                            + " (PENDING, IN_PROGRESS, DONE, FAILED)");
        }
    }

    @GET
    @Path("records/{id}/exports")
    @Produces(MediaType.APPLICATION_JSON)
    public Response recordExports(@PathParam("id") String id, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        List<StoredRecord> versions = workflow.versions(caller, id);
        String school = versions.isEmpty() ? "" : versions.get(0).record().school().code();
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredRecord v : versions) {
            for (ExportState e : export.status(SchoolScope.of(school), v.ref())) out.add(ExportViews.export(e));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("school", school);
        m.put("exports", out);
        return Views.json(m);
    }

    @POST
    @Path("schools/{school}/exports/enqueue")
    @Produces(MediaType.APPLICATION_JSON)
    public Response enqueue(@PathParam("school") String school, @QueryParam("year") String year,
            @Context HttpServletRequest request) {
        Caller caller = auth.require(request, school);
        access.manage(caller, school, "POST exports/enqueue");
        SchoolYear schoolYear;
        try {
            schoolYear = SchoolYear.parse(Requests.required(year, "year"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Năm học không hợp lệ: " + year + " (ví dụ 2024-2025)",
                    "Not a school year: " + year + " (e.g. 2024-2025)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("school", school);
        m.put("year", schoolYear.toString());
        m.put("destination", export.destinationFor(school));
        m.put("queued", export.enqueueIssued(SchoolScope.of(school), schoolYear));
        return Views.json(m);
    }

    @POST
    @Path("schools/{school}/exports/deliver")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deliver(@PathParam("school") String school, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, school);
        access.manage(caller, school, "POST exports/deliver");
        return Views.json(ExportViews.delivery(school, export.destinationFor(school),
                export.deliverPending(SchoolScope.of(school))));
    }

    /**
     * A sealed package of the current issued version of each record, built now and answered as the ZIP (not queued,
     * not delivered): what a school hands to the school a pupil moves to, or a manual export.
     */
    @POST
    @Path("schools/{school}/exports/packages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/zip")
    public Response buildPackage(@PathParam("school") String school, String body,
            @Context HttpServletRequest request) throws IOException {
        Caller caller = auth.require(request, school);
        access.manage(caller, school, "POST exports/packages");
        List<String> ids = Requests.strings(Requests.body(body == null || body.isBlank() ? "{}" : body), "recordIds");
        if (ids.isEmpty()) {
            throw ApiException.badRequest("Cần gửi \"recordIds\": các học bạ đưa vào gói",
                    "Send \"recordIds\": the records to pack");
        }
        List<RecordRef> refs = new ArrayList<>();
        for (String id : ids) {
            StoredRecord issued = null;
            for (StoredRecord v : workflow.versions(caller, id)) {
                if (!v.record().school().code().equals(school)) {
                    throw new ApiException(404, "NOT_FOUND", "Trường " + school + " không có học bạ " + id,
                            "School " + school + " has no record " + id);
                }
                if (v.state().isIssued()) issued = v;
            }
            if (issued == null) {
                throw new ApiException(409, "NOT_ISSUED", "Học bạ " + id + " chưa có phiên bản đã phát hành",
                        "Record " + id + " has no issued version");
            }
            refs.add(issued.ref());
        }
        java.nio.file.Path dir = Files.createTempDirectory("hocba-package-");
        try {
            ExportPackage pkg = export.buildPackage(SchoolScope.of(school), refs, dir);
            return Response.ok(Files.readAllBytes(pkg.file()), "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"" + pkg.fileName() + "\"")
                    .header("X-Hocba-Package-Id", pkg.packageId())
                    .header("X-Hocba-Package-Sha256", pkg.sha256()).build();
        } finally {
            try (var files = Files.walk(dir)) {
                for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @POST
    @Path("schools/{school}/exports/requeue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response requeue(@PathParam("school") String school, String body, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, school);
        access.manage(caller, school, "POST exports/requeue");
        Map<String, Object> b = Requests.body(body == null || body.isBlank() ? "{}" : body);
        List<String> ids = Requests.strings(b, "recordIds");
        boolean all = Boolean.TRUE.equals(b.get("allFailed"));
        if (ids.isEmpty() == !all) {
            throw ApiException.badRequest("Cần gửi \"recordIds\" (các học bạ) hoặc \"allFailed\": true (mọi học bạ"
                    + " bị từ chối), không cả hai", "Send either \"recordIds\" or \"allFailed\": true, not both");
        }
        SchoolScope scope = SchoolScope.of(school);
        int requeued;
        if (all) {
            requeued = export.requeueFailed(scope);
        } else {
            List<RecordRef> refs = new ArrayList<>();
            for (String id : ids) {
                for (StoredRecord v : workflow.versions(caller, id)) {
                    if (!v.record().school().code().equals(school)) {
                        throw new ApiException(404, "NOT_FOUND", "Trường " + school + " không có học bạ " + id,
                                "School " + school + " has no record " + id);
                    }
                    refs.add(v.ref());
                }
            }
            requeued = export.requeue(scope, refs);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("school", school);
        m.put("destination", export.destinationFor(school));
        m.put("requeued", requeued);
        return Views.json(m);
    }
}
