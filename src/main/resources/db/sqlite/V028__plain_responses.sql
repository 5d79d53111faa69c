-- Lists showed the latest official response as raw Markdown. It is now kept as plain words when written; the
-- contributions that show one lose their excerpt here, so that the start-up filler writes both again.
UPDATE contribution SET excerpt = NULL WHERE latest_response <> '';
