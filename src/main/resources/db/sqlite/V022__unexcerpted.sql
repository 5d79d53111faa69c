-- The contributions still without an excerpt, found at each start without reading the whole table.
CREATE INDEX contribution_without_excerpt ON contribution (id) WHERE excerpt IS NULL;
