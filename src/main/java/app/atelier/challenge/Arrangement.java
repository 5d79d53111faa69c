package app.atelier.challenge;

import app.atelier.db.NameList;
import java.util.Locale;
import java.util.Set;

/** What a company offers around the technology of an inside-out challenge, and what a proposer asks for. */
public enum Arrangement {
    LICENCE, CO_DEVELOPMENT, SUPPLY;

    public String key() {
        return "arrangement." + name().toLowerCase(Locale.ROOT);
    }

    static String join(Set<Arrangement> values) {
        return NameList.join(values);
    }

    static Set<Arrangement> split(String names) {
        return NameList.split(Arrangement.class, names);
    }
}
