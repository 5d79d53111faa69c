-- Excerpts showed a link as its words and its address in quotes, and code in quotes; they now show the words alone.
-- The texts with a link or code lose their excerpt here, so that the start-up filler writes it again.
UPDATE contribution SET excerpt = NULL WHERE body LIKE '%](%' OR body LIKE '%`%' OR body LIKE '%http%';
