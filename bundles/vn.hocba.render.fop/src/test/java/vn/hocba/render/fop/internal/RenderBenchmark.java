package vn.hocba.render.fop.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import vn.hocba.model.YearRecord;
import vn.hocba.render.RenderOptions;
import vn.hocba.render.RenderedRecord;

/**
 * Throughput of the renderer on a batch of records (a harness, not a test):
 * {@code java -cp <test classpath> vn.hocba.render.fop.internal.RenderBenchmark [records=1000] [warmup=100]}.
 * Prints records/s on one thread and on all cores, pages per record and the heap peak of each run.
 */
public final class RenderBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int cores = Runtime.getRuntime().availableProcessors();
        FopRecordRenderer renderer = new FopRecordRenderer(DefaultTemplate.ID, "https://hocba.example/verify");
        renderer.addTemplate(new DefaultTemplate());
        List<YearRecord> batch = batch(count);

        run("warm-up", renderer, batch.subList(0, Math.min(warmup, count)), cores);
        run("1 thread", renderer, batch, 1);
        run(cores + " threads (all cores)", renderer, batch, cores);
    }

    /** Typical two-page records of grades 1, 3 and 5, each with its own id. */
    static List<YearRecord> batch(int count) {
        List<YearRecord> samples = List.of(SampleRecords.grade1(), SampleRecords.grade3(), SampleRecords.grade5());
        List<YearRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            YearRecord r = samples.get(i % samples.size());
            out.add(new YearRecord(r.recordId() + "-" + i, r.version(), r.state(), r.school(), r.schoolClass(),
                    r.pupil(), r.history(), r.assessment(), r.outcome(), r.override(), r.correction(), r.place(),
                    r.issueDate()));
        }
        return out;
    }

    private static void run(String name, FopRecordRenderer renderer, List<YearRecord> records, int threads)
            throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        AtomicLong pages = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (YearRecord r : records) {
                futures.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    RenderedRecord out = renderer.render(r, RenderOptions.defaults());
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                    pages.addAndGet(out.pageCount());
                    bytes.addAndGet(out.pdf().length);
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double cpuMs = cpuNanos.get() / 1e6 / records.size();
        System.out.printf("%-22s %5d records in %6.1f s = %6.1f records/s (%.1f ms wall, %.1f ms CPU each, so "
                + "%.1f records/s per free core), %.2f pages/record, %.0f KB/record, heap peak %d MB (max %d MB)%n",
                name, records.size(), seconds, records.size() / seconds, seconds * 1000 * threads / records.size(),
                cpuMs, 1000 / cpuMs,
                (double) pages.get() / records.size(), bytes.get() / 1024.0 / records.size(), heapPeak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private RenderBenchmark() {}
}
