package vn.hocba.export.transport.folder.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.export.DeliveryReceipt;
import vn.hocba.export.ExportPackage;
import vn.hocba.export.PackageManifest;
import vn.hocba.export.spi.TransportException;

class FolderTransportTest {

    @TempDir
    Path tmp;

    private ExportPackage pkg(String id, byte[] content) throws Exception {
        Path file = tmp.resolve("built-" + id + ".zip");
        Files.write(file, content);
        PackageManifest m = new PackageManifest(PackageManifest.FORMAT, id, "HP-AL-TH01", "Trường Tiểu học An Lão",
                "moet-tieuhoc-1.0", "urn:hocba:moet:hocbaso-tieuhoc:1.0", "1.0", List.of(), List.of());
        return new ExportPackage(m, file, content.length, "00");
    }

    @Test
    void aPackageAppearsCompleteAndOnceEvenWhenDeliveredAgain() throws Exception {
        Path out = tmp.resolve("outgoing");
        FolderTransport transport = new FolderTransport(out, Clock.systemUTC());
        ExportPackage p = pkg("P-1", new byte[] {1, 2, 3});
        DeliveryReceipt first = transport.deliver(p);
        assertFalse(first.duplicate());
        assertEquals("HP-AL-TH01_P-1.zip", first.receiptId());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out.resolve("HP-AL-TH01_P-1.zip")));

        // the collector takes the file away; the outbox (after a restart) delivers the same package again
        Files.delete(out.resolve("HP-AL-TH01_P-1.zip"));
        DeliveryReceipt again = transport.deliver(p);
        assertTrue(again.duplicate());
        assertEquals(first.body(), again.body());
        try (var files = Files.list(out)) {
            assertEquals(List.of(out.resolve(FolderTransport.LEDGER)), files.toList(), "no half or repeated file");
        }
    }

    @Test
    void anUnwritableFolderIsARetryableFailure() throws Exception {
        Path notADir = tmp.resolve("file");
        Files.writeString(notADir, "x");
        FolderTransport transport = new FolderTransport(notADir, Clock.systemUTC());
        TransportException e = assertThrows(TransportException.class, () -> transport.deliver(pkg("P-2", new byte[1])));
        assertTrue(e.retryable());
        assertTrue(e.messageVi().startsWith("Không ghi được gói"));
    }
}
