package app.atelier.invoice;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/**
 * What this feature holds about a member: their payee profile, erased when they leave, and the documents they are a
 * party to and their objections to them, kept as issued (the law keeps invoices ten years).
 */
public final class InvoiceShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("payee_profile.member_id", EXPORTED_AND_ERASED)
            .column("billing_profile.updated_by", NOT_THEIRS)
            .column("document.member_id", EXPORTED_AND_KEPT)
            .column("document_objection.member_id", EXPORTED_AND_KEPT)
            .column("document_objection.answered_by", NOT_THEIRS)
            .export("payee_profile", "SELECT kind, vat_regime, legal_name, street, postcode, city, country, company_number, vat_number, mandate_accepted_at, updated_at "
                    + "FROM payee_profile WHERE member_id = :id")
            .export("documents", "SELECT reference, kind, issued_at, currency, net, vat, total FROM document WHERE member_id = :id")
            .export("objections", "SELECT d.reference, o.reason, o.objected_at, o.outcome, o.answer, o.answered_at FROM document_objection o "
                    + "JOIN document d ON d.id = o.document_id WHERE o.member_id = :id");

    private InvoiceShare() {
    }
}
