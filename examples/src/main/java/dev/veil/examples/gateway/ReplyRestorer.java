package dev.veil.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.session.Session;

/**
 * Restores a complete (non-streamed) chat completions reply in place: the {@code message.content} of
 * every choice gets the session's original values back. Tool-call arguments are left as the model
 * wrote them (see the README).
 *
 * <p>Stateless; thread-safe as far as the session is.
 */
final class ReplyRestorer {

    private ReplyRestorer() {
    }

    static void restore(JsonNode reply, Session session) {
        for (JsonNode choice : reply.path("choices")) {
            if (choice.path("message") instanceof ObjectNode message && message.path("content").isTextual()) {
                message.put("content", session.restore(message.get("content").asText()));
            }
        }
    }
}
