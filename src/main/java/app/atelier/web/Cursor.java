package app.atelier.web;


/**
 * Where a page of a list starts: just after the row with this sort key and id (a count, a score, a time in epoch
 * milliseconds: each fits a double exactly). Written in links as
 * {@code key_id}; a double's shortest text reads back to the same double, so a trending score survives the trip.
 */
public record Cursor(double key, long id) {
    /** Before every row of an order read downwards: where a list in descending order starts. */
    public static final Cursor TOP = new Cursor(Double.MAX_VALUE, Long.MAX_VALUE);

    /** After a row of a list ordered by id alone. */
    public static Cursor ofId(long id) {
        return new Cursor(id, id);
    }

    /** Where a list read downwards starts: after the cursor given, or from the top. */
    public static Cursor orTop(Cursor after) {
        return after == null ? TOP : after;
    }

    /** The cursor in a link, or null for the first page; a cursor that was not written by us is a bad request. */
    public static Cursor parse(String text) {
        if (text == null || text.isEmpty()) return null;
        int split = text.lastIndexOf('_');
        try {
            var cursor = new Cursor(Double.parseDouble(text.substring(0, Math.max(split, 0))), Long.parseLong(text.substring(split + 1)));
            if (!Double.isFinite(cursor.key())) throw new NumberFormatException(text);
            return cursor;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new HttpProblem.BadRequest();
        }
    }

    @Override
    public String toString() {
        String written = key == Math.rint(key) && Math.abs(key) < 1e15 ? Long.toString((long) key) : Double.toString(key);
        return written + "_" + id;
    }
}
