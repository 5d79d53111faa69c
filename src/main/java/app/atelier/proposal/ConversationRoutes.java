package app.atelier.proposal;

import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The private conversation about an application proposal, and the agreement its managers record. */
public final class ConversationRoutes {

    public record ConversationPage(ConversationService.Conversation conversation, String message, Errors messageErrors,
                                   AgreementForm agreement, Errors agreementErrors) implements Page {
        @Override
        public String template() {
            return "proposal/conversation.jte";
        }

        public String address() {
            return Paths.contribution(conversation.seen().contribution().id()) + "/conversation";
        }
    }

    private final ConversationService conversations;

    public ConversationRoutes(ConversationService conversations) {
        this.conversations = conversations;
    }

    public void register(RoutesConfig routes) {
        routes.get("/contributions/{id}/conversation", ctx -> render(ctx, "", Errors.none(), AgreementForm.empty(), Errors.none()), Role.MEMBER);
        routes.post("/contributions/{id}/conversation", this::write, Role.MEMBER);
        routes.post("/contributions/{id}/agreement", this::agree, Role.MEMBER);
    }

    private void write(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        String body = Forms.multiline(ctx, "body");
        try {
            conversations.write(Current.viewer(ctx), id, body);
            ctx.redirect(Paths.contribution(id) + "/conversation#latest");
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, body, e.errors(), AgreementForm.empty(), Errors.none());
        }
    }

    private void agree(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = AgreementForm.from(ctx);
        try {
            conversations.agree(Current.viewer(ctx), id, form);
            Notice.done(ctx, "agreement.recorded");
            ctx.redirect(Paths.contribution(id) + "/conversation#agreement");
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, "", Errors.none(), form, e.errors());
        }
    }

    private void render(Context ctx, String message, Errors messageErrors, AgreementForm agreement, Errors agreementErrors) {
        var conversation = conversations.conversation(Current.viewer(ctx), Forms.pathId(ctx, "id"));
        View.render(ctx, new ConversationPage(conversation, message, messageErrors, agreement, agreementErrors));
    }

}
