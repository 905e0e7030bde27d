-- schools, classes, pupils, assessments, year-record versions and artefacts, audit chain; immutability triggers
CREATE TABLE school (
  school_code VARCHAR(64) NOT NULL PRIMARY KEY,
  name VARCHAR(512) NOT NULL,
  district VARCHAR(64) NOT NULL,
  province VARCHAR(64) NOT NULL,
  revision BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE school_class (
  school_code VARCHAR(64) NOT NULL REFERENCES school (school_code),
  school_year INT NOT NULL,
  class_name VARCHAR(64) NOT NULL,
  grade INT NOT NULL,
  homeroom_teacher VARCHAR(256) NOT NULL,
  revision BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (school_code, school_year, class_name)
);

CREATE TABLE pupil (
  school_code VARCHAR(64) NOT NULL REFERENCES school (school_code),
  pupil_code VARCHAR(64) NOT NULL,
  personal_id VARCHAR(32) NOT NULL,
  full_name VARCHAR(256) NOT NULL,
  content BYTEA NOT NULL,
  content_sha256 CHAR(64) NOT NULL,
  revision BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (school_code, pupil_code)
);

CREATE TABLE assessment (
  school_code VARCHAR(64) NOT NULL REFERENCES school (school_code),
  school_year INT NOT NULL,
  pupil_code VARCHAR(64) NOT NULL,
  class_name VARCHAR(64) NOT NULL,
  grade INT NOT NULL,
  content BYTEA NOT NULL,
  content_sha256 CHAR(64) NOT NULL,
  revision BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (school_code, school_year, pupil_code)
);
CREATE INDEX assessment_by_class ON assessment (school_code, school_year, class_name);

CREATE TABLE record_version (
  school_code VARCHAR(64) NOT NULL REFERENCES school (school_code),
  record_id VARCHAR(128) NOT NULL,
  version_no INT NOT NULL,
  school_year INT NOT NULL,
  class_name VARCHAR(64) NOT NULL,
  grade INT NOT NULL,
  pupil_code VARCHAR(64) NOT NULL,
  full_name VARCHAR(256) NOT NULL,
  record_state VARCHAR(24) NOT NULL,
  result_code VARCHAR(8),
  replaces_version INT,
  content BYTEA NOT NULL,
  content_sha256 CHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  issued_at BIGINT,
  revision BIGINT NOT NULL,
  PRIMARY KEY (school_code, record_id, version_no),
  CONSTRAINT one_record_per_pupil_year UNIQUE (school_code, school_year, pupil_code, version_no)
);

CREATE TABLE record_artefact (
  school_code VARCHAR(64) NOT NULL,
  record_id VARCHAR(128) NOT NULL,
  version_no INT NOT NULL,
  kind VARCHAR(8) NOT NULL,
  sha256 CHAR(64) NOT NULL,
  byte_size BIGINT NOT NULL,
  content BYTEA NOT NULL,
  frozen SMALLINT NOT NULL,
  PRIMARY KEY (school_code, record_id, version_no, kind),
  FOREIGN KEY (school_code, record_id, version_no) REFERENCES record_version (school_code, record_id, version_no)
);

CREATE TABLE audit_entry (
  school_code VARCHAR(64) NOT NULL REFERENCES school (school_code),
  seq BIGINT NOT NULL,
  at_millis BIGINT NOT NULL,
  actor VARCHAR(256) NOT NULL,
  audit_action VARCHAR(64) NOT NULL,
  target_ref VARCHAR(256) NOT NULL,
  before_hash VARCHAR(64) NOT NULL,
  after_hash VARCHAR(64) NOT NULL,
  detail VARCHAR(4000) NOT NULL,
  prev_hash CHAR(64) NOT NULL,
  entry_hash CHAR(64) NOT NULL,
  PRIMARY KEY (school_code, seq)
);

CREATE TABLE audit_head (
  school_code VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES school (school_code),
  seq BIGINT NOT NULL,
  entry_hash CHAR(64) NOT NULL
);

-- Issued versions and their artefacts never change; the audit trail is append-only. The messages start with the
-- token the store recognises.
CREATE FUNCTION hocba_record_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.issued_at IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ISSUED_VERSION_IMMUTABLE: % v% of school % is issued and cannot be deleted',
      OLD.record_id, OLD.version_no, OLD.school_code USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.school_code IS DISTINCT FROM OLD.school_code OR NEW.record_id IS DISTINCT FROM OLD.record_id
     OR NEW.version_no IS DISTINCT FROM OLD.version_no OR NEW.school_year IS DISTINCT FROM OLD.school_year
     OR NEW.class_name IS DISTINCT FROM OLD.class_name OR NEW.grade IS DISTINCT FROM OLD.grade
     OR NEW.pupil_code IS DISTINCT FROM OLD.pupil_code OR NEW.full_name IS DISTINCT FROM OLD.full_name
     OR NEW.result_code IS DISTINCT FROM OLD.result_code OR NEW.replaces_version IS DISTINCT FROM OLD.replaces_version
     OR NEW.content IS DISTINCT FROM OLD.content OR NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256
     OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.issued_at IS DISTINCT FROM OLD.issued_at THEN
    RAISE EXCEPTION 'ISSUED_VERSION_IMMUTABLE: % v% of school % is issued and its content cannot change',
      OLD.record_id, OLD.version_no, OLD.school_code USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER record_version_guard BEFORE UPDATE OR DELETE ON record_version
  FOR EACH ROW EXECUTE PROCEDURE hocba_record_version_guard();

CREATE FUNCTION hocba_record_artefact_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.frozen = 0 THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ISSUED_VERSION_IMMUTABLE: the % of % v% of school % is issued and cannot change',
    OLD.kind, OLD.record_id, OLD.version_no, OLD.school_code USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER record_artefact_guard BEFORE UPDATE OR DELETE ON record_artefact
  FOR EACH ROW EXECUTE PROCEDURE hocba_record_artefact_guard();

CREATE FUNCTION hocba_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AUDIT_APPEND_ONLY: audit entries are never changed or removed'
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER audit_entry_guard BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE PROCEDURE hocba_audit_guard();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE PROCEDURE hocba_audit_guard();
CREATE FUNCTION hocba_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ISSUED_VERSION_IMMUTABLE: % cannot be truncated', TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER record_version_no_truncate BEFORE TRUNCATE ON record_version
  FOR EACH STATEMENT EXECUTE PROCEDURE hocba_no_truncate();
CREATE TRIGGER record_artefact_no_truncate BEFORE TRUNCATE ON record_artefact
  FOR EACH STATEMENT EXECUTE PROCEDURE hocba_no_truncate();
