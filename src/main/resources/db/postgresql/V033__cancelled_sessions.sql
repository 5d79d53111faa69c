-- Either side may call off a session not yet started: its whole hold goes back, and it is CANCELLED.
ALTER TABLE expert_session DROP CONSTRAINT expert_session_state_check;
ALTER TABLE expert_session ADD CONSTRAINT expert_session_state_check
    CHECK (state IN ('BOOKED', 'RUNNING', 'ENDED', 'DISPUTED', 'PAID', 'EXPIRED', 'CANCELLED'));
