package app.atelier.page;

import app.atelier.account.AccountService;
import app.atelier.account.Member;
import app.atelier.community.CommunityService;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ContributionSummary;
import app.atelier.expert.ExpertRate;
import app.atelier.expert.ExpertService;
import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationService;
import app.atelier.recognition.Recognition;
import app.atelier.web.Current;
import app.atelier.web.Forms;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** A member's profile: who they are, their latest contributions, their organisations and communities, their standing, and booking them when they are an expert. */
public final class ProfilePageRoutes {

    public record ProfilePage(Member member, List<ContributionSummary> contributions, List<Organisation> organisations,
                              List<String> communities, Recognition.Standing standing, Optional<ExpertRate> expertRate,
                              ExpertService.Booker booker) implements Page {
        @Override
        public String template() {
            return "page/profile.jte";
        }
    }

    private final AccountService accounts;
    private final ContributionService contributions;
    private final OrganisationService organisations;
    private final CommunityService communities;
    private final Recognition recognition;
    private final ExpertService experts;

    public ProfilePageRoutes(AccountService accounts, ContributionService contributions, OrganisationService organisations, CommunityService communities,
                             Recognition recognition, ExpertService experts) {
        this.accounts = accounts;
        this.contributions = contributions;
        this.organisations = organisations;
        this.communities = communities;
        this.recognition = recognition;
        this.experts = experts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/members/{id}", this::show, Role.ANYONE);
    }

    private void show(Context ctx) {
        var member = accounts.member(Forms.pathId(ctx, "id"));
        var viewer = Current.viewer(ctx);
        var rate = experts.openRate(member.id());
        // Who may book is asked only of an expert's profile.
        var booker = rate.isPresent() ? experts.booker(viewer) : new ExpertService.Booker(0, List.of());
        View.render(ctx, new ProfilePage(member, contributions.byAuthor(viewer, member.id()),
                organisations.ofMember(member.id()), communities.communitiesOf(member.id()), recognition.standing(member.id()), rate, booker));
    }
}
