package vn.hocba.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.AuditVerification;
import vn.hocba.store.RecordRef;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.jpa.internal.entity.AuditEntryRow;

/**
 * Rows as the code of schema version 1 wrote them, with plain SQL on a V1 database: drafts, an issued correction
 * whose first version is superseded, artefacts, pupils, assessments and an audit chain.
 */
record V1Data(List<YearRecord> drafts, YearRecord issuedV1, YearRecord issuedV2, List<PupilIdentity> pupils) {

    static final String SCHOOL = "HP-V1";
    static final byte[] PDF = "%PDF v1 era".getBytes(StandardCharsets.US_ASCII);
    static final byte[] XML = "<v1/>".getBytes(StandardCharsets.US_ASCII);

    String issuedRecordId() {
        return issuedV1.recordId();
    }

    static V1Data write(DataSource ds, int count) throws SQLException {
        List<YearRecord> drafts = Fixtures.classRecords(SCHOOL, "3A", count);
        YearRecord v1 = Fixtures.record(SCHOOL, "3B", 1000);
        YearRecord v2 = new YearRecord(v1.recordId(), 2, null, v1.school(), v1.schoolClass(), v1.pupil(), v1.history(),
                v1.assessment(), v1.outcome(), v1.override(), new YearRecord.Correction(1, "Sai tên cha", "ht.lan"),
                v1.place(), v1.issueDate());
        List<PupilIdentity> pupils = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            exec(c, "INSERT INTO school (school_code, name, district, province, revision, updated_at) VALUES (?,?,?,?,1,1)",
                    SCHOOL, "Trường Tiểu học thời V1", "HP-AL", "HP");
            exec(c, "INSERT INTO school_class (school_code, school_year, class_name, grade, homeroom_teacher, revision,"
                    + " updated_at) VALUES (?,?,?,?,?,1,1)", SCHOOL, 2024, "3A", 3, "Nguyễn Thị Hương");
            for (YearRecord r : drafts) {
                version(c, r, "DRAFT", null);
                pupils.add(r.pupil());
                byte[] p = Codecs.PLAIN.write(r.pupil());
                exec(c, "INSERT INTO pupil (school_code, pupil_code, personal_id, full_name, content, content_sha256,"
                        + " revision, updated_at) VALUES (?,?,?,?,?,?,1,1)", SCHOOL, r.pupil().pupilCode(),
                        r.pupil().personalId(), r.pupil().fullName(), p, Hashes.sha256(p));
                byte[] a = Codecs.PLAIN.write(r.assessment());
                exec(c, "INSERT INTO assessment (school_code, school_year, pupil_code, class_name, grade, content,"
                        + " content_sha256, revision, updated_at) VALUES (?,?,?,?,?,?,?,1,1)", SCHOOL, 2024,
                        r.pupil().pupilCode(), "3A", 3, a, Hashes.sha256(a));
            }
            version(c, v1, "SUPERSEDED", 1_700_000_000_000L);
            version(c, v2, "ISSUED", 1_700_000_100_000L);
            for (var e : Map.of("PDF", PDF, "XML", XML).entrySet()) {
                exec(c, "INSERT INTO record_artefact (school_code, record_id, version_no, kind, sha256, byte_size,"
                        + " content, frozen) VALUES (?,?,?,?,?,?,?,1)", SCHOOL, v2.recordId(), 2, e.getKey(),
                        Hashes.sha256(e.getValue()), (long) e.getValue().length, e.getValue());
            }
            String prev = Hashes.GENESIS;
            for (int seq = 1; seq <= count; seq++) {
                AuditEntryRow row = new AuditEntryRow();
                row.schoolCode = SCHOOL;
                row.seq = seq;
                row.atMillis = 1_690_000_000_000L + seq;
                row.actor = "gv.huong";
                row.action = "record.create";
                row.target = drafts.get(seq - 1).recordId() + "/v1";
                row.beforeHash = "";
                row.afterHash = Hashes.sha256(Codecs.RECORD.write(drafts.get(seq - 1)));
                row.detail = "nhập từ V1";
                row.prevHash = prev;
                row.entryHash = AuditLog.entryHash(row);
                exec(c, "INSERT INTO audit_entry (school_code, seq, at_millis, actor, audit_action, target_ref,"
                        + " before_hash, after_hash, detail, prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        row.schoolCode, row.seq, row.atMillis, row.actor, row.action, row.target, row.beforeHash,
                        row.afterHash, row.detail, row.prevHash, row.entryHash);
                prev = row.entryHash;
            }
            exec(c, "INSERT INTO audit_head (school_code, seq, entry_hash) VALUES (?,?,?)", SCHOOL, (long) count, prev);
            c.commit();
        }
        return new V1Data(drafts, v1, v2, pupils);
    }

    private static void version(Connection c, YearRecord r, String state, Long issuedAt) throws SQLException {
        byte[] content = Codecs.RECORD.write(r);
        exec(c, "INSERT INTO record_version (school_code, record_id, version_no, school_year, class_name, grade,"
                + " pupil_code, full_name, record_state, result_code, replaces_version, content, content_sha256,"
                + " created_at, updated_at, issued_at, revision) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1,1,?,3)",
                SCHOOL, r.recordId(), r.version(), 2024, r.schoolClass().name(), 3, r.pupil().pupilCode(),
                r.pupil().fullName(), state, r.effectiveResult().nationalCode(),
                r.correction() == null ? new Null(java.sql.Types.INTEGER) : r.correction().replacesVersion(), content,
                Hashes.sha256(content), issuedAt == null ? new Null(java.sql.Types.BIGINT) : issuedAt);
    }

    /** A typed SQL NULL parameter. */
    private record Null(int sqlType) {
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof Null n) ps.setNull(i + 1, n.sqlType());
                else if (a instanceof byte[] b) ps.setBytes(i + 1, b);
                else if (a instanceof Long l) ps.setLong(i + 1, l);
                else if (a instanceof Integer n) ps.setInt(i + 1, n);
                else ps.setString(i + 1, (String) a);
            }
            ps.executeUpdate();
        }
    }

    static Map<String, Long> counts(DataSource ds) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = ds.getConnection()) {
            for (String t : StoreContract.tables()) counts.put(t, StoreContract.countRows(c, t));
        }
        return counts;
    }

    /** Every row reads back through the upgraded store exactly as it was written. */
    void assertIntact(JpaStore store) {
        SchoolScope scope = SchoolScope.of(SCHOOL);
        assertEquals("Trường Tiểu học thời V1", store.school(scope).orElseThrow().name());
        assertEquals(1, store.classes(scope, Fixtures.YEAR).size());
        for (YearRecord r : drafts) {
            StoredRecord s = store.latest(scope, r.recordId()).orElseThrow();
            assertEquals(r.withState(RecordState.DRAFT), s.record());
            assertEquals(Hashes.sha256(Codecs.RECORD.write(r)), s.contentSha256());
            assertEquals(3, s.revision());
            assertEquals(r.assessment(), store.assessment(scope, Fixtures.YEAR, r.pupil().pupilCode()).orElseThrow().assessment());
        }
        List<PupilIdentity> expected = pupils.stream().sorted((a, b) -> a.pupilCode().compareTo(b.pupilCode())).toList();
        assertEquals(expected, store.pupils(scope).stream().map(p -> p.identity()).toList());
        StoredRecord old = store.find(scope, new RecordRef(issuedV1.recordId(), 1)).orElseThrow();
        assertEquals(RecordState.SUPERSEDED, old.state());
        assertEquals(2, old.supersededBy(), "V2 backfilled superseded_by");
        assertEquals(issuedV1.withState(RecordState.SUPERSEDED), old.record());
        StoredRecord current = store.find(scope, new RecordRef(issuedV2.recordId(), 2)).orElseThrow();
        assertEquals(issuedV2.withState(RecordState.ISSUED), current.record());
        assertEquals(0, current.supersededBy());
        assertArrayEquals(PDF, store.artefact(scope, current.ref(), ArtefactKind.PDF).orElseThrow());
        assertArrayEquals(XML, store.artefact(scope, current.ref(), ArtefactKind.XML).orElseThrow());
        AuditVerification v = store.verify(scope);
        assertTrue(v.intact(), v.problemEn());
        assertEquals(drafts.size(), v.entriesChecked());
    }
}
