-- When an extension was asked for: a request after the period ran out is refused, an approval after it is marked late.
ALTER TABLE deadline_extension ADD COLUMN requested_at TIMESTAMP WITH TIME ZONE;
