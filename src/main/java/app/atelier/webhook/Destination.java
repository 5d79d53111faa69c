package app.atelier.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an endpoint may point: an https address on the public internet. An address whose name resolves to the
 * platform's own machine or network (loopback, private, link-local, unique-local, any-local, multicast) is refused, so
 * that nobody can use the platform to reach what stands behind it; the operator may allow them ({@code
 * ATELIER_WEBHOOKS_PRIVATE}), for a receiver on their own network, and then plain http to such an address too.
 */
public record Destination(boolean privateAllowed) {
    static final int URL_MAX = 500;

    /** Why the address is refused, as a message key; empty when it may be used. Resolves its name, so it may take a moment. */
    public Optional<String> refusal(String url) {
        if (url.isBlank()) return Optional.of("error.required");
        if (url.length() > URL_MAX) return Optional.of("webhook.urlTooLong");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("webhook.urlFormat");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))) return Optional.of("webhook.urlFormat");
        if (scheme.equals("http") && !privateAllowed) return Optional.of("webhook.urlHttps");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("webhook.urlUnknown");
        }
        boolean inside = false;
        for (var address : addresses) inside |= inside(address);
        if (inside && !privateAllowed) return Optional.of("webhook.urlPrivate");
        if (scheme.equals("http") && !(inside && privateAllowed)) return Optional.of("webhook.urlHttps");
        return Optional.empty();
    }

    static boolean inside(InetAddress address) {
        byte[] b = address.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean sharedCarrier = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress() || uniqueLocal || sharedCarrier;
    }
}
