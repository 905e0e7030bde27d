package vn.hocba.assessment.csv.internal;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportRequest;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.assessment.internal.DefaultImportService;
import vn.hocba.assessment.internal.Importer;
import vn.hocba.assessment.testing.InMemoryStore;
import vn.hocba.assessment.testing.TestImports;
import vn.hocba.rules.internal.Tt27Rules;
import vn.hocba.rules.internal.Tt27Validator;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.jpa.internal.DerbyDataSourceFactory;
import vn.hocba.store.jpa.internal.JpaStore;
import vn.hocba.store.jpa.internal.StoreOpener;

/**
 * Imports a 1,000-pupil file (25 classes of 40, the sample class's rows repeated under new codes) as .csv and as
 * .xlsx, and prints rows per second and the heap peak: the first import (every record written) and the same file
 * again (every record unchanged). Not a test; run it with
 * {@code java -cp target/test-classes:target/classes:<test classpath> vn.hocba.assessment.csv.internal.ImportBenchmark [memory|derby]}.
 */
public final class ImportBenchmark {
    private static final int CLASSES = 25;
    private static final int PER_CLASS = 40;

    public static void main(String[] args) throws Exception {
        String storeKind = args.length > 0 ? args[0] : "memory";
        Fixture big = thousandPupils();
        byte[] csv = big.csvBytes();
        byte[] xlsx = big.xlsx();
        System.out.printf("file: %d pupils, %d classes; csv %,d bytes, xlsx %,d bytes; store: %s%n",
                big.rows.size(), CLASSES, csv.length, xlsx.length, storeKind);
        for (int run = 0; run < 3; run++) {
            boolean warmUp = run == 0;
            measure(storeKind, "csv ", "big.csv", csv, big.rows.size(), warmUp);
            measure(storeKind, "xlsx", "big.xlsx", xlsx, big.rows.size(), warmUp);
        }
    }

    static Fixture thousandPupils() {
        Fixture base = Fixture.load();
        Fixture f = base.copy();
        f.rows.clear();
        int code = 0;
        for (int c = 0; c < CLASSES; c++) {
            String className = "3" + (char) ('A' + c);
            for (int p = 0; p < PER_CLASS; p++) {
                List<String> row = new ArrayList<>(base.rows.get(p % base.rows.size()));
                row.set(base.column("class_name"), className);
                row.set(base.column("pupil_code"), String.format("HP-AL-TH01%08d", ++code));
                row.set(base.column("homeroom_teacher"), "Giáo viên lớp " + className);
                f.rows.add(row);
            }
        }
        return f;
    }

    private static void measure(String storeKind, String label, String name, byte[] content, int rows, boolean warmUp)
            throws Exception {
        try (Target target = Target.open(storeKind)) {
            System.gc();
            resetPeaks();
            var threads = ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ImportReport first = target.service.importFile(ImportRequest.of(Fixture.SCHOOL, name, "bench"),
                    new ByteArrayInputStream(content));
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            long peakFirst = heapPeak();
            resetPeaks();
            ImportReport again = target.service.importFile(ImportRequest.of(Fixture.SCHOOL, name, "bench"),
                    new ByteArrayInputStream(content));
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            long peakAgain = heapPeak();
            if (first.status() != ImportStatus.STORED || again.status() != ImportStatus.UNCHANGED) {
                throw new IllegalStateException(first.status() + "/" + again.status() + " " + first.allProblems());
            }
            if (warmUp) return;
            // CPU time of the importing thread too: on a shared machine the wall clock says more about the others
            System.out.printf("%s first import %6.0f ms (cpu %5.0f ms) %6.0f rows/s (%6.0f rows/cpu-s) heap peak %4d MB"
                    + " | same file again %6.0f ms (cpu %5.0f ms) %6.0f rows/s (%6.0f rows/cpu-s) heap peak %4d MB%n",
                    label, (t1 - t0) / 1e6, (c1 - c0) / 1e6, rows / ((t1 - t0) / 1e9), rows / ((c1 - c0) / 1e9),
                    peakFirst >> 20, (t2 - t1) / 1e6, (c2 - c1) / 1e6, rows / ((t2 - t1) / 1e9),
                    rows / ((c2 - c1) / 1e9), peakAgain >> 20);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** The import service on a fresh store. */
    private record Target(DefaultImportService service, AutoCloseable closer) implements AutoCloseable {
        static Target open(String kind) throws Exception {
            SchoolRepository schools;
            RecordRepository records;
            AutoCloseable closer = () -> { };
            if (kind.equals("derby")) {
                Path dir = Files.createTempDirectory("hocba-bench-");
                System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
                JpaStore store = StoreOpener.open(new DerbyDataSourceFactory(), "jdbc:derby:" + dir.resolve("db")
                        + ";create=true", "", "", JpaStore.class.getProtectionDomain().getCodeSource().getLocation(),
                        JpaStore.class.getClassLoader(), 4, Clock.systemUTC());
                schools = store;
                records = store;
                closer = store;
            } else {
                InMemoryStore store = new InMemoryStore();
                schools = store;
                records = store;
            }
            Importer importer = new Importer(new Tt27Validator(TestImports.CATALOG), new Tt27Rules(TestImports.CATALOG),
                    schools, records, true);
            DefaultImportService service = new DefaultImportService(importer, schools, Clock.systemUTC(),
                    DefaultImportService.Settings.of(20, ""));
            service.addReader(new HocbaCsvReader());
            return new Target(service, closer);
        }

        @Override
        public void close() throws Exception {
            closer.close();
        }
    }
}
