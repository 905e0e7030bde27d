package vn.hocba.store.jpa.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import vn.hocba.store.BackupResult;
import vn.hocba.store.StoreAdmin;
import vn.hocba.store.StoreInfo;

/**
 * Gogo commands {@code hocba:backup [folder]} and {@code hocba:storeinfo}: plain methods published with the command
 * service properties, so no compile dependency on the shell.
 */
@Component(service = BackupCommand.class, property = {"osgi.command.scope=hocba",
        "osgi.command.function=backup", "osgi.command.function=storeinfo"})
public class BackupCommand {

    private final StoreAdmin admin;
    private final Path defaultFolder;

    @Activate
    public BackupCommand(@Reference StoreAdmin admin, BundleContext context) {
        this.admin = admin;
        String dataDir = context.getProperty("hocba.data.dir");
        this.defaultFolder = Path.of(dataDir == null || dataDir.isBlank() ? "hocba-data" : dataDir, "backups");
    }

    /** Backs up into {@code ${hocba.data.dir}/backups}. */
    public String backup() {
        return backup(defaultFolder.toString());
    }

    public String backup(String folder) {
        BackupResult r = admin.backup(Path.of(folder));
        return "Đã sao lưu / backed up: " + r.location() + " (" + r.bytes() + " bytes, " + r.takenAt() + ")";
    }

    public String storeinfo() {
        StoreInfo i = admin.info();
        return i.dialect() + " " + i.url() + " schema v" + i.schemaVersion();
    }
}
