package app.atelier.reward.plan;

import java.util.List;

/** A contest's prizes: an amount per rank, from the first, and a number of honourable mentions of one amount each. */
public record PrizeTable(List<Long> prizes, int mentions, long mentionAmount) {
    public static final PrizeTable NONE = new PrizeTable(List.of(), 0, 0);

    /** What the company pays into escrow before the challenge opens. Never wraps. */
    public long pool() {
        long pool = Math.multiplyExact(mentions, mentionAmount);
        for (long prize : prizes) pool = Math.addExact(pool, prize);
        return pool;
    }

    public boolean contest() {
        return pool() > 0;
    }
}
