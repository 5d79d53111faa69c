package app.atelier.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * CSV for spreadsheets, written row by row to a stream: a byte-order mark first, so that a spreadsheet reads the
 * accents as UTF-8; every text quoted, and text a spreadsheet would take for a formula (starting with =, +, -, @, a
 * tab or a carriage return) made inert with a leading quote.
 */
public final class Csv {
    private final Writer out;

    public Csv(Writer out) {
        this.out = out;
        try {
            out.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line; numbers are written as they are, anything else as quoted text. */
    public Csv row(Object... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) out.write(',');
                out.write(cells[i] instanceof Number ? cells[i].toString() : cell(String.valueOf(cells[i])));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String cell(String text) {
        String inert = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + inert.replace("\"", "\"\"") + "\"";
    }
}
