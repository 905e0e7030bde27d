package vn.hocba.store;

/**
 * What is stored of an artefact without its bytes (fetch those with {@link RecordRepository#artefact}).
 *
 * @param sha256 lower-case hex SHA-256 of the bytes, computed by the store
 */
public record ArtefactInfo(ArtefactKind kind, String sha256, long size) {
}
