-- The home page no longer counts its open challenges: it reads a page after a key along challenge_by_state.
DROP INDEX challenge_open_visible;
