-- Full-text search over challenges, contributions and comments. Each index reads its text from its own table
-- (external content) and is kept in step by triggers in the same transaction as every write, edit or deletion.
-- Accents fold ("idee" finds "idée"); word forms match by prefix (see db.FullText). Who may see a result is
-- decided when searching, by joining the rows the index points to.

CREATE VIRTUAL TABLE challenge_search USING fts5(title, brief, content='challenge', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO challenge_search (challenge_search) VALUES ('rebuild');
CREATE TRIGGER challenge_search_insert AFTER INSERT ON challenge BEGIN
    INSERT INTO challenge_search (rowid, title, brief) VALUES (new.id, new.title, new.brief);
END;
CREATE TRIGGER challenge_search_update AFTER UPDATE OF title, brief ON challenge BEGIN
    INSERT INTO challenge_search (challenge_search, rowid, title, brief) VALUES ('delete', old.id, old.title, old.brief);
    INSERT INTO challenge_search (rowid, title, brief) VALUES (new.id, new.title, new.brief);
END;
CREATE TRIGGER challenge_search_delete AFTER DELETE ON challenge BEGIN
    INSERT INTO challenge_search (challenge_search, rowid, title, brief) VALUES ('delete', old.id, old.title, old.brief);
END;

CREATE VIRTUAL TABLE contribution_search USING fts5(title, body, content='contribution', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO contribution_search (contribution_search) VALUES ('rebuild');
CREATE TRIGGER contribution_search_insert AFTER INSERT ON contribution BEGIN
    INSERT INTO contribution_search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER contribution_search_update AFTER UPDATE OF title, body ON contribution BEGIN
    INSERT INTO contribution_search (contribution_search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO contribution_search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER contribution_search_delete AFTER DELETE ON contribution BEGIN
    INSERT INTO contribution_search (contribution_search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE VIRTUAL TABLE comment_search USING fts5(body, content='comment', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO comment_search (comment_search) VALUES ('rebuild');
CREATE TRIGGER comment_search_insert AFTER INSERT ON comment BEGIN
    INSERT INTO comment_search (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER comment_search_update AFTER UPDATE OF body ON comment BEGIN
    INSERT INTO comment_search (comment_search, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO comment_search (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER comment_search_delete AFTER DELETE ON comment BEGIN
    INSERT INTO comment_search (comment_search, rowid, body) VALUES ('delete', old.id, old.body);
END;
