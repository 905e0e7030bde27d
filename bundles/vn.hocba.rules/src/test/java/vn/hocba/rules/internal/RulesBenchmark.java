package vn.hocba.rules.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearRecord;

/**
 * Throughput of derivation and validation over a province's worth of records (not a test). Run, from the module,
 * {@code mvn -B -o -q test-compile} then
 * {@code java -cp target/test-classes:target/classes:<vn.hocba.model jar> vn.hocba.rules.internal.RulesBenchmark 200000};
 * prints records/s per round and the heap peak.
 */
public final class RulesBenchmark {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Random random = new Random(42);
        List<YearRecord> records = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int grade = 1 + random.nextInt(5);
            YearAssessment a = Sample.best(grade);
            List<Subject> tested = Sample.testedSubjects(grade);
            a = Sample.scores(a, tested.get(random.nextInt(tested.size())), 4 + random.nextInt(7));
            a = Sample.level(a, Subject.DD, SubjectLevel.values()[random.nextInt(3)]);
            a = Sample.trait(a, Trait.values()[random.nextInt(15)], TraitLevel.values()[random.nextInt(3)]);
            records.add(Sample.record(a));
        }
        Tt27Rules rules = new Tt27Rules(Sample.CATALOG);
        Tt27Validator validator = new Tt27Validator(Sample.CATALOG);
        for (int round = 0; round < 3; round++) {
            long sink = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                YearRecord r = records.get(i % records.size());
                sink += rules.derive(r.year(), r.assessment()).outcome().result().ordinal();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += validator.validate(records.get(i % records.size())).size();
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: derive %,.0f records/s, validate %,.0f records/s (%d)%n", round,
                    n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9), sink);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf("heap peak %,d MB%n", peak / (1024 * 1024));
    }
}
