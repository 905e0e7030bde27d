package vn.hocba.store.jpa.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.hocba.model.SchoolYear;

/**
 * The canonical JSON form of the model's records: the bytes whose SHA-256 an issued version is known by.
 *
 * <p>Own code rather than a JSON library because the bytes must stay the same for decades, whatever library version
 * the runtime brings: object keys sorted by code point, no whitespace, null components left out, strings as UTF-8
 * with only {@code "}, {@code \} and control characters escaped, integers only, enums by name, {@link LocalDate} and
 * {@link Instant} in ISO-8601, {@link SchoolYear} as {@code 2024-2025}. It works on any record by reflection, so
 * components the model adds later are written and read without change here (a missing component reads as null,
 * 0 or false, which the model's constructors turn into their defaults).
 */
public final class CanonicalJson {

    private final Set<String> skipped;

    /**
     * @param skipped components never written, as {@code SimpleClassName.component} (e.g. the lifecycle state,
     *                which lives beside the content and changes after issue)
     */
    public CanonicalJson(Set<String> skipped) {
        this.skipped = Set.copyOf(skipped);
    }

    /** A record, or a map of such values (the audit trail hashes a map of its fields). */
    public byte[] write(Object value) {
        StringBuilder out = new StringBuilder(2048);
        writeValue(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public <T extends Record> T read(byte[] json, Class<T> type) {
        Object tree = new Parser(new String(json, StandardCharsets.UTF_8)).parseDocument();
        return type.cast(convert(tree, type));
    }

    // ---- writing

    private void writeValue(StringBuilder out, Object value) {
        if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Enum<?> e) {
            writeString(out, e.name());
        } else if (value instanceof SchoolYear y) {
            writeString(out, y.toString());
        } else if (value instanceof LocalDate || value instanceof Instant) {
            writeString(out, value.toString());
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(',');
                writeValue(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>(Comparator.comparing((String k) -> k, CanonicalJson::compareCodePoints));
            map.forEach((k, v) -> sorted.put((String) k, v));
            writeObject(out, sorted);
        } else if (value instanceof Record r) {
            writeObject(out, components(r));
        } else if (value == null) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("no canonical JSON form for " + value.getClass().getName());
        }
    }

    private Map<String, Object> components(Record r) {
        Map<String, Object> sorted = new TreeMap<>(CanonicalJson::compareCodePoints);
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (skipped.contains(r.getClass().getSimpleName() + "." + c.getName())) continue;
            try {
                Object v = c.getAccessor().invoke(r);
                if (v != null) sorted.put(c.getName(), v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }
        return sorted;
    }

    private void writeObject(StringBuilder out, Map<String, Object> sorted) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (e.getValue() == null) continue;
            if (!first) out.append(',');
            first = false;
            writeString(out, e.getKey());
            out.append(':');
            writeValue(out, e.getValue());
        }
        out.append('}');
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    // ---- reading

    private Object convert(Object node, Type type) {
        Class<?> raw = rawClass(type);
        if (node == null) {
            if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class) return defaultNumber(raw);
            if (raw == boolean.class) return false;
            return null;
        }
        if (raw == String.class) return (String) node;
        if (raw == int.class || raw == Integer.class) return Math.toIntExact((Long) node);
        if (raw == long.class || raw == Long.class) return node;
        if (raw == boolean.class || raw == Boolean.class) return node;
        if (raw.isEnum()) return enumValue(raw, (String) node);
        if (raw == SchoolYear.class) return SchoolYear.parse((String) node);
        if (raw == LocalDate.class) return LocalDate.parse((String) node);
        if (raw == Instant.class) return Instant.parse((String) node);
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> result = new ArrayList<>();
            for (Object item : (List<?>) node) result.add(convert(item, element));
            return result;
        }
        if (raw == Map.class) {
            Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<?, ?>) node).forEach((k, v) -> result.put((String) k, convert(v, valueType)));
            return result;
        }
        if (raw.isRecord()) return construct(raw, (Map<?, ?>) node);
        throw new IllegalArgumentException("cannot read canonical JSON into " + type);
    }

    private Object construct(Class<?> type, Map<?, ?> fields) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = convert(fields.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException("stored " + type.getSimpleName() + " is not valid: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object defaultNumber(Class<?> raw) {
        if (raw == long.class) return 0L;
        if (raw == short.class) return (short) 0;
        if (raw == byte.class) return (byte) 0;
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> raw, String name) {
        return Enum.valueOf((Class) raw, name);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalArgumentException("unsupported type " + type);
    }

    /** A strict parser for the subset written above (objects, arrays, strings, integers, booleans, null). */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Object parseDocument() {
            Object v = value();
            if (pos != s.length()) throw error("trailing characters");
            return v;
        }

        private Object value() {
            if (pos >= s.length()) throw error("unexpected end");
            char c = s.charAt(pos);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': return literal("true", Boolean.TRUE);
                case 'f': return literal("false", Boolean.FALSE);
                case 'n': return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            if (peek('}')) { pos++; return map; }
            while (true) {
                String key = string();
                expect(':');
                map.put(key, value());
                if (peek(',')) { pos++; continue; }
                expect('}');
                return map;
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            if (peek(']')) { pos++; return list; }
            while (true) {
                list.add(value());
                if (peek(',')) { pos++; continue; }
                expect(']');
                return list;
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (pos >= s.length()) throw error("unterminated string");
                char c = s.charAt(pos++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16)); pos += 4; }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Long number() {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            return Long.parseLong(s.substring(start, pos));
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) throw error("expected " + word);
            pos += word.length();
            return value;
        }

        private boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!peek(c)) throw error("expected '" + c + "'");
            pos++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("canonical JSON: " + what + " at " + pos);
        }
    }
}
