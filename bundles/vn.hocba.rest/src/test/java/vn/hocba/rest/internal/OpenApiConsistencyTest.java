package vn.hocba.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.ws.rs.Consumes;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;

import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document says exactly what the resources do: every operation of the document is a resource method
 * (found by reflection over every {@code @Path} class of the bundle) and every resource method is in the document,
 * with the same path and query parameters, a request body exactly where the method reads one, and the media types of
 * {@code @Produces}/{@code @Consumes}.
 */
class OpenApiConsistencyTest {

    record Operation(String method, String path) implements Comparable<Operation> {
        @Override
        public int compareTo(Operation o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Map<String, Object> document() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertNotNull(in, "openapi.json is in the bundle next to its resource");
            return Json.object(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Every class of the REST bundle carrying {@code @Path}. */
    static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("vn/hocba/rest/internal");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) continue;
                Class<?> c = Class.forName("vn.hocba.rest.internal." + name.substring(0, name.length() - 6));
                if (c.isAnnotationPresent(javax.ws.rs.Path.class)) out.add(c);
            }
        }
        return out;
    }

    static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) return hm.value().toLowerCase();
        }
        return null;
    }

    static String fullPath(Class<?> c, Method m) {
        String base = c.getAnnotation(javax.ws.rs.Path.class).value();
        assertEquals(RestPaths.BASE, base, c + " lives under the API base");
        javax.ws.rs.Path p = m.getAnnotation(javax.ws.rs.Path.class);
        String sub = p == null ? "" : p.value();
        return ("/" + sub).replaceAll("/+", "/").replaceAll("/$", "");
    }

    static Map<Operation, Method> resourceMethods() throws Exception {
        Map<Operation, Method> out = new TreeMap<>();
        for (Class<?> c : resourceClasses()) {
            for (Method m : c.getMethods()) {
                String http = httpMethod(m);
                if (http == null) continue;
                Method previous = out.put(new Operation(http, fullPath(c, m)), m);
                assertEquals(null, previous, "one method per operation: " + http + " " + fullPath(c, m));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    static Map<Operation, Map<String, Object>> documentedOperations(Map<String, Object> doc) {
        Map<Operation, Map<String, Object>> out = new TreeMap<>();
        map(doc.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> out.put(
                new Operation(method, path), map(op))));
        return out;
    }

    @Test
    void theDocumentAndTheResourcesHaveTheSameOperations() throws Exception {
        Set<Operation> code = resourceMethods().keySet();
        Set<Operation> documented = documentedOperations(document()).keySet();
        Set<Operation> undocumented = new TreeSet<>(code);
        undocumented.removeAll(documented);
        Set<Operation> missing = new TreeSet<>(documented);
        missing.removeAll(code);
        assertEquals(Set.of(), undocumented, "resource methods missing from openapi.json");
        assertEquals(Set.of(), missing, "operations of openapi.json with no resource method");
        assertTrue(code.contains(new Operation("post", "/verify")));
        assertTrue(code.size() >= 16, "the API of the issue: " + code);
    }

    @Test
    void parametersBodiesAndMediaTypesMatch() throws Exception {
        Map<String, Object> doc = document();
        Map<Operation, Map<String, Object>> ops = documentedOperations(doc);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Operation, Method> e : resourceMethods().entrySet()) {
            Map<String, Object> op = ops.get(e.getKey());
            Method m = e.getValue();
            Set<String> pathParams = new TreeSet<>();
            Set<String> queryParams = new TreeSet<>();
            boolean entity = false;
            for (Parameter p : m.getParameters()) {
                if (p.isAnnotationPresent(PathParam.class)) pathParams.add(p.getAnnotation(PathParam.class).value());
                else if (p.isAnnotationPresent(QueryParam.class)) queryParams.add(p.getAnnotation(QueryParam.class)
                        .value());
                else if (!p.isAnnotationPresent(Context.class)) entity = true;
            }
            Set<String> docPath = new TreeSet<>();
            Set<String> docQuery = new TreeSet<>();
            for (Object o : list(op.get("parameters"))) {
                Map<String, Object> p = map(o);
                (p.get("in").equals("path") ? docPath : docQuery).add((String) p.get("name"));
            }
            Matcher templ = Pattern.compile("\\{([^}]+)}").matcher(e.getKey().path());
            Set<String> inTemplate = new TreeSet<>();
            while (templ.find()) inTemplate.add(templ.group(1));
            if (!pathParams.equals(docPath) || !inTemplate.equals(docPath)) {
                wrong.add(e.getKey() + ": path parameters " + pathParams + " in code, " + docPath + " documented");
            }
            if (!queryParams.equals(docQuery)) {
                wrong.add(e.getKey() + ": query parameters " + queryParams + " in code, " + docQuery + " documented");
            }
            if (entity != op.containsKey("requestBody")) {
                wrong.add(e.getKey() + ": request body " + entity + " in code, " + op.containsKey("requestBody")
                        + " documented");
            }
            if (entity && m.isAnnotationPresent(Consumes.class)) {
                Set<String> consumes = new TreeSet<>(List.of(m.getAnnotation(Consumes.class).value()));
                Set<String> documented = new TreeSet<>(map(map(op.get("requestBody")).get("content")).keySet());
                if (!consumes.equals(documented)) {
                    wrong.add(e.getKey() + ": consumes " + consumes + ", documented " + documented);
                }
            }
            String produces = m.getAnnotation(Produces.class).value()[0];
            Map<String, Object> responses = map(op.get("responses"));
            String success = responses.keySet().stream().filter(k -> k.startsWith("2")).findFirst().orElse(null);
            if (success == null) {
                wrong.add(e.getKey() + ": no success response documented");
            } else {
                Set<String> types = map(map(responses.get(success)).get("content")).keySet();
                if (!types.equals(Set.of(produces))) {
                    wrong.add(e.getKey() + ": produces " + produces + ", documented " + types);
                }
            }
            for (String code : responses.keySet()) {
                if (code.startsWith("4") || code.startsWith("5")) {
                    Set<String> types = map(map(responses.get(code)).get("content")).keySet();
                    if (!types.equals(Set.of(Problems.MEDIA_TYPE))) wrong.add(e.getKey() + " " + code + ": " + types);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void onlyHealthTheDocumentAndVerifyAreOpenToAnonymousCallers() throws Exception {
        Set<Operation> open = new TreeSet<>();
        documentedOperations(document()).forEach((k, op) -> {
            if (list(op.get("security")).isEmpty()) open.add(k);
        });
        assertEquals(new TreeSet<>(Set.of(new Operation("get", "/health"), new Operation("get", "/openapi.json"),
                new Operation("post", "/verify"))), open);
        for (Map.Entry<Operation, Map<String, Object>> e : documentedOperations(document()).entrySet()) {
            if (open.contains(e.getKey())) continue;
            assertTrue(map(e.getValue().get("responses")).containsKey("401"), e.getKey() + " documents its 401");
        }
    }

    @Test
    void everyReferenceResolves() throws Exception {
        Map<String, Object> doc = document();
        Set<String> schemas = map(map(doc.get("components")).get("schemas")).keySet();
        String text = Json.write(doc);
        Matcher m = Pattern.compile("\"\\$ref\":\"#/components/schemas/([^\"]+)\"").matcher(text);
        int refs = 0;
        while (m.find()) {
            refs++;
            assertTrue(schemas.contains(m.group(1)), "unresolved $ref " + m.group(1));
        }
        assertTrue(refs > 20);
        assertFalse(text.contains("TODO"));
    }
}
