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
  content BLOB NOT NULL,
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
  content BLOB NOT NULL,
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
  content BLOB NOT NULL,
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
  content BLOB NOT NULL,
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

-- Derby has no SIGNAL: a trigger that must refuse a statement inserts a row that this table's checks reject, which
-- undoes the whole statement. The constraint name is the message the store recognises.
CREATE TABLE hocba_guard (
  reason VARCHAR(64) NOT NULL,
  CONSTRAINT issued_version_immutable CHECK (reason <> 'ISSUED_VERSION_IMMUTABLE'),
  CONSTRAINT audit_append_only CHECK (reason <> 'AUDIT_APPEND_ONLY')
);

CREATE TRIGGER record_version_issued_update AFTER UPDATE OF school_code, record_id, version_no, school_year,
  class_name, grade, pupil_code, full_name, result_code, replaces_version, content, content_sha256, created_at,
  issued_at ON record_version
  REFERENCING OLD AS o FOR EACH ROW WHEN (o.issued_at IS NOT NULL)
  INSERT INTO hocba_guard (reason) VALUES ('ISSUED_VERSION_IMMUTABLE');

CREATE TRIGGER record_version_issued_delete AFTER DELETE ON record_version
  REFERENCING OLD AS o FOR EACH ROW WHEN (o.issued_at IS NOT NULL)
  INSERT INTO hocba_guard (reason) VALUES ('ISSUED_VERSION_IMMUTABLE');

CREATE TRIGGER record_artefact_frozen_update AFTER UPDATE OF school_code, record_id, version_no, kind, sha256,
  byte_size, content, frozen ON record_artefact
  REFERENCING OLD AS o FOR EACH ROW WHEN (o.frozen <> 0)
  INSERT INTO hocba_guard (reason) VALUES ('ISSUED_VERSION_IMMUTABLE');

CREATE TRIGGER record_artefact_frozen_delete AFTER DELETE ON record_artefact
  REFERENCING OLD AS o FOR EACH ROW WHEN (o.frozen <> 0)
  INSERT INTO hocba_guard (reason) VALUES ('ISSUED_VERSION_IMMUTABLE');

CREATE TRIGGER audit_entry_no_update AFTER UPDATE ON audit_entry FOR EACH ROW
  INSERT INTO hocba_guard (reason) VALUES ('AUDIT_APPEND_ONLY');

CREATE TRIGGER audit_entry_no_delete AFTER DELETE ON audit_entry FOR EACH ROW
  INSERT INTO hocba_guard (reason) VALUES ('AUDIT_APPEND_ONLY');
