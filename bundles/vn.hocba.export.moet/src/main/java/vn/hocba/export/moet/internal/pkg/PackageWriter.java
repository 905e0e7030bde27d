package vn.hocba.export.moet.internal.pkg;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import vn.hocba.export.ExportException;
import vn.hocba.export.ExportPackage;
import vn.hocba.export.ManifestEntry;
import vn.hocba.export.ManifestRecord;
import vn.hocba.export.PackageManifest;
import vn.hocba.model.YearRecord;

/**
 * Writes a package: a ZIP whose entries are sorted by path and carry a fixed time, so the same records, ids and seal
 * signature give the same bytes; {@code manifest.xml} lists every record and the SHA-256 of every other entry, and
 * {@code manifest.xml.p7s} is the seal's detached CMS signature of the manifest. The file appears in the directory
 * only when complete (written beside it, then moved atomically).
 */
public final class PackageWriter {

    /** Fixed entry time (local DOS time, no extra field): packages do not depend on when they were built. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** One record version to pack: its signed XML and, if any, its signed PDF. */
    public record Item(String recordId, int version, String pupilCode, String personalId, String schoolYear, int grade,
            byte[] xml, byte[] pdf) {

        public static Item of(YearRecord r, byte[] xml, byte[] pdf) {
            return new Item(r.recordId(), r.version(), r.pupil().pupilCode(), r.pupil().personalId(),
                    r.year().toString(), r.schoolClass().grade(), xml, pdf);
        }
    }

    /** Which exporter wrote the XML of the items. */
    public record SchemaInfo(String exporterId, String namespace, String version) {
    }

    private PackageWriter() {}

    public static ExportPackage write(String packageId, String schoolCode, String schoolName, SchemaInfo schema,
            List<Item> items, SealKey seal, Path directory) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Item::recordId).thenComparingInt(Item::version));
        TreeMap<String, byte[]> files = new TreeMap<>();
        List<ManifestRecord> records = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Item item : sorted) {
            if (!keys.add(item.recordId() + "/v" + item.version())) {
                throw new IllegalArgumentException("record " + item.recordId() + "/v" + item.version() + " twice");
            }
            String base = "records/" + safe(item.recordId()) + "-v" + item.version();
            if (files.containsKey(base + ".xml")) {
                throw new IllegalArgumentException("two record ids give the entry name " + base);
            }
            files.put(base + ".xml", item.xml());
            if (item.pdf() != null) files.put(base + ".pdf", item.pdf());
            records.add(new ManifestRecord(item.recordId(), item.version(), item.pupilCode(), item.personalId(),
                    item.schoolYear(), item.grade(), base + ".xml", item.pdf() == null ? "" : base + ".pdf"));
        }
        List<ManifestEntry> entries = new ArrayList<>();
        files.forEach((path, bytes) -> entries.add(new ManifestEntry(path, bytes.length, Hashes.sha256(bytes))));
        PackageManifest manifest = new PackageManifest(PackageManifest.FORMAT, packageId, schoolCode, schoolName,
                schema.exporterId(), schema.namespace(), schema.version(), records, entries);
        byte[] manifestXml = ManifestXml.write(manifest);
        byte[] signature = CmsSeal.sign(manifestXml, seal);
        files.put(PackageManifest.MANIFEST_PATH, manifestXml);
        files.put(PackageManifest.SIGNATURE_PATH, signature);

        try {
            Files.createDirectories(directory);
            String name = schoolCode + "_" + packageId + ".zip";
            Path target = directory.resolve(name);
            Path part = Files.createTempFile(directory, ".part-", ".zip");
            MessageDigest sha = Hashes.digest();
            try (OutputStream file = Files.newOutputStream(part);
                    DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha);
                    ZipOutputStream zip = new ZipOutputStream(digest)) {
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                for (var e : files.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTimeLocal(ENTRY_TIME);
                    if (!e.getKey().endsWith(".xml")) {
                        // signed PDFs (compressed streams) and the DER signature gain nothing from deflate: stored
                        CRC32 crc = new CRC32();
                        crc.update(e.getValue());
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(e.getValue().length);
                        entry.setCompressedSize(e.getValue().length);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            long size = Files.size(part);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new ExportPackage(manifest, target, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new ExportException("Không ghi được gói dữ liệu vào " + directory + ": " + e.getMessage(),
                    "Cannot write the package into " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Record ids become file names: anything but letters, digits, dot, dash and underscore becomes an underscore. */
    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
