package app.atelier.contribution;

import app.atelier.web.HttpProblem;

/**
 * Where a page of a list starts: just after the row with this sort key and id. Written in links as
 * {@code key_id}; a double's shortest text reads back to the same double, so a trending score survives the trip.
 */
public record Cursor(double key, long id) {
    /** Before every row of an order read upwards. */
    static final Cursor START = new Cursor(-1, 0);

    static Cursor after(Sort sort, ContributionSummary row) {
        return new Cursor(sort.key(row), row.id());
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
