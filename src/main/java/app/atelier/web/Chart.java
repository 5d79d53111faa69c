package app.atelier.web;

import java.util.List;

/**
 * A bar chart drawn on the server as SVG, one horizontal bar per row, so that it reads without JavaScript; its
 * template puts the same numbers in a table.
 */
public record Chart(String title, List<Bar> bars) {
    static final int LABEL_WIDTH = 120;
    static final int BAR_WIDTH = 240;
    static final int ROW = 22;

    public record Bar(String label, long value) {
    }

    public long max() {
        return bars.stream().mapToLong(Bar::value).max().orElse(0);
    }

    public long total() {
        return bars.stream().mapToLong(Bar::value).sum();
    }

    /** The length of a bar, in the SVG's units; the longest fills the width. */
    public long length(Bar bar) {
        long max = max();
        return max == 0 ? 0 : bar.value() * BAR_WIDTH / max;
    }

    public int y(int row) {
        return row * ROW;
    }

    public int height() {
        return Math.max(1, bars.size()) * ROW;
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int width() {
        return LABEL_WIDTH + BAR_WIDTH + 60;
    }
}
