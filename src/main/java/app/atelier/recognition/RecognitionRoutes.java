package app.atelier.recognition;

import app.atelier.web.Forms;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import java.util.List;

/** The leaderboards, open to everyone: recognition is public, under real names. */
public final class RecognitionRoutes {

    public record LeaderboardPage(Recognition.Board board, List<Badge> badges, List<Level> levels) implements Page {
        @Override
        public String template() {
            return "recognition/leaderboard.jte";
        }
    }

    private final Recognition recognition;

    public RecognitionRoutes(Recognition recognition) {
        this.recognition = recognition;
    }

    public void register(RoutesConfig routes) {
        routes.get("/leaderboard", ctx -> {
            Long organisation = Forms.optionalId(ctx.queryParam("organisation"));
            var board = recognition.board(organisation == null ? 0 : organisation, !"all".equals(ctx.queryParam("period")));
            View.render(ctx, new LeaderboardPage(board, List.of(Badge.values()), List.of(Level.values())));
        }, Role.ANYONE);
    }
}
