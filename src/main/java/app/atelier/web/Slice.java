package app.atelier.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read after a cursor (null for the first page), with the cursor the next page starts after
 * (null on the last page). Lists that grow are paged this way: a deep page costs what the first does.
 */
public record Slice<T>(List<T> items, Cursor after, Cursor next) {
    /** A page from up to {@code size + 1} rows read after the cursor: the extra row only tells that another page follows. */
    public static <T> Slice<T> of(List<T> rows, int size, Cursor after, Function<T, Cursor> cursorAfter) {
        var items = rows.size() > size ? rows.subList(0, size) : rows;
        return new Slice<>(items, after, rows.size() > size ? cursorAfter.apply(items.get(size - 1)) : null);
    }

    /** The first page's address when this is a later one, else null. */
    public String firstPage(String address) {
        return after == null ? null : address;
    }

    /** This page's own address. */
    public String here(String address) {
        return after == null ? address : withAfter(address, after);
    }

    /** The next page's address, or null on the last page. */
    public String nextPage(String address) {
        return next == null ? null : withAfter(address, next);
    }

    private static String withAfter(String address, Cursor cursor) {
        return address + (address.contains("?") ? "&" : "?") + "after=" + cursor;
    }
}
