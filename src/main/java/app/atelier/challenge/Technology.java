package app.atelier.challenge;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The technology sheet of an inside-out challenge: what the company's technology is and can do, pictures and
 * documents, and the arrangements it offers to those who would put it to use.
 */
public record Technology(long challengeId, String summary, String capabilities, Set<Arrangement> arrangements,
                         String documentLines, List<Document> documents, List<String> pictures, Instant updatedAt) {
    /** At most this many pictures on a sheet. */
    public static final int MAX_PICTURES = 5;

    /** A document kept elsewhere (a data sheet, a patent, a video), by its title and address. */
    public record Document(String title, String address) {
    }
}
