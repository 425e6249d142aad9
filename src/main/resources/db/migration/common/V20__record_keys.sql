-- The case record is signed (HMAC-SHA256 with a key kept outside the database): each entry names the key that
-- signed it, so a rotated key still verifies what it signed. NULL: written before signing (plain SHA-256); such
-- entries are sealed by a signed RECORD_SEALED entry at the next start (docs/case-register.md).
ALTER TABLE case_record_entry ADD COLUMN key_id VARCHAR(64);
