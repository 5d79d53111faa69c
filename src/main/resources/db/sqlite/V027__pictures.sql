-- An organisation's logo and a challenge's cover: the name of a file kept under the data folder's pictures, or
-- null for none.
ALTER TABLE organisation ADD COLUMN logo TEXT;
ALTER TABLE challenge ADD COLUMN cover TEXT;
