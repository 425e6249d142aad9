-- Collective discussion by the heads of an agency (负责人集体讨论, 行政处罚法 第五十七条第二款).
--
-- discussion_rule: what each agency decides for its meetings. Its principal head (主要负责人), who presides or
-- designates the head who presides; the quorum as a share of the agency's heads, "more than" (过半数, the default
-- 1/2 exclusive) or "at least" (三分之二以上: 2/3 inclusive); how the conclusion is reached; and whether the meeting is
-- the heads' meeting or, for an organisation authorised by law, the leadership meeting (领导班子会议). An agency
-- without a row has the defaults and no principal head.
CREATE TABLE discussion_rule (
    agency_id          VARCHAR(64) PRIMARY KEY,
    principal_head     VARCHAR(64),
    quorum_numerator   INTEGER     DEFAULT 1 NOT NULL,
    quorum_denominator INTEGER     DEFAULT 2 NOT NULL,
    quorum_inclusive   BOOLEAN     DEFAULT FALSE NOT NULL,
    conclusion_rule    VARCHAR(20) DEFAULT 'PRESIDING_HEAD' NOT NULL,
    meeting_kind       VARCHAR(20) DEFAULT 'HEADS_MEETING' NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(64) NOT NULL,
    CONSTRAINT fk_discussion_rule_agency FOREIGN KEY (agency_id) REFERENCES org_unit (id),
    CONSTRAINT ck_discussion_rule_quorum CHECK (quorum_numerator > 0 AND quorum_denominator > 0
        AND quorum_numerator <= quorum_denominator),
    CONSTRAINT ck_discussion_rule_conclusion CHECK (conclusion_rule IN ('PRESIDING_HEAD', 'MAJORITY')),
    CONSTRAINT ck_discussion_rule_meeting CHECK (meeting_kind IN ('HEADS_MEETING', 'LEADERSHIP_MEETING'))
);

-- discussion_opinion: who took which position in one discussion (one process instance of collective-discussion):
-- each member present with his own opinion, each member absent as ABSENT. Part of the case file; the minutes are
-- generated from it.
CREATE TABLE discussion_opinion (
    process_instance_id VARCHAR(64)   NOT NULL,
    case_id             BIGINT        NOT NULL,
    member              VARCHAR(64)   NOT NULL,
    stance              VARCHAR(20)   NOT NULL,
    reasons             VARCHAR(4000),
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_discussion_opinion PRIMARY KEY (process_instance_id, member),
    CONSTRAINT fk_discussion_opinion_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT ck_discussion_opinion_stance CHECK (stance IN ('AGREE', 'DISAGREE', 'ABSENT'))
);
CREATE INDEX ix_discussion_opinion_case ON discussion_opinion (case_id);
