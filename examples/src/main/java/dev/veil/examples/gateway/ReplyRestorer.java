package dev.veil.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.veil.session.Session;
import java.util.Iterator;
import java.util.Map;

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
        JsonNode tree = JsonArguments.read(arguments);
        return tree == null ? arguments : JsonArguments.write(restoreStrings(tree, session));
    }

    /** {@code node} with every string restored, keys too (a key the model wrote as a token). */
    private static JsonNode restoreStrings(JsonNode node, Session session) {
        if (node.isTextual()) {
            return TextNode.valueOf(session.restore(node.asText()));
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = array.arrayNode();
            array.forEach(element -> out.add(restoreStrings(element, session)));
            return out;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = object.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = session.restore(field.getKey());
                if (!key.equals(field.getKey()) && (out.has(key) || object.has(key))) {
                    key = field.getKey(); // the model wrote both the token and its value as keys: keep both
                }
                out.set(key, restoreStrings(field.getValue(), session));
            }
            return out;
        }
        return node;
    }
}
