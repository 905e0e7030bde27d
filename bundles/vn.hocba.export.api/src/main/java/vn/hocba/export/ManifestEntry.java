package vn.hocba.export;

/**
 * One file of a package as its manifest lists it.
 *
 * @param path   the entry's path inside the ZIP, e.g. {@code records/R-1-v1.xml}
 * @param size   its length in bytes
 * @param sha256 lower-case hex SHA-256 of its bytes
 */
public record ManifestEntry(String path, long size, String sha256) {
}
