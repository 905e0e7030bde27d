package vn.hocba.export.moet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import vn.hocba.export.ExportPackage;
import vn.hocba.export.moet.internal.MoetExporter;
import vn.hocba.export.moet.internal.pkg.PackageWriter;
import vn.hocba.model.YearRecord;

/**
 * Package generation for N issued records (default 10,000): each record's XML signed by three signers (as issued),
 * a 70 KB PDF of incompressible content (like a real signed PDF/A), packed in packages of B records (default 200)
 * with the manifest sealed by the test PKI's seal. Prints records/s, heap peak and package sizes. Not a test:
 * <pre>
 * mvn -B -o -q -pl bundles/vn.hocba.export.moet test-compile
 * cd bundles/vn.hocba.export.moet
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.hocba.export.moet.PackageBenchmark 10000 200
 * </pre>
 * ({@code mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt} writes the class path.)
 */
public final class PackageBenchmark {

    private static final int PDF_BYTES = 70 * 1024;

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        MoetExporter exporter = new MoetExporter();
        PackageWriter.SchemaInfo schema = new PackageWriter.SchemaInfo(exporter.id(), exporter.schemaNamespace(),
                exporter.schemaVersion());
        TestSeal seal = TestSeal.shared();

        // the signed XML of every record, as the store holds them after issuing (set-up, not measured)
        long t0 = System.nanoTime();
        List<byte[]> xml = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            YearRecord r = SampleRecords.record(i);
            // signing 30,000 XML signatures takes minutes: sign one record in a hundred, the others carry the same
            // signature block (same size), which the package writer does not look into
            xml.add(i % 100 == 0 ? XmlSigner.signAll(exporter.toXml(r, SampleRecords.signatories(r.school())))
                    : withSignaturesOf(exporter.toXml(r, SampleRecords.signatories(r.school())), xml.get(i - i % 100)));
        }
        System.out.printf("set-up: %d signed record XMLs in %.1f s (avg %d bytes)%n", records,
                (System.nanoTime() - t0) / 1e9, xml.stream().mapToInt(b -> b.length).sum() / records);

        Path out = Files.createTempDirectory("hocba-bench-");
        // warm-up: one package
        Files.delete(write(exporter, schema, seal, xml, 0, Math.min(batch, records), out.resolve("warm"), "warm").file());
        System.gc();
        resetPeaks();
        long heapBefore = usedHeap();
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long bytes = 0;
        int packages = 0;
        for (int from = 0; from < records; from += batch) {
            ExportPackage p = write(exporter, schema, seal, xml, from, Math.min(records, from + batch), out,
                    "P-" + from);
            bytes += p.size();
            packages++;
            Files.delete(p.file());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("packages: %d of %d records, %d records in %.2f s = %.0f records/s (one thread;"
                + " %.2f s CPU = %.0f records per CPU-second)%n", packages, batch, records, seconds, records / seconds,
                cpu, records / cpu);
        System.out.printf("package size: total %.1f MB, %.1f MB per package, %.1f KB per record%n", bytes / 1e6,
                bytes / 1e6 / packages, bytes / 1024.0 / records);
        System.out.printf("heap: peak %.0f MB (used before %.0f MB; signed XMLs held: %.0f MB), max %d MB%n",
                peakHeap() / 1e6, heapBefore / 1e6, xml.stream().mapToLong(b -> b.length).sum() / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
        Files.deleteIfExists(out.resolve("warm"));
    }

    private static ExportPackage write(MoetExporter exporter, PackageWriter.SchemaInfo schema, TestSeal seal,
            List<byte[]> xml, int from, int to, Path dir, String id) {
        List<PackageWriter.Item> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            YearRecord r = SampleRecords.record(i);
            items.add(PackageWriter.Item.of(r, xml.get(i), pdf(i)));
        }
        return PackageWriter.write(id, "HP-AL-TH01", "Trường Tiểu học An Lão", schema, items, seal, dir);
    }

    private static byte[] withSignaturesOf(byte[] unsigned, byte[] signed) {
        String s = new String(signed, java.nio.charset.StandardCharsets.UTF_8);
        String block = s.substring(s.indexOf("<ds:Signature"), s.lastIndexOf("</thongtinsohocbasotieuhoc>"));
        String u = new String(unsigned, java.nio.charset.StandardCharsets.UTF_8);
        int end = u.lastIndexOf("</thongtinsohocbasotieuhoc>");
        return (u.substring(0, end) + block + u.substring(end)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Stands for a signed PDF/A: its streams are compressed, so its bytes do not compress again. */
    private static byte[] pdf(int i) {
        byte[] b = new byte[PDF_BYTES];
        new Random(i).nextBytes(b);
        byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, b, 0, header.length);
        return b;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
