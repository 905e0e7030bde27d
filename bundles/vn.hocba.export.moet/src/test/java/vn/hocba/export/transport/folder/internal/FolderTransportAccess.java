package vn.hocba.export.transport.folder.internal;

import java.time.Clock;
import java.nio.file.Path;

/** Opens the folder transport's package-private constructor to the export tests. */
public record FolderTransportAccess(Path directory) {
    public FolderTransport transport() {
        return new FolderTransport(directory, Clock.systemUTC());
    }
}
