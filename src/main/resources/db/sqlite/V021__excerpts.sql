-- What lists show of a contribution: its words without Markdown's marks, computed once when it is written.
-- Rows written before this are filled in small batches by the app after it starts (ContributionService.fillExcerpts).
ALTER TABLE contribution ADD COLUMN excerpt TEXT;
