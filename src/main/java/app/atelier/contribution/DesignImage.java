package app.atelier.contribution;

/** One image of a design, as its files are kept. */
public record DesignImage(long id, long contributionId, String file, String mediaType, long size, int width, int height) {
    public String extension() {
        return mediaType.substring("image/".length()).replace("jpeg", "jpg");
    }
}
