package app.atelier.web;

import java.util.List;

/** One page of a longer list: its items, its number (from 1) and the total count of items. */
public record Paged<T>(List<T> items, int number, long total, int size) {

    public static long offset(int number, int size) {
        return (long) (number - 1) * size;
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }
}
