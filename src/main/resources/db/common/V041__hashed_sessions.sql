-- Sessions are now stored by a hash of their id. The ids stored in clear until now cannot be kept: every session ends
-- once, and its member signs in again.
DELETE FROM web_session;
