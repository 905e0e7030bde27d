package vn.hocba.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

import vn.hocba.export.ExportException;
import vn.hocba.export.TransferRefusedException;
import vn.hocba.export.TransferResult;
import vn.hocba.export.TransferService;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearRecord;
import vn.hocba.security.Caller;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredPupil;
import vn.hocba.workflow.WorkflowService;

/**
 * Transfers between schools (liên thông): verify a package ZIP, a record's XML or PDF from another school (nothing
 * stored), import it at a school (every signature and hash verified; refused with every reason, nothing stored), and
 * a record's study history as it continues from the years transferred in.
 */
@Component(service = TransferResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class TransferResource {

    /** The largest package read (a class of 40 records is about 3 MB). */
    static final int MAX_PACKAGE = 64 << 20;

    private final TransferService transfers;
    private final WorkflowService workflow;
    private final PupilRepository pupils;
    private final Authenticator auth;
    private final ExportAccess access;

    @Activate
    public TransferResource(@Reference TransferService transfers, @Reference WorkflowService workflow,
            @Reference SchoolRepository schools, @Reference PupilRepository pupils, @Reference Authenticator auth) {
        this.transfers = transfers;
        this.pupils = pupils;
        this.workflow = workflow;
        this.auth = auth;
        this.access = new ExportAccess(auth, schools);
    }

    @POST
    @Path("transfers/verify")
    @Consumes({ "application/zip", "application/pdf", MediaType.APPLICATION_XML, "text/xml",
            MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify(InputStream body, @Context HttpServletRequest request) throws IOException {
        Caller caller = auth.require(request, null);
        if (!ExportAccess.managesAnySchool(caller)) {
            throw access.refuse(caller, null, "POST transfers/verify", "Chỉ cán bộ quản trị, Hiệu trưởng hoặc Phó hiệu"
                    + " trưởng được kiểm tra hồ sơ chuyển trường", "Only a school's administrator, principal or"
                            + " deputy may verify a transfer");
        }
        return Views.json(ExportViews.report(transfers.verify(document(body))));
    }

    @POST
    @Path("schools/{school}/transfers")
    @Consumes({ "application/zip", "application/pdf", MediaType.APPLICATION_XML, "text/xml",
            MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    public Response importTransfer(@PathParam("school") String school, @QueryParam("pupilCode") String pupilCode,
            InputStream body, @Context HttpServletRequest request) throws IOException {
        Caller caller = auth.require(request, school);
        access.manage(caller, school, "POST transfers");
        byte[] content = document(body);
        TransferResult result;
        try {
            result = transfers.importTransfer(SchoolScope.of(school), content, pupilCode, caller.userId());
        } catch (TransferRefusedException e) {
            return refused(e, request.getRequestURI());
        } catch (ExportException e) {
            throw new ApiException(422, "TRANSFER_FAILED", e.messageVi(), String.valueOf(e.getMessage()));
        }
        return Views.json(201, ExportViews.result(school, result));
    }

    /** 422 problem document listing every reason, in Vietnamese and English, with the whole report. */
    static Response refused(TransferRefusedException e, String instance) {
        String problem = Problems.json(422, "TRANSFER_REFUSED", e.messageVi(), String.valueOf(e.getMessage()),
                instance);
        String document = problem.substring(0, problem.lastIndexOf('}')) + ",\"problems\":"
                + Json.write(ExportViews.problems(e.report().problems())) + ",\"report\":"
                + Json.write(ExportViews.report(e.report())) + "}";
        return Response.status(422).type(Problems.MEDIA_TYPE + ";charset=UTF-8").entity(document).build();
    }

    /**
     * The record's study history as it continues at its school: the years transferred in for its pupil (as their
     * issuing schools signed them) followed by the record's own rows; the record's row wins for a year both name.
     */
    @GET
    @Path("records/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@PathParam("id") String id, @Context HttpServletRequest request) {
        Caller caller = auth.require(request, null);
        YearRecord record = workflow.record(caller, id).record();
        SchoolScope scope = SchoolScope.of(record.school().code());
        String pupil = record.pupil().pupilCode();
        Map<Integer, StudyHistoryEntry> byYear = new TreeMap<>();
        List<StudyHistoryEntry> transferred = transfers.transferredHistory(scope, pupil);
        transferred.forEach(h -> byYear.put(h.year().startYear(), h));
        record.history().forEach(h -> byYear.put(h.year().startYear(), h));
        Set<Integer> own = new java.util.HashSet<>();
        record.history().forEach(h -> own.add(h.year().startYear()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StudyHistoryEntry h : byYear.values()) {
            Map<String, Object> row = new LinkedHashMap<>(ExportViews.history(List.of(h)).get(0));
            row.put("source", own.contains(h.year().startYear()) ? "record" : "transfer");
            rows.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", record.recordId());
        m.put("version", record.version());
        m.put("school", record.school().code());
        m.put("pupilCode", pupil);
        m.put("transferredRecords", transfers.transferredRecords(scope, pupil).stream()
                .map(r -> r.recordId() + "/v" + r.version()).toList());
        m.put("history", rows);
        return Views.json(m);
    }

    /** What a school holds of a pupil by transfer: the pupil as stored, the records kept read-only, the history. */
    @GET
    @Path("schools/{school}/pupils/{pupil}/transfers")
    @Produces(MediaType.APPLICATION_JSON)
    public Response pupilTransfers(@PathParam("school") String school, @PathParam("pupil") String pupil,
            @Context HttpServletRequest request) {
        Caller caller = auth.require(request, school);
        access.manage(caller, school, "GET pupils/transfers");
        SchoolScope scope = SchoolScope.of(school);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("school", school);
        m.put("pupilCode", pupil);
        m.put("pupil", pupils.pupil(scope, pupil).map(StoredPupil::identity).orElse(null));
        m.put("records", transfers.transferredRecords(scope, pupil).stream().map(r -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("key", r.recordId() + "/v" + r.version());
            one.put("schoolCode", r.school().code());
            one.put("schoolName", r.school().name());
            one.put("year", r.year().toString());
            one.put("grade", r.schoolClass().grade());
            one.put("className", r.schoolClass().name());
            one.put("state", r.state());
            return one;
        }).toList());
        m.put("history", ExportViews.history(transfers.transferredHistory(scope, pupil)));
        return Views.json(m);
    }

    private static byte[] document(InputStream body) throws IOException {
        byte[] content = VerifyResource.read(body, MAX_PACKAGE);
        if (content.length == 0) {
            throw ApiException.badRequest("Cần gửi gói hồ sơ (ZIP), tệp XML hoặc PDF của học bạ",
                    "Send the package (ZIP), the record's XML or its PDF as the body");
        }
        return content;
    }
}
