package app.atelier.web;

/** The addresses of the platform's main pages, written once; a caller adds a sub-path or an anchor. */
public final class Paths {
    private Paths() {
    }

    public static String organisation(long id) {
        return "/organisations/" + id;
    }

    public static String community(long organisationId) {
        return organisation(organisationId) + "/community";
    }

    public static String challenge(long id) {
        return "/challenges/" + id;
    }

    public static String contribution(long id) {
        return "/contributions/" + id;
    }

    /** A design's image; its thumbnail is under it. */
    public static String design(long imageId) {
        return "/designs/" + imageId;
    }

    public static String comment(long contributionId, long commentId) {
        return contribution(contributionId) + "?comment=" + commentId + "#comment-" + commentId;
    }

    public static String task(long id) {
        return "/tasks/" + id;
    }

    public static String session(long id) {
        return "/sessions/" + id;
    }

    public static String offer(long id) {
        return "/offers/" + id;
    }

    public static String invitation(String token) {
        return "/invitations/" + token;
    }
}
