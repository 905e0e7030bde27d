package vn.hocba.rest.internal;

import java.util.List;
import java.util.Map;

/** Reading request bodies and parameters, with 400 answers that say what is wrong. */
final class Requests {

    private Requests() {
    }

    static Map<String, Object> body(String text) {
        try {
            return Json.object(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Nội dung gửi lên không phải JSON hợp lệ: " + e.getMessage(),
                    "The body is not valid JSON: " + e.getMessage());
        }
    }

    static String string(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null) return "";
        if (!(v instanceof String s)) {
            throw ApiException.badRequest("Trường \"" + name + "\" phải là chuỗi", "\"" + name + "\" must be a string");
        }
        return s;
    }

    static List<String> strings(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null) return List.of();
        if (!(v instanceof List<?> l) || l.stream().anyMatch(o -> !(o instanceof String))) {
            throw ApiException.badRequest("Trường \"" + name + "\" phải là danh sách chuỗi",
                    "\"" + name + "\" must be a list of strings");
        }
        return l.stream().map(String.class::cast).toList();
    }

    static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Thiếu \"" + name + "\"", "\"" + name + "\" is required");
        }
        return value.strip();
    }
}
