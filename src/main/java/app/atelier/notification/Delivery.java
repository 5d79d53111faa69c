package app.atelier.notification;

import java.util.Locale;

public enum Delivery {
    NOW, DIGEST, OFF;

    public String key() {
        return "delivery." + name().toLowerCase(Locale.ROOT);
    }
}
