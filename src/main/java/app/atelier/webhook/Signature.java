package app.atelier.webhook;

import app.atelier.web.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks specification says: an HMAC-SHA256, keyed with the base64 after {@code whsec_},
 * over {@code id.timestamp.body}, sent as {@code v1,<base64>}; signatures under several secrets are separated by a
 * space, so that a receiver holding the old secret still verifies while a rotation settles.
 */
final class Signature {
    static final String PREFIX = "whsec_";

    private Signature() {
    }

    /** A new secret: 32 random bytes. */
    static String secret() {
        return PREFIX + Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(Tokens.random()));
    }

    static String sign(String secret, String id, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
