package vn.hocba.workflow.internal.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vn.hocba.workflow.ItemStatus;

/** {@link JobStore} in memory, for tests: one lock around everything plays the database's row locks. */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, JobRow> jobs = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, ItemRow>> items = new LinkedHashMap<>();
    private final Map<String, Staged> staged = new LinkedHashMap<>();

    private static String key(String jobId, int itemNo) {
        return jobId + "#" + itemNo;
    }

    @Override
    public synchronized void create(JobRow job, List<ItemRow> rows) {
        if (jobs.containsKey(job.id())) throw new IllegalStateException("duplicate job " + job.id());
        jobs.put(job.id(), job);
        TreeMap<Integer, ItemRow> m = new TreeMap<>();
        for (ItemRow r : rows) {
            m.put(r.itemNo(), new ItemRow(job.id(), r.itemNo(), r.recordId(), r.version(), r.status(), "", 0, 0,
                    r.messageVi(), r.messageEn(), Instant.now()));
        }
        items.put(job.id(), m);
    }

    @Override
    public synchronized Optional<JobRow> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public synchronized List<JobRow> jobs(String schoolCode, int limit) {
        return jobs.values().stream().filter(j -> schoolCode == null || j.schoolCode().equals(schoolCode))
                .sorted(Comparator.comparing(JobRow::createdAt).thenComparing(JobRow::id).reversed()).limit(limit)
                .toList();
    }

    @Override
    public synchronized List<ItemRow> items(String jobId) {
        return List.copyOf(items.getOrDefault(jobId, new TreeMap<>()).values());
    }

    @Override
    public synchronized JobCounts counts(String jobId) {
        Map<ItemStatus, Integer> m = new EnumMap<>(ItemStatus.class);
        for (ItemRow r : items(jobId)) m.merge(r.status(), 1, Integer::sum);
        return new JobCounts(m);
    }

    private static boolean claimable(ItemRow r, long now) {
        return !r.status().finished() && r.leaseUntil() <= now;
    }

    @Override
    public synchronized Optional<Claim> claim(String owner, java.util.function.ToIntFunction<JobRow> maxOf, long now,
            long leaseUntil, Set<String> authorisedJobs) {
        List<JobRow> open = jobs.values().stream().filter(j -> !j.cancelled())
                .filter(j -> !j.needsAuthorisation() || authorisedJobs.contains(j.id()))
                .sorted(Comparator.comparing(JobRow::createdAt).thenComparing(JobRow::id)).toList();
        for (JobRow job : open) {
            int max = Math.max(1, maxOf.applyAsInt(job));
            List<ItemRow> claimed = new ArrayList<>();
            for (ItemRow r : items.get(job.id()).values()) {
                if (claimed.size() >= max) break;
                if (!claimable(r, now)) continue;
                ItemStatus s = r.status() == ItemStatus.PENDING ? ItemStatus.CLAIMED : r.status();
                ItemRow c = new ItemRow(r.jobId(), r.itemNo(), r.recordId(), r.version(), s, owner, leaseUntil,
                        r.attempts() + 1, r.messageVi(), r.messageEn(), Instant.ofEpochMilli(now));
                items.get(job.id()).put(r.itemNo(), c);
                claimed.add(c);
            }
            if (!claimed.isEmpty()) return Optional.of(new Claim(job, claimed));
        }
        return Optional.empty();
    }

    private ItemRow owned(String jobId, int itemNo, String owner) {
        ItemRow r = items.getOrDefault(jobId, new TreeMap<>()).get(itemNo);
        return r != null && r.owner().equals(owner) && !r.status().finished() ? r : null;
    }

    private void put(ItemRow r, ItemStatus status, String owner, long lease, String vi, String en) {
        items.get(r.jobId()).put(r.itemNo(), new ItemRow(r.jobId(), r.itemNo(), r.recordId(), r.version(), status,
                owner, lease, r.attempts(), vi, en, Instant.now()));
    }

    @Override
    public synchronized void renew(String jobId, List<Integer> itemNos, String owner, long leaseUntil) {
        for (int n : itemNos) {
            ItemRow r = owned(jobId, n, owner);
            if (r != null) put(r, r.status(), owner, leaseUntil, r.messageVi(), r.messageEn());
        }
    }

    @Override
    public synchronized boolean stage(String jobId, int itemNo, String owner, ItemStatus status, Staged s,
            long leaseUntil) {
        ItemRow r = owned(jobId, itemNo, owner);
        if (r == null) return false;
        put(r, status, owner, leaseUntil, r.messageVi(), r.messageEn());
        staged.put(key(jobId, itemNo), s);
        return true;
    }

    @Override
    public synchronized Optional<Staged> staged(String jobId, int itemNo) {
        return Optional.ofNullable(staged.get(key(jobId, itemNo)));
    }

    @Override
    public synchronized boolean finish(String jobId, int itemNo, String owner, ItemStatus status, String vi,
            String en) {
        if (!status.finished()) throw new IllegalArgumentException("not a final status: " + status);
        ItemRow r = owned(jobId, itemNo, owner);
        if (r == null) return false;
        put(r, status, owner, r.leaseUntil(), vi, en);
        staged.remove(key(jobId, itemNo));
        return true;
    }

    @Override
    public synchronized boolean release(String jobId, int itemNo, String owner, long notBefore, String vi,
            String en) {
        ItemRow r = owned(jobId, itemNo, owner);
        if (r == null || r.status() != ItemStatus.CLAIMED) return false;
        put(r, ItemStatus.PENDING, "", notBefore, vi, en);
        return true;
    }

    @Override
    public synchronized void cancel(String jobId) {
        JobRow j = jobs.get(jobId);
        if (j != null) {
            jobs.put(jobId, new JobRow(j.id(), j.kind(), j.schoolCode(), j.year(), j.className(), j.requestedBy(),
                    j.signerId(), j.signerName(), j.signerRole(), j.credentialId(), j.needsAuthorisation(), true,
                    j.createdAt()));
        }
    }
}
