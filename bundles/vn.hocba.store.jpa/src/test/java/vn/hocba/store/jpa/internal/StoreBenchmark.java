package vn.hocba.store.jpa.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

import vn.hocba.model.YearRecord;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;

/**
 * Not a test: inserts the year records of 10,000 pupils (250 classes of 40, one class batch each, as the importer
 * writes them) and reads them back class by class, on Derby and on PostgreSQL, printing records/s and the heap peak.
 *
 * <pre>
 * cd bundles/vn.hocba.store.jpa
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.hocba.store.jpa.internal.StoreBenchmark [pupils [derby|postgresql]]
 * </pre>
 */
public final class StoreBenchmark {

    private static final int CLASS_SIZE = 40;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        System.out.printf("hocba store benchmark: %d pupils, classes of %d, Java %s, %d cores, -Xmx %d MB%n", pupils,
                CLASS_SIZE, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        String only = args.length > 1 ? args[1] : "";
        if (!only.equals("postgresql")) {
            try (Backend derby = new DerbyBackend()) {
                run("Derby 10.14 embedded", derby, pupils);
            }
        }
        if (!only.equals("derby")) {
            try (Backend pg = new PostgresBackend()) {
                run("PostgreSQL 14 (loopback)", pg, pupils);
            }
        }
    }

    private static void run(String name, Backend backend, int pupils) throws Exception {
        try (JpaStore store = backend.open(backend.createDatabase("bench"))) {
            SchoolScope scope = SchoolScope.of("HP-BENCH");
            store.saveSchool(Fixtures.school("HP-BENCH"));
            int classes = (pupils + CLASS_SIZE - 1) / CLASS_SIZE;
            // warm-up on another school so the JIT and EclipseLink's caches are not part of the figures
            SchoolScope warm = SchoolScope.of("HP-WARM");
            store.saveSchool(Fixtures.school("HP-WARM"));
            for (int c = 0; c < 5; c++) {
                String cls = "W" + c;
                store.writeClass(warm, Fixtures.schoolClass("HP-WARM", cls), Fixtures.classRecords("HP-WARM", cls, CLASS_SIZE), "bench");
                store.latestOfClass(warm, Fixtures.YEAR, cls);
            }

            resetPeaks();
            long t0 = System.nanoTime();
            int written = 0;
            for (int c = 0; c < classes; c++) {
                String cls = "L" + c;
                int n = Math.min(CLASS_SIZE, pupils - c * CLASS_SIZE);
                List<YearRecord> batch = records(cls, c * CLASS_SIZE, n);
                written += store.writeClass(scope, Fixtures.schoolClass("HP-BENCH", cls), batch, "bench").written().size();
            }
            long t1 = System.nanoTime();
            long writePeak = heapPeakMb();

            resetPeaks();
            int read = 0;
            for (int c = 0; c < classes; c++) {
                for (StoredRecord r : store.latestOfClass(scope, Fixtures.YEAR, "L" + c)) {
                    if (r.record().pupil() != null) read++;
                }
            }
            long t2 = System.nanoTime();
            long readPeak = heapPeakMb();
            if (written != pupils || read != pupils) throw new IllegalStateException(written + " / " + read);
            boolean intact = store.verify(scope).intact();
            System.out.printf("%-26s insert %6d records in %6.1f s = %7.0f records/s (heap peak %4d MB);"
                    + " read back in %5.1f s = %7.0f records/s (heap peak %4d MB); audit chain intact: %s%n",
                    name, written, secs(t1 - t0), written / secs(t1 - t0), writePeak, secs(t2 - t1),
                    read / secs(t2 - t1), readPeak, intact);
        }
    }

    private static List<YearRecord> records(String cls, int offset, int n) {
        return java.util.stream.IntStream.rangeClosed(offset + 1, offset + n)
                .mapToObj(i -> Fixtures.record("HP-BENCH", cls, i)).toList();
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    }

    private static long heapPeakMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum >> 20;
    }
}
