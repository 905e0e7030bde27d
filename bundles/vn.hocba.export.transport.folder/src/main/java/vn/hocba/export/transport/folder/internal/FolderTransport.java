package vn.hocba.export.transport.folder.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import vn.hocba.export.DeliveryReceipt;
import vn.hocba.export.ExportPackage;
import vn.hocba.export.spi.Transport;
import vn.hocba.export.spi.TransportException;

/**
 * Drops packages into a folder that another system (the province's collector, a sync client) picks up. A package
 * appears there only complete: it is copied under a hidden temporary name in the same folder, forced to disk, then
 * renamed atomically. A ledger ({@code .hocba-delivered/<packageId>.receipt}) remembers what was dropped, so a
 * repeated delivery of the same package (after a lost answer or a restart) is recognised as a duplicate even after
 * the collector took the file away.
 */
@Component(service = Transport.class, configurationPid = FolderTransport.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "transport.id=folder")
@Designate(ocd = FolderTransport.Config.class)
public class FolderTransport implements Transport {

    static final String PID = "vn.hocba.export.transport.folder";
    static final String LEDGER = ".hocba-delivered";

    @ObjectClassDefinition(name = "hocba export: folder transport",
            description = "Thư mục nhận gói xuất dữ liệu học bạ / the folder packages are dropped into")
    public @interface Config {
        @AttributeDefinition(description = "Thư mục đích / target folder (created if missing)")
        String directory() default "hocba-data/export/outgoing";
    }

    private final Clock clock;
    private volatile Path directory;

    @Activate
    public FolderTransport(Config config) {
        this(Paths.get(config.directory()), Clock.systemUTC());
    }

    FolderTransport(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Modified
    void modified(Config config) {
        directory = Paths.get(config.directory());
    }

    @Override
    public String id() {
        return "folder";
    }

    @Override
    public DeliveryReceipt deliver(ExportPackage pkg) throws TransportException {
        Path dir = directory;
        String name = pkg.fileName();
        try {
            Files.createDirectories(dir.resolve(LEDGER));
            Path ledger = dir.resolve(LEDGER).resolve(pkg.packageId() + ".receipt");
            if (Files.exists(ledger)) {
                return new DeliveryReceipt(pkg.packageId(), name, true, false, clock.instant(),
                        Files.readString(ledger, StandardCharsets.UTF_8));
            }
            Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
            try {
                Files.copy(pkg.file(), tmp, StandardCopyOption.REPLACE_EXISTING);
                force(tmp);
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            Instant now = clock.instant();
            String receipt = "{\"file\":\"" + name + "\",\"sha256\":\"" + pkg.sha256() + "\",\"size\":" + pkg.size()
                    + ",\"deliveredAt\":\"" + now + "\"}";
            Path ledgerTmp = Files.createTempFile(dir.resolve(LEDGER), ".tmp-", ".part");
            Files.writeString(ledgerTmp, receipt, StandardCharsets.UTF_8);
            Files.move(ledgerTmp, ledger, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new DeliveryReceipt(pkg.packageId(), name, false, false, now, receipt);
        } catch (IOException e) {
            throw new TransportException("Không ghi được gói " + name + " vào thư mục " + dir + ": " + e.getMessage(),
                    "Cannot write package " + name + " into " + dir + ": " + e.getMessage(), true, e);
        }
    }

    private static void force(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
