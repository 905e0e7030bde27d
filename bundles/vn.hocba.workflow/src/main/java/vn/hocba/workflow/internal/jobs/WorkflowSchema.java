package vn.hocba.workflow.internal.jobs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/**
 * The workflow's own tables (jobs, items, signature boxes, issued documents), created on first use. Several hosts
 * may start at once on one PostgreSQL database: whoever loses the race to create them finds them there.
 */
public final class WorkflowSchema {

    public enum Dialect {
        DERBY, POSTGRESQL
    }

    static final int VERSION = 1;

    private WorkflowSchema() {
    }

    public static Dialect migrate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            Dialect dialect = product.contains("postgres") ? Dialect.POSTGRESQL : Dialect.DERBY;
            if (installedVersion(c) >= VERSION) return dialect;
            c.setAutoCommit(false);
            try {
                for (String ddl : ddl(dialect)) Jdbc.execute(c, ddl);
                Jdbc.execute(c, "INSERT INTO wf_schema (version) VALUES (" + VERSION + ")");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (installedVersion(c) < VERSION) throw e; // another host created them meanwhile otherwise
            }
            return dialect;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the workflow tables: " + e.getMessage(), e);
        }
    }

    private static int installedVersion(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM wf_schema")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            try {
                if (!c.getAutoCommit()) c.rollback();
            } catch (SQLException ignored) {
                // the connection is closed by the caller
            }
            return 0;
        }
    }

    private static List<String> ddl(Dialect d) {
        String blob = d == Dialect.POSTGRESQL ? "BYTEA" : "BLOB";
        return List.of(
                "CREATE TABLE wf_schema (version INT NOT NULL PRIMARY KEY)",
                "CREATE TABLE wf_job (job_id VARCHAR(64) NOT NULL PRIMARY KEY, kind VARCHAR(16) NOT NULL, "
                        + "school_code VARCHAR(64) NOT NULL, school_year INT NOT NULL, class_name VARCHAR(64) NOT NULL, "
                        + "requested_by VARCHAR(256) NOT NULL, signer_id VARCHAR(256) NOT NULL, "
                        + "signer_name VARCHAR(512) NOT NULL, signer_role VARCHAR(32) NOT NULL, "
                        + "credential_id VARCHAR(256) NOT NULL, needs_auth SMALLINT NOT NULL, "
                        + "cancelled SMALLINT NOT NULL, created_at BIGINT NOT NULL)",
                "CREATE INDEX wf_job_by_school ON wf_job (school_code, created_at)",
                "CREATE TABLE wf_job_item (job_id VARCHAR(64) NOT NULL REFERENCES wf_job (job_id), "
                        + "item_no INT NOT NULL, record_id VARCHAR(128) NOT NULL, version_no INT NOT NULL, "
                        + "status VARCHAR(16) NOT NULL, owner_host VARCHAR(128) NOT NULL, lease_until BIGINT NOT NULL, "
                        + "attempts INT NOT NULL, message_vi VARCHAR(2000) NOT NULL, message_en VARCHAR(2000) NOT NULL, "
                        + "staged_pdf " + blob + ", staged_xml " + blob + ", prepared " + blob + ", "
                        + "pending_handle VARCHAR(4000), updated_at BIGINT NOT NULL, PRIMARY KEY (job_id, item_no))",
                "CREATE INDEX wf_job_item_open ON wf_job_item (job_id, status, lease_until)",
                "CREATE TABLE wf_signature_box (school_code VARCHAR(64) NOT NULL, record_id VARCHAR(128) NOT NULL, "
                        + "version_no INT NOT NULL, role VARCHAR(32) NOT NULL, page INT NOT NULL, x REAL NOT NULL, "
                        + "y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL, "
                        + "PRIMARY KEY (school_code, record_id, version_no, role))",
                "CREATE TABLE wf_issued_document (sha256 CHAR(64) NOT NULL PRIMARY KEY, "
                        + "school_code VARCHAR(64) NOT NULL, record_id VARCHAR(128) NOT NULL, version_no INT NOT NULL, "
                        + "kind VARCHAR(8) NOT NULL)",
                "CREATE INDEX wf_issued_by_record ON wf_issued_document (school_code, record_id)",
                "CREATE TABLE wf_record_note (school_code VARCHAR(64) NOT NULL, record_id VARCHAR(128) NOT NULL, "
                        + "version_no INT NOT NULL, note_kind VARCHAR(16) NOT NULL, note VARCHAR(2000) NOT NULL, "
                        + "actor VARCHAR(256) NOT NULL, at_millis BIGINT NOT NULL, "
                        + "PRIMARY KEY (school_code, record_id, version_no, note_kind))");
    }
}
