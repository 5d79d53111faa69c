-- Each stage's kind of contribution. A test report answers the challenge's questionnaire; a validation agrees or
-- not with each of its hypotheses; an experience may carry a rating; a design carries images. The counts on the
-- challenge tell at once which kinds can be written.
ALTER TABLE challenge ADD COLUMN question_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE challenge ADD COLUMN hypothesis_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE challenge_question (
    id           INTEGER PRIMARY KEY,
    challenge_id INTEGER NOT NULL REFERENCES challenge (id),
    scored       INTEGER NOT NULL CHECK (scored IN (0, 1)),  -- 1: a score from 1 to 5; 0: free text
    text         TEXT    NOT NULL,
    low_label    TEXT    NOT NULL DEFAULT '',
    high_label   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX challenge_question_by_challenge ON challenge_question (challenge_id, id);

CREATE TABLE challenge_hypothesis (
    id           INTEGER PRIMARY KEY,
    challenge_id INTEGER NOT NULL REFERENCES challenge (id),
    text         TEXT    NOT NULL
);
CREATE INDEX challenge_hypothesis_by_challenge ON challenge_hypothesis (challenge_id, id);

ALTER TABLE contribution ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE contribution ADD COLUMN helpful_by INTEGER REFERENCES member (id);
-- Until now no form wrote a test report or a validation: rows of those kinds (imported or generated) are a title
-- and a text without answers, which is what an idea is.
UPDATE contribution SET kind = 'IDEA' WHERE kind IN ('TEST_REPORT', 'VALIDATION');
-- A contributor fills a challenge's questionnaire, and answers its hypotheses, once.
CREATE UNIQUE INDEX contribution_one_report ON contribution (challenge_id, author_id) WHERE kind = 'TEST_REPORT';
CREATE UNIQUE INDEX contribution_one_validation ON contribution (challenge_id, author_id) WHERE kind = 'VALIDATION';

CREATE TABLE report_answer (
    contribution_id INTEGER NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
    question_id     INTEGER NOT NULL REFERENCES challenge_question (id),
    score           INTEGER CHECK (score BETWEEN 1 AND 5),
    answer          TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (contribution_id, question_id)
);
CREATE INDEX report_answer_by_question ON report_answer (question_id, score);

CREATE TABLE validation_answer (
    contribution_id INTEGER NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
    hypothesis_id   INTEGER NOT NULL REFERENCES challenge_hypothesis (id),
    agrees          INTEGER NOT NULL CHECK (agrees IN (0, 1)),
    reason          TEXT    NOT NULL,
    PRIMARY KEY (contribution_id, hypothesis_id)
);
CREATE INDEX validation_answer_by_hypothesis ON validation_answer (hypothesis_id, agrees);

-- A design's images live as files under the data folder; this says which, in what order and of what type.
CREATE TABLE design_image (
    id              INTEGER PRIMARY KEY,
    contribution_id INTEGER NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
    file            TEXT    NOT NULL UNIQUE,  -- a random name, so that no address can be guessed from another
    media_type      TEXT    NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp')),
    size            INTEGER NOT NULL,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX design_image_by_contribution ON design_image (contribution_id, id);
