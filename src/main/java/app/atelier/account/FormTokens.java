package app.atelier.account;

import app.atelier.db.Database;
import app.atelier.web.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A visitor's form token, carried in a cookie signed with HMAC-SHA256 under a key the database keeps, so that no
 * session row is written for someone who only looks, and every instance of the app reads the same cookies.
 */
public final class FormTokens {
    private final SecretKeySpec key;

    public FormTokens(Database db) {
        String secret = db.write(h -> h.attach(PlatformSecretDao.class).secret("form-token", Tokens.random()));
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A new token and the cookie value that carries it. */
    String[] issue() {
        String token = Tokens.random();
        return new String[] {token, token + "." + signature(token)};
    }

    /** The token a cookie carries, or null when the cookie is missing or its signature is not ours. */
    String read(String cookie) {
        if (cookie == null) return null;
        int dot = cookie.indexOf('.');
        if (dot <= 0) return null;
        String token = cookie.substring(0, dot);
        return Tokens.same(signature(token), cookie.substring(dot + 1)) ? token : null;
    }

    private String signature(String token) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
