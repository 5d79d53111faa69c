package app.atelier.web;

/**
 * What a template shows: each page record names the one template that takes it as its {@code page},
 * so that a route renders a record and cannot pair it with a template expecting another.
 */
public interface Page {
    /** The template under {@code templates/}. */
    String template();
}
