-- Each agency's rule set for the decision tables of the general procedure (processes/*.dmn), what differs by agency
-- beyond the tables' own entries. review_all: every penalty decision under the general procedure is legally reviewed
-- (法制审核), not only those of 行政处罚法 第五十八条 and the agency's catalogue (seeds: Hebei 004-K, "适用一般程序的
-- 行政处罚决定都要进行法制审核"); the table legal-review-required reads it as reviewAll. An agency without a row
-- reviews what the table lists.
CREATE TABLE penalty_rule_set (
    agency_id  VARCHAR(64) PRIMARY KEY,
    review_all BOOLEAN     DEFAULT FALSE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    CONSTRAINT fk_penalty_rule_set_agency FOREIGN KEY (agency_id) REFERENCES org_unit (id)
);
