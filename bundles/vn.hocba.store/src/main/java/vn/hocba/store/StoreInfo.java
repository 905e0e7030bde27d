package vn.hocba.store;

/**
 * Which database the store runs on.
 *
 * @param dialect       {@code derby} or {@code postgresql}
 * @param schemaVersion the highest migration applied
 * @param url           the JDBC URL without credentials
 */
public record StoreInfo(String dialect, int schemaVersion, String url) {
}
