package vn.hocba.export;

import java.util.List;

/**
 * The table of contents of a package, signed (detached CMS) by the issuing school's seal.
 *
 * @param format          the package format, {@value #FORMAT}
 * @param packageId       unique id, also the idempotency key of its delivery
 * @param schoolCode      mã trường of the issuing school
 * @param schoolName      its name
 * @param exporterId      the exporter that wrote the XML files
 * @param schemaNamespace the XML namespace of the record files
 * @param schemaVersion   the schema version of the record files, e.g. {@code 1.0}
 * @param records         the record versions, sorted by record id then version
 * @param entries         every entry of the ZIP except the manifest and its signature, sorted by path
 */
public record PackageManifest(String format, String packageId, String schoolCode, String schoolName,
        String exporterId, String schemaNamespace, String schemaVersion, List<ManifestRecord> records,
        List<ManifestEntry> entries) {

    public static final String FORMAT = "hocba-package/1";
    /** The manifest's entry name in the ZIP. */
    public static final String MANIFEST_PATH = "manifest.xml";
    /** The detached CMS signature of the manifest's bytes by the school seal. */
    public static final String SIGNATURE_PATH = "manifest.xml.p7s";

    public PackageManifest {
        records = List.copyOf(records);
        entries = List.copyOf(entries);
    }
}
