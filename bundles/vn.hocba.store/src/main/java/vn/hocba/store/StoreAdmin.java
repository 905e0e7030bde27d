package vn.hocba.store;

import java.nio.file.Path;

/** Installation-level operations on the store. */
public interface StoreAdmin {

    StoreInfo info();

    /**
     * Takes an online backup while the store keeps running (Derby: {@code SYSCS_BACKUP_DATABASE}); the folder
     * returned opens as a database as it is. For PostgreSQL this is refused with a message naming {@code pg_dump}.
     *
     * @param targetDir an existing or creatable folder; the backup goes into a new sub-folder named by date and time
     */
    BackupResult backup(Path targetDir);
}
