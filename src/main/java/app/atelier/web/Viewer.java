package app.atelier.web;

/** The person behind a request: a visitor, or a signed-in member (perhaps a platform admin). */
public record Viewer(Long memberId, String name, boolean admin) {
    public static final Viewer VISITOR = new Viewer(null, null, false);

    public boolean signedIn() {
        return memberId != null;
    }

    /** The member's id; a visitor is asked to sign in. */
    public long id() {
        if (memberId == null) throw new HttpProblem.SignInRequired();
        return memberId;
    }

    public boolean is(long memberId) {
        return this.memberId != null && this.memberId == memberId;
    }
}
