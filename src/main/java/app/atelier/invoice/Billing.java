package app.atelier.invoice;

/**
 * The VAT rules an agreement reads before it is made, as SQL over the payee profile of {@code o.member_id}: the terms
 * are frozen from these when it is agreed. A member without a payee profile is paid as a private individual.
 */
public final class Billing {
    /** The payee's VAT case as their profile stands; {@link PayeeProfile#vatCase} says the same in Java. */
    public static final String VAT_CASE = """
            coalesce((SELECT CASE WHEN p.kind = 'PRIVATE' THEN 'PRIVATE' WHEN p.vat_regime = 'FRANCHISE' THEN 'FRANCHISE'
                                  WHEN p.country = 'FR' THEN 'DOMESTIC' ELSE 'REVERSE_CHARGE' END
                      FROM payee_profile p WHERE p.member_id = o.member_id), 'PRIVATE')""";

    /** The French rate in force, from the rate table. */
    public static final String VAT_RATE = "(SELECT r.rate_bp FROM vat_rate r WHERE r.country = 'FR' ORDER BY r.valid_from DESC LIMIT 1)";

    /** Whether the operator charges no VAT on its fees, as the start wrote it from the configuration. */
    public static final String OPERATOR_EXEMPT = "coalesce((SELECT value FROM platform_setting WHERE name = 'operator_vat_exempt'), 0)";

    private Billing() {
    }
}
