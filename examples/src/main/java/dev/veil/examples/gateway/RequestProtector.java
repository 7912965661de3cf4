package dev.veil.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.session.Session;

/**
 * Rewrites an OpenAI chat completions request in place so that every text the model would read goes
 * through one Veil session: {@code messages[].content} as a string, the {@code text} of each
 * {@code {"type":"text"}} part when content is an array, and the {@code function.arguments} of tool
 * calls in the history. Everything else ({@code tools} definitions, {@code model}, {@code user}) is
 * passed on unchanged.
 *
 * <p>Stateless; thread-safe as far as the session is.
 */
final class RequestProtector {

    private RequestProtector() {
    }

    /**
     * Protects every message text of {@code request} with {@code session}. Either all texts are
     * rewritten or an exception leaves the request unfit to send (the caller must not send it).
     *
     * @throws IllegalArgumentException if the request has no {@code messages} array
     * @throws dev.veil.PromptBlockedException if the policy blocks a type found in any message
     * @throws dev.veil.DetectionFailedException if a detector fails
     */
    static void protect(ObjectNode request, Session session) {
        if (!(request.get("messages") instanceof ArrayNode messages)) {
            throw new IllegalArgumentException("the request has no \"messages\" array");
        }
        for (JsonNode message : messages) {
            if (!(message instanceof ObjectNode m)) {
                continue;
            }
            JsonNode content = m.get("content");
            if (content != null && content.isTextual()) {
                m.put("content", session.protect(content.asText()).text());
            } else if (content instanceof ArrayNode parts) {
                for (JsonNode part : parts) {
                    if (part instanceof ObjectNode p && "text".equals(p.path("type").asText())
                            && p.path("text").isTextual()) {
                        p.put("text", session.protect(p.get("text").asText()).text());
                    }
                }
            }
            // Tool calls the client sends back in the history may carry values it filled in itself.
            for (JsonNode call : m.path("tool_calls")) {
                if (call.path("function") instanceof ObjectNode f && f.path("arguments").isTextual()) {
                    f.put("arguments", session.protect(f.get("arguments").asText()).text());
                }
            }
        }
    }
}
