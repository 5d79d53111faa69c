-- A member's notifications are grouped by the challenge they are about. Those written before are left ungrouped.
ALTER TABLE notification ADD COLUMN challenge_id BIGINT REFERENCES challenge (id);
