-- The proceedings (程序) of a case: one row per process instance of the case, written by the engine when the process
-- starts. It is where listeners learn the case, the agency and the handling unit of a process instance, whatever the
-- process variables say, and it keeps one proceeding of a kind running per case: running_key is
-- "<case id>:<process key>" while such a process runs (NULL when it ended or when the process may run in parallel),
-- and it is unique.
CREATE TABLE case_proceeding (
    process_instance_id VARCHAR(64)  PRIMARY KEY,
    case_id             BIGINT       NOT NULL,
    process_key         VARCHAR(255) NOT NULL,
    agency_id           VARCHAR(64)  NOT NULL,
    handling_unit_id    VARCHAR(64)  NOT NULL,
    started_by          VARCHAR(64),
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at            TIMESTAMP WITH TIME ZONE,
    running_key         VARCHAR(300),
    CONSTRAINT fk_case_proceeding_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT uq_case_proceeding_running UNIQUE (running_key)
);
CREATE INDEX ix_case_proceeding_case ON case_proceeding (case_id);
