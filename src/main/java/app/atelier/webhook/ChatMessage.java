package app.atelier.webhook;

import app.atelier.web.Text;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** An event told as a team chat shows it: one sentence in the language of whoever registered the endpoint, and the link. */
final class ChatMessage {
    /** The fields of each event's data its sentence names, in the order of its message's arguments. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            "contribution.created", List.of("authorName", "title", "challengeTitle"),
            "comment.created", List.of("authorName", "contributionTitle", "body"),
            "response.created", List.of("authorName", "contributionTitle", "status"),
            "challenge.moved", List.of("title", "to"),
            "flag.raised", List.of("label", "reason"),
            "application.received", List.of("name"),
            "payment.made", List.of("amount", "payee", "description"),
            "document.issued", List.of("reference", "buyer", "total"),
            "test.ping", List.of("sentBy"));
    private static final int QUOTED = 200;

    private ChatMessage() {
    }

    static String of(JsonNode payload, Text text) {
        String type = payload.path("type").asText();
        var data = payload.path("data");
        var args = FIELDS.getOrDefault(type, List.of()).stream().map(field -> argument(data, field, text)).toArray();
        return text.t("webhook.chat." + type, args) + " " + data.path("url").asText();
    }

    private static Object argument(JsonNode data, String field, Text text) {
        if (field.equals("amount") || field.equals("total")) return text.money(data.path(field).asLong(), data.path("currency").asText("EUR"));
        String value = data.path(field).asText();
        return value.length() > QUOTED ? value.substring(0, QUOTED) + "…" : value;
    }
}
