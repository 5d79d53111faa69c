-- The moderation queue reads the items flagged or hidden: an index of those alone, however many items there are.
CREATE INDEX contribution_in_moderation ON contribution (id) WHERE open_flags > 0 OR hidden = 1;
CREATE INDEX comment_in_moderation ON comment (id) WHERE open_flags > 0 OR hidden = 1;
