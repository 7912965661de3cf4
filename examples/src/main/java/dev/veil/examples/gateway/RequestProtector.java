package dev.veil.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.examples.json.JsonStrings;
import dev.veil.examples.json.JsonStrings.KeyClash;
import dev.veil.session.Session;

/**
 * Rewrites an OpenAI chat completions request in place so that every text that carries the
 * conversation's content goes through one Veil session:
 * <ul>
 *   <li>{@code messages[].content} as a string, and the {@code text} of {@code {"type":"text"}} and the
 *       {@code refusal} of {@code {"type":"refusal"}} parts when content is an array;
 *   <li>{@code messages[].refusal}, the {@code function.arguments} of {@code messages[].tool_calls} and
 *       the {@code arguments} of the legacy {@code messages[].function_call} (each string of the JSON on
 *       its own);
 *   <li>{@code prediction.content} (a string or text parts): it is expected output, so it quotes the
 *       conversation;
 *   <li>every key and string of {@code metadata} (at any depth), and {@code user} and
 *       {@code safety_identifier}: the model does not read them but the provider stores them, so an
 *       address there becomes a token while an opaque id passes unchanged.
 * </ul>
 * Everything else passes on unchanged: the developer's definitions ({@code tools}, {@code functions},
 * {@code response_format}, {@code tool_choice}), {@code messages[].name} (an identifier the API restricts
 * to {@code [a-zA-Z0-9_-]}, which a token would break), images, audio and files, and any field this
 * class does not know.
 *
 * <p>Stateless; thread-safe as far as the session is.
 */
final class RequestProtector {

    private RequestProtector() {
    }

    /**
     * Protects every text of {@code request} listed above with {@code session}. Either all texts are
     * rewritten or an exception leaves the request unfit to send (the caller must not send it).
     *
     * @throws IllegalArgumentException if the request has no {@code messages} array
     * @throws dev.veil.PromptBlockedException if the policy blocks a type found in any text
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
            content(m, session);
            text(m, "refusal", session);
            // Tool calls the client sends back in the history may carry values it filled in itself.
            for (JsonNode call : m.path("tool_calls")) {
                if (call.path("function") instanceof ObjectNode f) {
                    arguments(f, session);
                }
            }
            if (m.path("function_call") instanceof ObjectNode f) {
                arguments(f, session);
            }
        }
        if (request.path("prediction") instanceof ObjectNode prediction) {
            content(prediction, session);
        }
        if (request.has("metadata")) {
            request.set("metadata", JsonStrings.map(request.get("metadata"), t -> session.protect(t).text(), KeyClash.FAIL));
        }
        text(request, "user", session);
        text(request, "safety_identifier", session);
    }

    /**
     * Tool-call arguments, a JSON text: every string in it (keys included) protected on its own, as the
     * reply's are restored. Detectors read a value better alone: in {@code {"to":["Jan de Vries"]}} the
     * JSON around the name hid it from the name rules. Arguments that are not exactly one JSON object or
     * array (text after it, a repeated key) are protected as text, so nothing passes unread.
     */
    private static void arguments(ObjectNode function, Session session) {
        if (function.path("arguments").isTextual()) {
            function.put("arguments", JsonStrings.map(function.get("arguments").asText(), t -> session.protect(t).text(), KeyClash.FAIL));
        }
    }

    /** {@code content} as a string, or the text and refusal parts of it as an array. */
    private static void content(ObjectNode holder, Session session) {
        if (holder.path("content") instanceof ArrayNode parts) {
            for (JsonNode part : parts) {
                if (part instanceof ObjectNode p) {
                    switch (p.path("type").asText()) {
                        case "text" -> text(p, "text", session);
                        case "refusal" -> text(p, "refusal", session);
                        default -> { } // images, audio, files: not looked at
                    }
                }
            }
        } else {
            text(holder, "content", session);
        }
    }

    /** Protects {@code node.field} if it is a string. */
    private static void text(ObjectNode node, String field, Session session) {
        if (node.path(field).isTextual()) {
            node.put(field, session.protect(node.get(field).asText()).text());
        }
    }
}
