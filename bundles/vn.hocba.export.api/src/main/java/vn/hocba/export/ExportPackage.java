package vn.hocba.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A built package: a ZIP file on disk, ready for a transport.
 *
 * @param manifest the manifest inside it
 * @param file     the ZIP (deterministic: sorted entries, fixed timestamps)
 * @param size     its length in bytes
 * @param sha256   lower-case hex SHA-256 of the ZIP
 */
public record ExportPackage(PackageManifest manifest, Path file, long size, String sha256) {
    public ExportPackage {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(file, "file");
    }

    public String packageId() {
        return manifest.packageId();
    }

    /** The file name a transport gives it: {@code <school>_<packageId>.zip}. */
    public String fileName() {
        return manifest.schoolCode() + "_" + manifest.packageId() + ".zip";
    }
}
