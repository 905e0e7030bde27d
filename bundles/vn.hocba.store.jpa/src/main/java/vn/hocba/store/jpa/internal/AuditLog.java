package vn.hocba.store.jpa.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import vn.hocba.store.AuditEntry;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.AuditTrail;
import vn.hocba.store.AuditVerification;
import vn.hocba.store.NotFoundException;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.jpa.internal.entity.AuditEntryRow;
import vn.hocba.store.jpa.internal.entity.AuditHeadRow;
import vn.hocba.store.jpa.internal.entity.SchoolRow;

/**
 * The hash-chained audit trail. Each school has one chain and one head row; every write transaction of a school
 * locks the head first (so a school's writes, and its chain, form one line, and no two transactions ever wait for
 * each other in opposite order), collects its events, and appends them before commit.
 */
final class AuditLog implements AuditTrail {

    private static final CanonicalJson JSON = new CanonicalJson(Set.of());
    private static final int VERIFY_PAGE = 1000;

    private final Database db;
    private final Clock clock;

    AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The events of one write transaction of a school, appended by {@link #finish()}. */
    final class Chain {
        private final EntityManager em;
        private final String schoolCode;
        private final List<AuditEvent> events = new ArrayList<>();
        private final List<AuditEntry> written = new ArrayList<>();

        private Chain(EntityManager em, String schoolCode) {
            this.em = em;
            this.schoolCode = schoolCode;
        }

        void add(AuditEvent event) {
            events.add(event);
        }

        List<AuditEntry> finish() {
            if (events.isEmpty()) return written;
            AuditHeadRow head = em.find(AuditHeadRow.class, schoolCode); // locked by begin()
            long at = clock.millis();
            for (AuditEvent e : events) {
                AuditEntryRow row = new AuditEntryRow();
                row.schoolCode = schoolCode;
                row.seq = head.seq + 1;
                row.atMillis = at;
                row.actor = e.actor();
                row.action = e.action();
                row.target = e.target();
                row.beforeHash = e.beforeHash();
                row.afterHash = e.afterHash();
                row.detail = e.detail();
                row.prevHash = head.entryHash;
                row.entryHash = entryHash(row);
                em.persist(row);
                head.seq = row.seq;
                head.entryHash = row.entryHash;
                written.add(toEntry(row));
            }
            events.clear();
            return written;
        }
    }

    /**
     * Locks the school's chain head for the rest of the transaction; the first thing every write of a school does.
     *
     * @throws NotFoundException if the school is not registered
     */
    Chain begin(EntityManager em, String schoolCode) {
        AuditHeadRow head = em.find(AuditHeadRow.class, schoolCode, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            if (em.find(SchoolRow.class, schoolCode) == null) throw Schools.unknownSchool(schoolCode);
            head = new AuditHeadRow();
            head.schoolCode = schoolCode;
            head.seq = 0;
            head.entryHash = Hashes.GENESIS;
            em.persist(head);
            em.flush();
        }
        return new Chain(em, schoolCode);
    }

    @Override
    public AuditEntry append(SchoolScope scope, AuditEvent event) {
        return db.inTransaction(em -> {
            Chain chain = begin(em, scope.schoolCode());
            chain.add(event);
            return chain.finish().get(0);
        });
    }

    @Override
    public List<AuditEntry> entries(SchoolScope scope, long fromSeq, int limit) {
        return db.read(em -> page(em, scope.schoolCode(), fromSeq, limit).stream().map(AuditLog::toEntry).toList());
    }

    @Override
    public AuditVerification verify(SchoolScope scope) {
        return db.read(em -> {
            String code = scope.schoolCode();
            String prev = Hashes.GENESIS;
            long expectedSeq = 1;
            long checked = 0;
            long from = 1;
            while (true) {
                List<AuditEntryRow> rows = page(em, code, from, VERIFY_PAGE);
                for (AuditEntryRow r : rows) {
                    checked++;
                    if (r.seq != expectedSeq) {
                        return broken(checked, expectedSeq, prev,
                                "thiếu mục số " + expectedSeq + " (mục tiếp theo là " + r.seq + ")",
                                "entry " + expectedSeq + " is missing (the next one is " + r.seq + ")");
                    }
                    if (!r.prevHash.equals(prev)) {
                        return broken(checked, r.seq, prev, "mục số " + r.seq + " không nối với mục trước",
                                "entry " + r.seq + " does not link to the previous entry");
                    }
                    if (!entryHash(r).equals(r.entryHash)) {
                        return broken(checked, r.seq, prev, "mục số " + r.seq + " đã bị sửa",
                                "entry " + r.seq + " was edited");
                    }
                    prev = r.entryHash;
                    expectedSeq++;
                }
                if (rows.size() < VERIFY_PAGE) break;
                from = expectedSeq;
                em.clear();
            }
            AuditHeadRow head = em.find(AuditHeadRow.class, code);
            long headSeq = head == null ? 0 : head.seq;
            if (headSeq != expectedSeq - 1 || (head != null && !head.entryHash.equals(prev))) {
                long firstMissing = Math.min(expectedSeq, headSeq == 0 ? expectedSeq : headSeq);
                return broken(checked, firstMissing, prev,
                        "mục cuối của chuỗi là số " + (expectedSeq - 1) + " nhưng đầu chuỗi ghi số " + headSeq
                                + ": các mục cuối đã bị xoá hoặc sửa",
                        "the chain ends at entry " + (expectedSeq - 1) + " but its head says " + headSeq
                                + ": entries at the end were removed or edited");
            }
            return new AuditVerification(true, checked, 0, prev, "", "");
        });
    }

    private static AuditVerification broken(long checked, long seq, String headHash, String vi, String en) {
        return new AuditVerification(false, checked, seq, headHash, "Chuỗi nhật ký bị phá vỡ: " + vi + ".",
                "The audit chain is broken: " + en + ".");
    }

    private static List<AuditEntryRow> page(EntityManager em, String code, long fromSeq, int limit) {
        return em.createQuery("SELECT a FROM AuditEntryRow a WHERE a.schoolCode = :s AND a.seq >= :from ORDER BY a.seq",
                AuditEntryRow.class).setParameter("s", code).setParameter("from", fromSeq).setMaxResults(limit)
                .getResultList();
    }

    /** SHA-256 over the previous hash and the canonical JSON of the entry's fields. */
    static String entryHash(AuditEntryRow r) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("school", r.schoolCode);
        fields.put("seq", r.seq);
        fields.put("at", r.atMillis);
        fields.put("actor", r.actor);
        fields.put("action", r.action);
        fields.put("target", r.target);
        fields.put("before", r.beforeHash);
        fields.put("after", r.afterHash);
        fields.put("detail", r.detail);
        byte[] json = JSON.write(fields);
        byte[] prev = r.prevHash.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prev.length + 1 + json.length];
        System.arraycopy(prev, 0, all, 0, prev.length);
        all[prev.length] = '\n';
        System.arraycopy(json, 0, all, prev.length + 1, json.length);
        return Hashes.sha256(all);
    }

    static AuditEntry toEntry(AuditEntryRow r) {
        return new AuditEntry(r.schoolCode, r.seq, Instant.ofEpochMilli(r.atMillis),
                new AuditEvent(r.actor, r.action, r.target, r.beforeHash, r.afterHash, r.detail), r.prevHash,
                r.entryHash);
    }
}
