package vn.hocba.workflow.internal.jobs;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** {@link DocumentIndex} in the workflow tables. */
public final class JdbcDocumentIndex implements DocumentIndex {

    private final Jdbc jdbc;

    public JdbcDocumentIndex(DataSource dataSource) {
        WorkflowSchema.migrate(dataSource);
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void putBoxes(String schoolCode, String recordId, int version, List<Box> boxes) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM wf_signature_box WHERE school_code = ? AND record_id = ? AND version_no = ?",
                    ps -> {
                        ps.setString(1, schoolCode);
                        ps.setString(2, recordId);
                        ps.setInt(3, version);
                    });
            for (Box b : boxes) {
                Jdbc.update(c, "INSERT INTO wf_signature_box (school_code, record_id, version_no, role, page, x, y, "
                        + "w, h) VALUES (?,?,?,?,?,?,?,?,?)", ps -> {
                            ps.setString(1, schoolCode);
                            ps.setString(2, recordId);
                            ps.setInt(3, version);
                            ps.setString(4, b.role());
                            ps.setInt(5, b.page());
                            ps.setFloat(6, b.x());
                            ps.setFloat(7, b.y());
                            ps.setFloat(8, b.width());
                            ps.setFloat(9, b.height());
                        });
            }
            return null;
        });
    }

    @Override
    public List<Box> boxes(String schoolCode, String recordId, int version) {
        return jdbc.query("SELECT role, page, x, y, w, h FROM wf_signature_box WHERE school_code = ? AND record_id = ? "
                + "AND version_no = ? ORDER BY role", ps -> {
                    ps.setString(1, schoolCode);
                    ps.setString(2, recordId);
                    ps.setInt(3, version);
                }, rs -> new Box(rs.getString(1), rs.getInt(2), rs.getFloat(3), rs.getFloat(4), rs.getFloat(5),
                        rs.getFloat(6)));
    }

    @Override
    public void putIssued(IssuedDocument d) {
        jdbc.inTransaction(c -> {
            boolean known = !Jdbc.query(c, "SELECT 1 FROM wf_issued_document WHERE sha256 = ?",
                    ps -> ps.setString(1, d.sha256()), rs -> 1).isEmpty();
            if (!known) {
                Jdbc.update(c, "INSERT INTO wf_issued_document (sha256, school_code, record_id, version_no, kind) "
                        + "VALUES (?,?,?,?,?)", ps -> {
                            ps.setString(1, d.sha256());
                            ps.setString(2, d.schoolCode());
                            ps.setString(3, d.recordId());
                            ps.setInt(4, d.version());
                            ps.setString(5, d.kind());
                        });
            }
            return null;
        });
    }

    @Override
    public Optional<IssuedDocument> issuedBySha256(String sha256) {
        return jdbc.query("SELECT sha256, school_code, record_id, version_no, kind FROM wf_issued_document "
                + "WHERE sha256 = ?", ps -> ps.setString(1, sha256), rs -> new IssuedDocument(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5))).stream().findFirst();
    }

    @Override
    public void putNote(String schoolCode, String recordId, int version, String kind, String note, String actor) {
        jdbc.inTransaction(c -> {
            Jdbc.Binder key = ps -> {
                ps.setString(1, schoolCode);
                ps.setString(2, recordId);
                ps.setInt(3, version);
                ps.setString(4, kind);
            };
            Jdbc.update(c, "DELETE FROM wf_record_note WHERE school_code = ? AND record_id = ? AND version_no = ? "
                    + "AND note_kind = ?", key);
            Jdbc.update(c, "INSERT INTO wf_record_note (school_code, record_id, version_no, note_kind, note, actor, "
                    + "at_millis) VALUES (?,?,?,?,?,?,?)", ps -> {
                        key.bind(ps);
                        ps.setString(5, note.length() > 2000 ? note.substring(0, 2000) : note);
                        ps.setString(6, actor);
                        ps.setLong(7, System.currentTimeMillis());
                    });
            return null;
        });
    }

    @Override
    public Optional<String> note(String schoolCode, String recordId, int version, String kind) {
        return jdbc.query("SELECT note FROM wf_record_note WHERE school_code = ? AND record_id = ? AND version_no = ? "
                + "AND note_kind = ?", ps -> {
                    ps.setString(1, schoolCode);
                    ps.setString(2, recordId);
                    ps.setInt(3, version);
                    ps.setString(4, kind);
                }, rs -> rs.getString(1)).stream().findFirst();
    }
}
