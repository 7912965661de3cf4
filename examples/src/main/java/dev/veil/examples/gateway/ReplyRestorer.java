package dev.veil.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.examples.json.JsonStrings;
import dev.veil.examples.json.JsonStrings.KeyClash;
import dev.veil.session.Session;

/**
 * Restores a complete (non-streamed) chat completions reply in place: the {@code message.content} and
 * {@code message.refusal} of every choice, and the strings (keys too) inside the JSON arguments of its
 * tool calls and of a legacy {@code function_call}, get the session's original values back.
 *
 * <p>Stateless; thread-safe as far as the session is.
 */
final class ReplyRestorer {

    private ReplyRestorer() {
    }

    static void restore(JsonNode reply, Session session) {
        for (JsonNode choice : reply.path("choices")) {
            if (!(choice.path("message") instanceof ObjectNode message)) {
                continue;
            }
            for (String field : new String[] {"content", "refusal"}) {
                if (message.path(field).isTextual()) {
                    message.put(field, session.restore(message.get(field).asText()));
                }
            }
            for (JsonNode call : message.path("tool_calls")) {
                restoreArgumentsOf(call.path("function"), session);
            }
            restoreArgumentsOf(message.path("function_call"), session);
        }
    }

    private static void restoreArgumentsOf(JsonNode function, Session session) {
        if (function instanceof ObjectNode f && f.path("arguments").isTextual()) {
            f.put("arguments", restoreArguments(f.get("arguments").asText(), session));
        }
    }

    /**
     * Tool-call arguments with every string restored, keys included. They are parsed first, so a
     * restored value with a quote or a newline in it is escaped where it lands; arguments that are not
     * exactly one JSON object or array (cut off by a length limit) are returned as the model wrote them.
     */
    static String restoreArguments(String arguments, Session session) {
        JsonNode tree = JsonStrings.readStrict(arguments);
        return tree == null ? arguments : JsonStrings.write(JsonStrings.map(tree, session::restore, KeyClash.KEEP));
    }
}
