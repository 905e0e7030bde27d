package vn.hocba.rest.internal;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

/** Servlet requests for the tests: a method, a path, a client address and headers. */
final class Http {

    private Http() {
    }

    static HttpServletRequest request(String method, String path, String remote, Map<String, String> headers) {
        Map<String, Object> attributes = new java.util.HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(Http.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getHeader" -> headers.entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase((String) args[0])).map(Map.Entry::getValue)
                            .findFirst().orElse(null);
                    case "getMethod" -> method;
                    case "getRequestURI" -> path;
                    case "getRemoteAddr" -> remote;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "toString" -> method + " " + path;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static HttpServletRequest as(String user, String password) {
        return request("GET", "/hocba/api/v1/x", "10.0.0.1", Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    static HttpServletRequest anonymous() {
        return request("GET", "/hocba/api/v1/x", "10.0.0.2", Map.of());
    }
}
