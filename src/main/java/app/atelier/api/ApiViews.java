package app.atelier.api;

import app.atelier.challenge.Challenge;
import app.atelier.community.Membership;
import app.atelier.contribution.Comment;
import app.atelier.contribution.CommentThread;
import app.atelier.contribution.Contribution;
import app.atelier.contribution.ContributionSummary;
import app.atelier.contribution.OfficialResponse;
import app.atelier.invoice.Document;
import app.atelier.ledger.LedgerLine;
import app.atelier.web.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the API answers, field by field: what the same person reads on the pages, and nothing the pages keep from them
 * (a hidden text shows to its author and the staff alone, as on the pages; no email address is ever given).
 */
final class ApiViews {
    private ApiViews() {
    }

    record Me(long id, String name, boolean admin, String scope) {
    }

    /** A list read a page at a time: {@code next} is the address of the following page, or null at the end. */
    record Page<T>(List<T> items, String next) {
    }

    record ChallengeView(long id, long organisationId, String organisationName, String title, String brief, String stage, String mode, String state,
                         String visibility, String opensAt, String closesAt, long contributions, String url) {
        static ChallengeView of(Challenge c) {
            return new ChallengeView(c.id(), c.organisationId(), c.organisationName(), c.title(), c.brief(), c.stage().name(), c.mode().name(), c.state().name(),
                    c.visibility().name(), time(c.opensAt()), time(c.closesAt()), c.contributionCount(), "/challenges/" + c.id());
        }
    }

    record ContributionItem(long id, long challengeId, String kind, String title, String excerpt, long authorId, String authorName, String status,
                            long votes, long comments, String createdAt, String latestResponse, String url) {
        static ContributionItem of(ContributionSummary k) {
            return new ContributionItem(k.id(), k.challengeId(), k.kind().name(), k.title(), k.hidden() ? null : k.excerpt(), k.authorId(), k.authorName(),
                    k.status().name(), k.voteCount(), k.commentCount(), time(k.createdAt()), k.latestResponse(), "/contributions/" + k.id());
        }
    }

    record ResponseView(long id, String status, String body, String authorName, String createdAt) {
        static ResponseView of(OfficialResponse r) {
            return new ResponseView(r.id(), r.status().name(), r.body(), r.authorName(), time(r.createdAt()));
        }
    }

    record ContributionView(long id, long challengeId, String kind, String title, String body, long authorId, String authorName, String status,
                            long votes, long comments, boolean voted, boolean hidden, String createdAt, String updatedAt, List<ResponseView> responses,
                            String url) {
        static ContributionView of(Contribution k, boolean voted, boolean mayReadHidden, List<OfficialResponse> responses) {
            return new ContributionView(k.id(), k.challengeId(), k.kind().name(), k.title(), k.hidden() && !mayReadHidden ? null : k.body(), k.authorId(),
                    k.authorName(), k.status().name(), k.voteCount(), k.commentCount(), voted, k.hidden(), time(k.createdAt()), time(k.updatedAt()),
                    responses.stream().map(ResponseView::of).toList(), "/contributions/" + k.id());
        }
    }

    record CommentView(long id, long contributionId, Long parentId, long authorId, String authorName, String body, boolean hidden, boolean deleted,
                       boolean helpful, String createdAt) {
        static CommentView of(Comment c, boolean mayReadHidden) {
            boolean shown = !c.deleted() && (!c.hidden() || mayReadHidden);
            return new CommentView(c.id(), c.contributionId(), c.parentId(), c.authorId(), c.deleted() ? null : c.authorName(), shown ? c.body() : null,
                    c.hidden(), c.deleted(), c.helpful(), time(c.createdAt()));
        }

        /** The threads as one list, each comment after its parent, oldest first. */
        static List<CommentView> flat(List<CommentThread> threads, Viewer viewer, boolean staff) {
            var out = new ArrayList<CommentView>();
            for (var thread : threads) {
                out.add(of(thread.comment(), staff || viewer.is(thread.comment().authorId())));
                out.addAll(flat(thread.replies(), viewer, staff));
            }
            return out;
        }
    }

    record MemberView(long memberId, String name, String state, String city, String country, String ageRange, String occupation, String skills,
                      String appliedAt, String decidedAt) {
        static MemberView of(Membership m) {
            return new MemberView(m.memberId(), m.memberName(), m.state().name(), m.city(), m.country(), m.ageRange(), m.occupation(), m.skills(),
                    time(m.appliedAt()), time(m.decidedAt()));
        }
    }

    /** Amounts in cents, as the ledger keeps them. */
    record WalletLine(long id, String event, String subject, String createdAt, long amount, long fee, long balanceAfter) {
        static WalletLine of(LedgerLine l) {
            return new WalletLine(l.id(), l.event().name(), l.subject(), time(l.createdAt()), l.amount(), l.fee(), l.balanceAfter());
        }
    }

    record Wallet(long organisationId, String currency, long balance, long held, Page<WalletLine> lines) {
    }

    record DocumentView(long id, String kind, String reference, String issuedAt, String dueOn, String seller, String buyer, String currency, long net,
                        long vat, long total, String url) {
        static DocumentView of(Document d) {
            return new DocumentView(d.id(), d.kind().name(), d.reference(), time(d.issuedAt()), d.dueOn().toString(), d.seller().legalName(), d.buyer().legalName(),
                    d.currency(), d.net(), d.vat(), d.total(), "/documents/" + d.id());
        }
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
