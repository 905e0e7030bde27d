package vn.hocba.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
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

import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportRequest;
import vn.hocba.assessment.ImportService;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.security.Caller;
import vn.hocba.security.Role;

/**
 * {@code POST /hocba/api/v1/schools/{school}/imports}: a class results file (.csv or .xlsx, hocba-csv v1 or a vendor
 * layout) as the body or as the file part of a multipart form; answers the import report as JSON (200 stored,
 * unchanged or partly stored), or a problem document carrying it as {@code report} (422 rejected, 413 too large).
 * {@code ?profile=} chooses a layout profile,
 * {@code ?dryRun=true} checks without writing, {@code ?filename=} names a raw body.
 */
@Component(service = ImportResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class ImportResource {
    /** The most a multipart body is read before the file part is taken out (the import applies its own limit). */
    private static final int MAX_MULTIPART = 64 << 20;

    private final ImportService imports;
    private final Authenticator auth;

    @Activate
    public ImportResource(@Reference ImportService imports, @Reference Authenticator auth) {
        this.imports = imports;
        this.auth = auth;
    }

    @POST
    @Path("schools/{school}/imports")
    @Consumes({ "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_OCTET_STREAM, MediaType.MULTIPART_FORM_DATA })
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(@PathParam("school") String school, @QueryParam("profile") String profile,
            @QueryParam("dryRun") boolean dryRun, @QueryParam("filename") String fileName,
            @HeaderParam("Content-Type") String contentType, InputStream body, @Context HttpServletRequest request)
            throws IOException {
        Caller caller = auth.require(new ServletRequestView(request), school);
        if (!caller.isOperator() && !caller.leads(school) && !caller.has(Role.SCHOOL_ADMIN, school)) {
            auth.refused(caller.userId(), school, "POST imports", "403 not the school's admin or principal");
            throw new ApiException(403, "FORBIDDEN", "Chỉ cán bộ quản trị hoặc hiệu trưởng của trường được nhập dữ liệu",
                    "Only the school's administrator or principal may import");
        }
        String name = fileName == null ? "" : fileName;
        InputStream content = body;
        String type = contentType == null ? "" : contentType;
        if (type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA)) {
            FilePart part = FilePart.of(type, VerifyResource.read(body, MAX_MULTIPART));
            if (name.isEmpty()) name = part.fileName();
            content = new ByteArrayInputStream(part.content());
            type = part.contentType();
        }
        ImportReport report = imports.importFile(new ImportRequest(school, name, type, profile, caller.userId(),
                dryRun), content);
        if (report.status() != ImportStatus.REJECTED) {
            return Response.ok(report.toJson(), Views.JSON).build();
        }
        // rejected: a problem document (RFC 9457) that carries the whole report as its "report" member
        boolean tooLarge = report.problems().stream().anyMatch(p -> p.code().equals("FILE_TOO_LARGE"));
        int status = tooLarge ? 413 : 422;
        String problem = Problems.json(status, tooLarge ? "FILE_TOO_LARGE" : "IMPORT_REJECTED",
                "Không lưu gì: tệp có " + report.errorCount() + " lỗi (xem \"report\")",
                "Nothing was stored: the file has " + report.errorCount() + " errors (see \"report\")",
                request.getRequestURI());
        String document = problem.substring(0, problem.lastIndexOf('}')) + ",\"report\":" + report.toJson() + "}";
        return Response.status(status).type(Problems.MEDIA_TYPE + ";charset=UTF-8").entity(document).build();
    }

    /** The first part of a multipart/form-data body that carries a file (or the part named "file"). */
    record FilePart(String fileName, String contentType, byte[] content) {
        static FilePart of(String contentType, byte[] body) {
            String boundary = null;
            for (String p : contentType.split(";")) {
                String t = p.strip();
                if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) boundary = t.substring(9).replace("\"", "");
            }
            if (boundary == null) {
                throw ApiException.badRequest("Thiếu boundary của multipart", "The multipart boundary is missing");
            }
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int at = indexOf(body, delimiter, 0);
            while (at >= 0) {
                int headersStart = at + delimiter.length + 2; // CRLF after the delimiter
                int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
                if (headersEnd < 0) break;
                String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
                int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
                if (next < 0) break;
                String disposition = header(headers, "content-disposition");
                String file = parameter(disposition, "filename");
                if (file != null || "file".equals(parameter(disposition, "name"))) {
                    byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
                    String type = header(headers, "content-type");
                    return new FilePart(file == null ? "" : file, type == null ? "" : type, content);
                }
                at = next + 2;
            }
            throw ApiException.badRequest("Biểu mẫu không có tệp nào (trường \"file\")",
                    "The form holds no file (field \"file\")");
        }

        private static String header(String headers, String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        private static String parameter(String header, String name) {
            if (header == null) return null;
            for (String p : header.split(";")) {
                String t = p.strip();
                if (t.toLowerCase(Locale.ROOT).startsWith(name + "=")) return t.substring(name.length() + 1).replace("\"", "");
            }
            return null;
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            outer:
            for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
                return i;
            }
            return -1;
        }
    }
}
