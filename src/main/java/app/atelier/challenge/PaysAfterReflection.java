package app.atelier.challenge;

/**
 * How an organisation has paid when it promised to pay what it wished after reflection, so that contributors can
 * judge whom to work with; told by the reward plan, a feature above this one, to the organisation's page.
 */
public interface PaysAfterReflection {
    PaysAfterReflection NONE = organisationId -> new History(0, 0, 0, "EUR");

    /**
     * @param ended reflection periods over (or paid before their end)
     * @param paid how many of those the organisation paid
     * @param total what it paid over all of them, in cents
     */
    record History(long ended, long paid, long total, String currency) {
        public long average() {
            return paid == 0 ? 0 : total / paid;
        }
    }

    History of(long organisationId);
}
