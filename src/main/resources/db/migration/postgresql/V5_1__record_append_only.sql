-- The case record is append-only: the database refuses UPDATE and DELETE of its entries, whoever asks.
CREATE FUNCTION refuse_case_record_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '执法全过程记录不得修改或删除 (case_record_entry is append-only)'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_record_entry_append_only
    BEFORE UPDATE OR DELETE ON case_record_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_case_record_change();

CREATE TRIGGER case_record_entry_no_truncate
    BEFORE TRUNCATE ON case_record_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_case_record_change();
