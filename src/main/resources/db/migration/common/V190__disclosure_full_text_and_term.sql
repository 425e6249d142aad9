-- Disclosure: the full text of the decision where the agency's rules ask for it, and the end of the publication term
-- (市场监督管理行政处罚信息公示规定 第十三条: three months for 通报批评 or a 较低数额 fine, three years otherwise).
--
-- disclosure_rule_set: what an agency's own disclosure rules say beyond the catalogue. full_text: the redacted full
-- text of every decision document is published with the record (e.g. Hebei: 一般程序的行政处罚决定书全文公示).
-- low_fine_limit_fen: the 较低数额罚款 the provincial authority set (第十三条第二款), in fen; without it no fine counts
-- as low and only 通报批评 gets the short term. An agency without a row publishes no full text.
CREATE TABLE disclosure_rule_set (
    agency_id           VARCHAR(64)   PRIMARY KEY,
    full_text           BOOLEAN       DEFAULT FALSE NOT NULL,
    low_fine_limit_fen  BIGINT,
    legal_basis         VARCHAR(1000) NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_disclosure_rule_set_agency FOREIGN KEY (agency_id) REFERENCES org_unit (id),
    CONSTRAINT ck_disclosure_rule_set_limit CHECK (low_fine_limit_fen IS NULL OR low_fine_limit_fen > 0)
);

-- full_text: the decision document's text, redacted like the other columns (NULL where the agency publishes none).
-- term_entry: the catalogue entry of the publication term (DISCLOSURE_TERM_SHORT or DISCLOSURE_TERM), public_until
-- its end; status ENDED once the term is over (the record leaves the public side), at ended_at.
ALTER TABLE disclosure_record ADD COLUMN full_text VARCHAR(200000);
ALTER TABLE disclosure_record ADD COLUMN term_entry VARCHAR(32);
ALTER TABLE disclosure_record ADD COLUMN public_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE disclosure_record ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE disclosure_record DROP CONSTRAINT ck_disclosure_record_status;
ALTER TABLE disclosure_record ADD CONSTRAINT ck_disclosure_record_status CHECK (status IN ('DRAFT', 'PUBLISHED',
    'WITHHELD', 'WITHDRAWN', 'ABANDONED', 'ENDED'));
