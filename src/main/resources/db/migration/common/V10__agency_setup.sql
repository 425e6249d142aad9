-- Setting up an agency from nothing (机构设置): the agency's 统一社会信用代码, unit names unique within an agency,
-- and a status on certificates and qualifications. 暂扣 (suspended) and 注销/吊销 (revoked) make a certificate
-- invalid while its dates still run; the status replaces the former revoked flag.
ALTER TABLE org_unit ADD COLUMN credit_code VARCHAR(18);
ALTER TABLE org_unit ADD CONSTRAINT uq_org_unit_credit_code UNIQUE (credit_code);
ALTER TABLE org_unit ADD CONSTRAINT uq_org_unit_name UNIQUE (agency_id, name);
ALTER TABLE org_unit ADD CONSTRAINT fk_org_unit_agency FOREIGN KEY (agency_id) REFERENCES org_unit (id);

ALTER TABLE officer_certificate ADD COLUMN enforcement_field VARCHAR(100);
ALTER TABLE officer_certificate ADD COLUMN status VARCHAR(20) DEFAULT 'VALID' NOT NULL;
UPDATE officer_certificate SET status = 'REVOKED' WHERE revoked = TRUE;
ALTER TABLE officer_certificate DROP COLUMN revoked;
ALTER TABLE officer_certificate ADD CONSTRAINT ck_officer_certificate_status
    CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED'));
CREATE INDEX ix_officer_certificate_valid_to ON officer_certificate (valid_to);

-- a 法律职业资格 is revoked (吊销) or cancelled (注销), never suspended
ALTER TABLE legal_qualification ADD COLUMN status VARCHAR(20) DEFAULT 'VALID' NOT NULL;
ALTER TABLE legal_qualification ADD CONSTRAINT ck_legal_qualification_status CHECK (status IN ('VALID', 'REVOKED'));
