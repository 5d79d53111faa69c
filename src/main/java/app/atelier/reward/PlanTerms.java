package app.atelier.reward;

/** What a challenge's reward plan promises: a contest's prize table, and a royalty rate in basis points (0 for none). */
public record PlanTerms(PrizeTable prizes, int royaltyBp) {
    public boolean royalty() {
        return royaltyBp > 0;
    }

    /** The rate as people read it: 250 basis points are 2.5 %. */
    public java.math.BigDecimal royaltyPercent() {
        return java.math.BigDecimal.valueOf(royaltyBp, 2).stripTrailingZeros();
    }
}
