package vn.hocba.export.moet.internal.pkg;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.export.ExportPackage;
import vn.hocba.export.ManifestEntry;
import vn.hocba.export.PackageManifest;
import vn.hocba.export.moet.SampleRecords;
import vn.hocba.export.moet.TestSeal;
import vn.hocba.export.moet.internal.MoetExporter;
import vn.hocba.model.YearRecord;
import vn.hocba.signing.testpki.TestPki;

class PackageWriterTest {

    private static final PackageWriter.SchemaInfo SCHEMA = new PackageWriter.SchemaInfo("moet-tieuhoc-1.0",
            "urn:hocba:moet:hocbaso-tieuhoc:1.0", "1.0");

    @TempDir
    Path dir;

    private final MoetExporter exporter = new MoetExporter();

    private List<PackageWriter.Item> items(int n) {
        List<PackageWriter.Item> items = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            YearRecord r = SampleRecords.record(i);
            byte[] pdf = ("%PDF-1.7 record " + r.recordId()).getBytes(StandardCharsets.US_ASCII);
            items.add(PackageWriter.Item.of(r, exporter.toXml(r, SampleRecords.signatories(r.school())), pdf));
        }
        return items;
    }

    @Test
    void aPackageListsAndHashesEveryEntryAndTheSealSignsTheManifest() throws Exception {
        ExportPackage pkg = PackageWriter.write("P-1", "HP-AL-TH01", "Trường Tiểu học An Lão", SCHEMA, items(5),
                TestSeal.shared(), dir);
        assertEquals(dir.resolve("HP-AL-TH01_P-1.zip"), pkg.file());
        byte[] zip = Files.readAllBytes(pkg.file());
        assertEquals(Hashes.sha256(zip), pkg.sha256());
        assertEquals(zip.length, pkg.size());

        Map<String, byte[]> entries = PackageReader.entries(zip);
        List<String> names = new ArrayList<>(entries.keySet());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "entries sorted by path");
        assertEquals(List.of("manifest.xml", "manifest.xml.p7s"), names.subList(0, 2));
        assertEquals(12, names.size());

        PackageManifest m = ManifestXml.read(entries.get(PackageManifest.MANIFEST_PATH));
        assertEquals(pkg.manifest(), m);
        assertEquals("Trường Tiểu học An Lão", m.schoolName());
        assertEquals(5, m.records().size());
        assertEquals("HP-AL-TH01-2024-00000", m.records().get(0).recordId());
        for (ManifestEntry e : m.entries()) {
            assertEquals(e.sha256(), Hashes.sha256(entries.get(e.path())), e.path());
            assertEquals(e.size(), entries.get(e.path()).length);
        }
        for (var r : m.records()) {
            assertEquals(List.of(), exporter.validate(entries.get(r.xmlPath())));
        }

        var anchors = List.of(TestPki.shared().root().certificate());
        CmsSeal.Verification v = CmsSeal.verify(entries.get(PackageManifest.MANIFEST_PATH),
                entries.get(PackageManifest.SIGNATURE_PATH), anchors);
        assertTrue(v.valid(), v.problem());
        assertEquals(TestPki.shared().seal().certificate(), v.signer());

        byte[] tampered = new String(entries.get(PackageManifest.MANIFEST_PATH), StandardCharsets.UTF_8)
                .replace("grade=\"3\"", "grade=\"4\"").getBytes(StandardCharsets.UTF_8);
        CmsSeal.Verification bad = CmsSeal.verify(tampered, entries.get(PackageManifest.SIGNATURE_PATH), anchors);
        assertFalse(bad.valid());

        CmsSeal.Verification untrusted = CmsSeal.verify(entries.get(PackageManifest.MANIFEST_PATH),
                entries.get(PackageManifest.SIGNATURE_PATH), List.of(TestPki.shared().seal().certificate()));
        assertFalse(untrusted.valid());
        assertTrue(untrusted.problem().contains("trusted"), untrusted.problem());
    }

    @Test
    void theSameRecordsGiveTheSameBytesAndNoHalfFileIsLeft() throws Exception {
        ExportPackage a = PackageWriter.write("P-2", "HP-AL-TH01", "Trường Tiểu học An Lão", SCHEMA, items(4),
                TestSeal.shared(), dir.resolve("a"));
        ExportPackage b = PackageWriter.write("P-2", "HP-AL-TH01", "Trường Tiểu học An Lão", SCHEMA, items(4),
                TestSeal.shared(), dir.resolve("b"));
        assertEquals(a.sha256(), b.sha256());
        try (var files = Files.list(dir.resolve("a"))) {
            assertEquals(List.of(a.file()), files.toList());
        }
    }

    @Test
    void hostileZipsAreRefused() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../../etc/passwd"));
            zip.write(1);
            zip.closeEntry();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackageReader.entries(bytes.toByteArray()));
        assertTrue(e.getMessage().contains("unsafe"));
        assertThrows(IllegalArgumentException.class, () -> PackageReader.entries("not a zip".getBytes()));
    }
}
