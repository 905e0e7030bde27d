package vn.hocba.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import vn.hocba.export.ExportException;
import vn.hocba.workflow.WorkflowException;

/**
 * RFC 9457 (7807) problem documents: {@code type}, {@code title}, {@code status}, {@code detail} (English), plus
 * {@code code}, {@code messageVi} and {@code messageEn}, so both languages travel with every error.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Response response(Throwable t, String instance) {
        int status;
        String code;
        String vi;
        String en;
        String challenge = null;
        if (t instanceof ApiException a) {
            status = a.status;
            code = a.code;
            vi = a.messageVi;
            en = a.getMessage();
            challenge = a.challenge;
        } else if (t instanceof WorkflowException w) {
            status = w.code().httpStatus();
            code = w.code().name();
            vi = w.messageVi();
            en = w.getMessage();
        } else if (t instanceof ExportException x) {
            status = 422;
            code = "EXPORT_FAILED";
            vi = x.messageVi();
            en = String.valueOf(x.getMessage());
        } else if (t instanceof WebApplicationException w) {
            status = w.getResponse().getStatus();
            code = "HTTP_" + status;
            en = status == 404 ? "No such resource" : status == 405 ? "Method not allowed"
                    : status == 415 ? "Unsupported media type" : status == 406 ? "Not acceptable"
                    : String.valueOf(w.getMessage());
            vi = status == 404 ? "Không có tài nguyên này" : status == 405 ? "Phương thức không được phép"
                    : status == 415 ? "Kiểu dữ liệu gửi lên không được hỗ trợ"
                    : status == 406 ? "Không có dạng trả lời phù hợp" : "Yêu cầu không hợp lệ";
        } else {
            status = 500;
            code = "FAILED";
            vi = "Lỗi hệ thống, xin thử lại sau";
            en = "Internal error, please try again later";
        }
        Response.ResponseBuilder b = Response.status(status).type(MEDIA_TYPE + ";charset=UTF-8")
                .entity(json(status, code, vi, en, instance));
        if (challenge != null) b.header("WWW-Authenticate", challenge);
        if (status == 429) b.header("Retry-After", "60");
        return b.build();
    }

    /** The status's reason phrase; JAX-RS 2.1 lacks 422 and 429 among others. */
    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) return known.getReasonPhrase();
        return switch (status) {
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }

    static String json(int status, String code, String vi, String en, String instance) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "https://hocba.vn/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        p.put("title", title(status));
        p.put("status", status);
        p.put("detail", en);
        p.put("code", code);
        p.put("messageVi", vi);
        p.put("messageEn", en);
        if (instance != null) p.put("instance", instance);
        return Json.write(p);
    }
}
