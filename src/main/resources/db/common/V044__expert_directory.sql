-- The directory lists the experts who take bookings, the latest rate first, whatever the number of members.
CREATE INDEX expert_rate_open ON expert_rate (updated_at DESC, member_id) WHERE open = 1;
