package vn.hocba.workflow.internal.jobs;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import javax.sql.DataSource;

import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.JobKind;

/**
 * Jobs in the database (Derby embedded for one host, PostgreSQL for several hosts sharing the work).
 *
 * <p>Claiming is safe across hosts on any database because every claim is a conditional update
 * ({@code UPDATE … WHERE status/lease still claimable}) that the database applies to one row at a time: of two hosts
 * racing for an item, one updates the row, the other updates nothing. On PostgreSQL the claim is one statement,
 * {@code UPDATE … WHERE (job_id, item_no) IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING …}: hosts claiming at the
 * same moment skip each other's rows instead of waiting for them, so N hosts take N different chunks.
 */
public final class JdbcJobStore implements JobStore {

    private static final String OPEN = "('PENDING','CLAIMED','STAGED','AWAITING')";
    private static final String ITEM_COLUMNS = "job_id, item_no, record_id, version_no, status, owner_host, "
            + "lease_until, attempts, message_vi, message_en, updated_at";

    private final Jdbc jdbc;
    private final WorkflowSchema.Dialect dialect;

    public JdbcJobStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        this.dialect = WorkflowSchema.migrate(dataSource);
    }

    @Override
    public void create(JobRow job, List<ItemRow> items) {
        long now = System.currentTimeMillis();
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO wf_job (job_id, kind, school_code, "
                    + "school_year, class_name, requested_by, signer_id, signer_name, signer_role, credential_id, "
                    + "needs_auth, cancelled, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, job.id());
                ps.setString(2, job.kind().name());
                ps.setString(3, job.schoolCode());
                ps.setInt(4, job.year());
                ps.setString(5, job.className());
                ps.setString(6, job.requestedBy());
                ps.setString(7, job.signerId());
                ps.setString(8, job.signerName());
                ps.setString(9, job.signerRole());
                ps.setString(10, job.credentialId());
                ps.setInt(11, job.needsAuthorisation() ? 1 : 0);
                ps.setInt(12, job.cancelled() ? 1 : 0);
                ps.setLong(13, job.createdAt().toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO wf_job_item (" + ITEM_COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (ItemRow i : items) {
                    ps.setString(1, job.id());
                    ps.setInt(2, i.itemNo());
                    ps.setString(3, i.recordId());
                    ps.setInt(4, i.version());
                    ps.setString(5, i.status().name());
                    ps.setString(6, "");
                    ps.setLong(7, 0);
                    ps.setInt(8, 0);
                    ps.setString(9, cut(i.messageVi()));
                    ps.setString(10, cut(i.messageEn()));
                    ps.setLong(11, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<JobRow> job(String jobId) {
        List<JobRow> rows = query("SELECT * FROM wf_job WHERE job_id = ?", ps -> ps.setString(1, jobId),
                JdbcJobStore::jobRow);
        return rows.stream().findFirst();
    }

    @Override
    public List<JobRow> jobs(String schoolCode, int limit) {
        String where = schoolCode == null ? "" : " WHERE school_code = ?";
        return query("SELECT * FROM wf_job" + where + " ORDER BY created_at DESC, job_id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", ps -> {
                    if (schoolCode != null) ps.setString(1, schoolCode);
                }, JdbcJobStore::jobRow);
    }

    @Override
    public List<ItemRow> items(String jobId) {
        return query("SELECT " + ITEM_COLUMNS + " FROM wf_job_item WHERE job_id = ? ORDER BY item_no",
                ps -> ps.setString(1, jobId), JdbcJobStore::itemRow);
    }

    @Override
    public JobCounts counts(String jobId) {
        // Read along the primary key (job, item), whose entries never move. A count grouped by status goes through
        // the (job, status, lease) index, and on Derby an item whose status changed under that scan was read twice
        // or not at all: a job of one item then read COMPLETED with total 0 while its item was being claimed.
        Map<ItemStatus, Integer> m = new EnumMap<>(ItemStatus.class);
        query("SELECT item_no, status FROM wf_job_item WHERE job_id = ? ORDER BY item_no",
                ps -> ps.setString(1, jobId), rs -> m.merge(ItemStatus.valueOf(rs.getString(2)), 1, Integer::sum));
        return new JobCounts(m);
    }

    @Override
    public Optional<Claim> claim(String owner, ToIntFunction<JobRow> maxOf, long now, long leaseUntil,
            Set<String> authorisedJobs) {
        List<JobRow> candidates = query("SELECT * FROM wf_job j WHERE j.cancelled = 0 AND EXISTS (SELECT 1 FROM "
                + "wf_job_item i WHERE i.job_id = j.job_id AND i.status IN " + OPEN + " AND i.lease_until <= ?) "
                + "ORDER BY j.created_at, j.job_id FETCH FIRST 50 ROWS ONLY", ps -> ps.setLong(1, now),
                JdbcJobStore::jobRow);
        for (JobRow job : candidates) {
            if (job.needsAuthorisation() && !authorisedJobs.contains(job.id())) continue;
            int max = Math.max(1, maxOf.applyAsInt(job));
            List<ItemRow> items = dialect == WorkflowSchema.Dialect.POSTGRESQL
                    ? claimSkipLocked(job.id(), owner, max, now, leaseUntil)
                    : claimOneByOne(job.id(), owner, max, now, leaseUntil);
            if (!items.isEmpty()) return Optional.of(new Claim(job, items));
        }
        return Optional.empty();
    }

    private List<ItemRow> claimSkipLocked(String jobId, String owner, int max, long now, long leaseUntil) {
        return query("UPDATE wf_job_item SET owner_host = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?, "
                + "status = CASE WHEN status = 'PENDING' THEN 'CLAIMED' ELSE status END "
                + "WHERE (job_id, item_no) IN (SELECT job_id, item_no FROM wf_job_item WHERE job_id = ? AND status IN "
                + OPEN + " AND lease_until <= ? ORDER BY item_no LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING "
                + ITEM_COLUMNS, ps -> {
                    ps.setString(1, owner);
                    ps.setLong(2, leaseUntil);
                    ps.setLong(3, now);
                    ps.setString(4, jobId);
                    ps.setLong(5, now);
                    ps.setInt(6, max);
                }, JdbcJobStore::itemRow).stream().sorted(java.util.Comparator.comparingInt(ItemRow::itemNo)).toList();
    }

    /**
     * Without SKIP LOCKED (Derby, embedded: one JVM) the workers of this host claim one at a time, so that two workers
     * never split one batch between them (two provider batches, two confirmations for one class).
     */
    private synchronized List<ItemRow> claimOneByOne(String jobId, String owner, int max, long now, long leaseUntil) {
        List<Integer> candidates = query("SELECT item_no FROM wf_job_item WHERE job_id = ? AND status IN " + OPEN
                + " AND lease_until <= ? ORDER BY item_no FETCH FIRST " + (max * 2) + " ROWS ONLY", ps -> {
                    ps.setString(1, jobId);
                    ps.setLong(2, now);
                }, rs -> rs.getInt(1));
        List<Integer> claimed = new ArrayList<>();
        for (int itemNo : candidates) {
            if (claimed.size() >= max) break;
            int n = update("UPDATE wf_job_item SET owner_host = ?, lease_until = ?, attempts = attempts + 1, "
                    + "updated_at = ?, status = CASE WHEN status = 'PENDING' THEN 'CLAIMED' ELSE status END "
                    + "WHERE job_id = ? AND item_no = ? AND status IN " + OPEN + " AND lease_until <= ?", ps -> {
                        ps.setString(1, owner);
                        ps.setLong(2, leaseUntil);
                        ps.setLong(3, now);
                        ps.setString(4, jobId);
                        ps.setInt(5, itemNo);
                        ps.setLong(6, now);
                    });
            if (n == 1) claimed.add(itemNo);
        }
        if (claimed.isEmpty()) return List.of();
        return items(jobId).stream().filter(i -> claimed.contains(i.itemNo()) && i.owner().equals(owner)).toList();
    }

    @Override
    public void renew(String jobId, List<Integer> itemNos, String owner, long leaseUntil) {
        for (int itemNo : itemNos) {
            update("UPDATE wf_job_item SET lease_until = ? WHERE job_id = ? AND item_no = ? AND owner_host = ? "
                    + "AND status IN " + OPEN, ps -> {
                        ps.setLong(1, leaseUntil);
                        ps.setString(2, jobId);
                        ps.setInt(3, itemNo);
                        ps.setString(4, owner);
                    });
        }
    }

    @Override
    public boolean stage(String jobId, int itemNo, String owner, ItemStatus status, Staged staged, long leaseUntil) {
        return update("UPDATE wf_job_item SET status = ?, staged_pdf = ?, staged_xml = ?, prepared = ?, "
                + "pending_handle = ?, lease_until = ?, updated_at = ? WHERE job_id = ? AND item_no = ? "
                + "AND owner_host = ? AND status IN " + OPEN, ps -> {
                    ps.setString(1, status.name());
                    ps.setBytes(2, staged.pdf());
                    ps.setBytes(3, staged.xml());
                    ps.setBytes(4, staged.prepared());
                    ps.setString(5, staged.handle());
                    ps.setLong(6, leaseUntil);
                    ps.setLong(7, System.currentTimeMillis());
                    ps.setString(8, jobId);
                    ps.setInt(9, itemNo);
                    ps.setString(10, owner);
                }) == 1;
    }

    @Override
    public Optional<Staged> staged(String jobId, int itemNo) {
        return query("SELECT staged_pdf, staged_xml, prepared, pending_handle FROM wf_job_item WHERE job_id = ? "
                + "AND item_no = ?", ps -> {
                    ps.setString(1, jobId);
                    ps.setInt(2, itemNo);
                }, rs -> new Staged(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4))).stream()
                .filter(s -> s.pdf() != null || s.xml() != null || s.prepared() != null).findFirst();
    }

    @Override
    public boolean finish(String jobId, int itemNo, String owner, ItemStatus status, String messageVi,
            String messageEn) {
        if (!status.finished()) throw new IllegalArgumentException("not a final status: " + status);
        return update("UPDATE wf_job_item SET status = ?, message_vi = ?, message_en = ?, staged_pdf = NULL, "
                + "staged_xml = NULL, prepared = NULL, pending_handle = '', updated_at = ? WHERE job_id = ? "
                + "AND item_no = ? AND owner_host = ? AND status IN " + OPEN, ps -> {
                    ps.setString(1, status.name());
                    ps.setString(2, cut(messageVi));
                    ps.setString(3, cut(messageEn));
                    ps.setLong(4, System.currentTimeMillis());
                    ps.setString(5, jobId);
                    ps.setInt(6, itemNo);
                    ps.setString(7, owner);
                }) == 1;
    }

    @Override
    public boolean release(String jobId, int itemNo, String owner, long notBefore, String messageVi,
            String messageEn) {
        return update("UPDATE wf_job_item SET status = 'PENDING', owner_host = '', lease_until = ?, message_vi = ?, "
                + "message_en = ?, updated_at = ? WHERE job_id = ? AND item_no = ? AND owner_host = ? "
                + "AND status = 'CLAIMED'", ps -> {
                    ps.setLong(1, notBefore);
                    ps.setString(2, cut(messageVi));
                    ps.setString(3, cut(messageEn));
                    ps.setLong(4, System.currentTimeMillis());
                    ps.setString(5, jobId);
                    ps.setInt(6, itemNo);
                    ps.setString(7, owner);
                }) == 1;
    }

    @Override
    public void cancel(String jobId) {
        update("UPDATE wf_job SET cancelled = 1 WHERE job_id = ?", ps -> ps.setString(1, jobId));
    }

    // --- rows

    private static JobRow jobRow(ResultSet rs) throws SQLException {
        return new JobRow(rs.getString("job_id"), JobKind.valueOf(rs.getString("kind")), rs.getString("school_code"),
                rs.getInt("school_year"), rs.getString("class_name"), rs.getString("requested_by"),
                rs.getString("signer_id"), rs.getString("signer_name"), rs.getString("signer_role"),
                rs.getString("credential_id"), rs.getInt("needs_auth") != 0, rs.getInt("cancelled") != 0,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static ItemRow itemRow(ResultSet rs) throws SQLException {
        return new ItemRow(rs.getString("job_id"), rs.getInt("item_no"), rs.getString("record_id"),
                rs.getInt("version_no"), ItemStatus.valueOf(rs.getString("status")), rs.getString("owner_host"),
                rs.getLong("lease_until"), rs.getInt("attempts"), rs.getString("message_vi"),
                rs.getString("message_en"), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static String cut(String s) {
        if (s == null) return "";
        return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowMapper<T> mapper) {
        return jdbc.query(sql, binder, mapper);
    }

    private int update(String sql, Jdbc.Binder binder) {
        return jdbc.update(sql, binder);
    }

    private <T> T inTransaction(Jdbc.Work<T> work) {
        return jdbc.inTransaction(work);
    }
}
