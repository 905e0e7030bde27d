package vn.hocba.assessment.spi;

import java.time.Instant;

/**
 * Where imported data came from.
 *
 * @param sourceId    the source or reader id ({@code hocba-csv}, {@code demo}, …)
 * @param origin      the file name or the system and object read (e.g. {@code demo:DEMO-TH01/2024-2025/3A})
 * @param format      what was read: {@code hocba-csv v1 (CSV)}, {@code hocba-csv v1 (XLSX)}, a profile id, …
 * @param encoding    how the text was decoded and converted, e.g. {@code UTF-8}, {@code TCVN3 (ABC) → Unicode NFC}
 * @param readAt      when it was read
 * @param inputSha256 lower-case hex SHA-256 of the input (the file's bytes, or the canonical form of what the source
 *                    answered): the same input always has the same hash
 */
public record Provenance(String sourceId, String origin, String format, String encoding, Instant readAt,
        String inputSha256) {
    public Provenance {
        sourceId = sourceId == null ? "" : sourceId;
        origin = origin == null ? "" : origin;
        format = format == null ? "" : format;
        encoding = encoding == null ? "" : encoding;
        if (readAt == null) throw new IllegalArgumentException("readAt is required");
        inputSha256 = inputSha256 == null ? "" : inputSha256;
    }
}
