package vn.hocba.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An online backup that was taken.
 *
 * @param location the folder holding the copy (for Derby: a database folder that opens as it is)
 * @param bytes    the size of the copy on disk
 */
public record BackupResult(Path location, long bytes, Instant takenAt) {
}
