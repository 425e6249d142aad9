-- Working-day calendar: one row per loaded year (from the shipped files or an administrator) and its listed days.
-- Days not listed follow the week: Monday to Friday working, Saturday and Sunday rest.
CREATE TABLE calendar_year (
    cal_year          INT           PRIMARY KEY,
    notice_title      VARCHAR(300)  NOT NULL,
    notice_number     VARCHAR(100),
    notice_published  VARCHAR(40),
    notice_source     VARCHAR(500),
    origin            VARCHAR(10)   NOT NULL,
    loaded_by         VARCHAR(64),
    loaded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_calendar_year_origin CHECK (origin IN ('SHIPPED', 'ADMIN'))
);

CREATE TABLE calendar_day (
    calendar_date  DATE          PRIMARY KEY,
    cal_year       INT           NOT NULL,
    kind           VARCHAR(10)   NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_calendar_day_year FOREIGN KEY (cal_year) REFERENCES calendar_year (cal_year),
    CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);
CREATE INDEX ix_calendar_day_year ON calendar_day (cal_year);
