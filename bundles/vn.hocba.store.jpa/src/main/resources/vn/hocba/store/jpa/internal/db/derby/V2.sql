-- signing and export state of record versions; superseded_by on versions; class index
CREATE TABLE signing_state (
  school_code VARCHAR(64) NOT NULL,
  record_id VARCHAR(128) NOT NULL,
  version_no INT NOT NULL,
  signer_role VARCHAR(64) NOT NULL,
  signer_id VARCHAR(256) NOT NULL,
  provider_id VARCHAR(128) NOT NULL,
  provider_ref VARCHAR(512) NOT NULL,
  status VARCHAR(16) NOT NULL,
  updated_at BIGINT NOT NULL,
  message VARCHAR(4000) NOT NULL,
  PRIMARY KEY (school_code, record_id, version_no, signer_role),
  FOREIGN KEY (school_code, record_id, version_no) REFERENCES record_version (school_code, record_id, version_no)
);
CREATE INDEX signing_state_by_status ON signing_state (school_code, status);

CREATE TABLE export_state (
  school_code VARCHAR(64) NOT NULL,
  record_id VARCHAR(128) NOT NULL,
  version_no INT NOT NULL,
  exporter_id VARCHAR(128) NOT NULL,
  status VARCHAR(16) NOT NULL,
  batch_id VARCHAR(256) NOT NULL,
  attempts INT NOT NULL,
  receipt VARCHAR(32000) NOT NULL,
  updated_at BIGINT NOT NULL,
  message VARCHAR(4000) NOT NULL,
  PRIMARY KEY (school_code, record_id, version_no, exporter_id),
  FOREIGN KEY (school_code, record_id, version_no) REFERENCES record_version (school_code, record_id, version_no)
);
CREATE INDEX export_state_by_status ON export_state (school_code, exporter_id, status);

ALTER TABLE record_version ADD COLUMN superseded_by INT NOT NULL DEFAULT 0;
-- a version superseded under V1 was always replaced by the next one
UPDATE record_version SET superseded_by = version_no + 1 WHERE record_state = 'SUPERSEDED';
CREATE INDEX record_version_by_class ON record_version (school_code, school_year, class_name);
CREATE INDEX record_version_by_state ON record_version (school_code, school_year, record_state);
