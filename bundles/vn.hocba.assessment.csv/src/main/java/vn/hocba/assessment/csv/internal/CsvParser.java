package vn.hocba.assessment.csv.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 over decoded text: quoted fields with doubled quotes and line breaks, CRLF or LF. The separator is the
 * comma of hocba-csv v1; a file whose first line has no comma but semicolons or tabs (Excel in a Vietnamese locale,
 * "Unicode text") is read with that separator instead.
 */
final class CsvParser {
    private CsvParser() {}

    static List<List<String>> parse(String text) {
        char sep = separator(text);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == sep) {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(',') >= 0) return ',';
        if (first.indexOf(';') >= 0) return ';';
        if (first.indexOf('\t') >= 0) return '\t';
        return ',';
    }
}
