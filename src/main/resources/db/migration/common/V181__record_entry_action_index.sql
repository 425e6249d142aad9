-- The yearly statistics read the on-the-spot fines from the record by action (onthespot.OnTheSpotFigures).
CREATE INDEX ix_case_record_entry_action ON case_record_entry (action, recorded_at);
