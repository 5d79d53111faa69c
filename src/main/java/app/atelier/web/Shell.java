package app.atelier.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What every page's frame needs: the words, who is signed in, the form token, where we are; the line the last action
 * left to say ({@code notice}, or null), and the address a signed-in member has not verified yet (or null).
 */
public record Shell(Text text, Viewer viewer, String csrf, String path, Instant now, long unread, List<Workplace> workplaces, Notice notice,
                    String unverifiedEmail) {

    public String t(String key, Object... args) {
        return text.t(key, args);
    }

    public String t(Message message) {
        return text.t(message);
    }

    public String ago(Instant then) {
        return text.ago(then, now);
    }

    public String left(Instant until) {
        return text.left(until, now);
    }

    /** This page's address, to come back to after choosing a language or signing in. */
    public String back() {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    public String person(String name) {
        return text.person(name);
    }

    public String number(long value) {
        return text.number(value);
    }
}
