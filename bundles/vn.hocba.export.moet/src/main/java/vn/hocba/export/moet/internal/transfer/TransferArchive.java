package vn.hocba.export.moet.internal.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import vn.hocba.export.ExportException;
import vn.hocba.export.moet.internal.outbox.XmlNamespace;
import vn.hocba.export.spi.Exporter;
import vn.hocba.model.YearRecord;

/**
 * The records a school received by transfer, kept read-only exactly as signed:
 * {@code <root>/<school>/<pupilCode>/<importId>/records/<recordId>-v<N>.xml|.pdf} plus {@code received.bin}, the file
 * as received. An import's folder is written beside its final place and renamed in one step, so an import is there
 * completely or not at all; nothing is ever rewritten.
 */
public final class TransferArchive {

    private final Path root;
    private final Function<String, Optional<Exporter>> exporterByNamespace;

    public TransferArchive(Path root, Function<String, Optional<Exporter>> exporterByNamespace) {
        this.root = root;
        this.exporterByNamespace = exporterByNamespace;
    }

    private Path pupilDir(String school, String pupilCode) {
        return root.resolve(safe(school)).resolve(safe(pupilCode));
    }

    /** Writes one import; returns its folder (delete it to undo when a later step of the import fails). */
    public Path write(String school, String pupilCode, byte[] received, List<TransferVerifier.Item> items) {
        Path dir = pupilDir(school, pupilCode);
        Path staging = dir.resolve(".staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging.resolve("records"));
            Files.write(staging.resolve("received.bin"), received);
            for (TransferVerifier.Item item : items) {
                YearRecord r = item.parsed().record();
                String base = "records/" + safe(r.recordId()) + "-v" + r.version();
                Files.write(staging.resolve(base + ".xml"), item.xml());
                if (item.pdf() != null) Files.write(staging.resolve(base + ".pdf"), item.pdf());
            }
            Path target = dir.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            delete(staging);
            throw new ExportException("Không lưu được hồ sơ chuyển đến: " + e.getMessage(),
                    "Cannot store the transferred records: " + e.getMessage(), e);
        }
    }

    public void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + dir, e);
        }
    }

    /** Every record version transferred in for the pupil, by school year then version. */
    public List<YearRecord> records(String school, String pupilCode) {
        Path dir = pupilDir(school, pupilCode);
        Map<String, YearRecord> byKey = new TreeMap<>();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml") && !p.toString().contains(".staging-"))
                    .sorted().toList()) {
                byte[] xml = Files.readAllBytes(f);
                Exporter e = exporterByNamespace.apply(XmlNamespace.of(xml)).orElse(null);
                if (e == null) continue;
                YearRecord r = e.fromXml(xml).record();
                byKey.putIfAbsent(r.recordId() + "/v" + r.version(), r);
            }
        } catch (IOException e) {
            throw new ExportException("Không đọc được hồ sơ chuyển đến: " + e.getMessage(),
                    "Cannot read the transferred records: " + e.getMessage(), e);
        }
        List<YearRecord> all = new ArrayList<>(byKey.values());
        all.sort(Comparator.comparing(YearRecord::year).thenComparing(YearRecord::recordId)
                .thenComparingInt(YearRecord::version));
        return all;
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
