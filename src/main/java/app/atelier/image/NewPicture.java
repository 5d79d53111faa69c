package app.atelier.image;

/** What a save does to a picture: {@code change} false keeps the current one; else {@code name} replaces it, null for none. */
public record NewPicture(boolean change, String name) {
    public static final NewPicture KEEP = new NewPicture(false, null);
}
