package dev.veil.examples.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.session.Session;
import java.util.Iterator;
import java.util.Map;

/**
 * Restores a complete (non-streamed) chat completions reply in place: the {@code message.content} and
 * {@code message.refusal} of every choice, and the string values inside the JSON arguments of its tool
 * calls and of a legacy {@code function_call}, get the session's original values back.
 *
 * <p>Stateless; thread-safe as far as the session is.
 */
final class ReplyRestorer {

    private ReplyRestorer() {
    }

    static void restore(JsonNode reply, Session session, ObjectMapper json) {
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
                restoreArgumentsOf(call.path("function"), session, json);
            }
            restoreArgumentsOf(message.path("function_call"), session, json);
        }
    }

    private static void restoreArgumentsOf(JsonNode function, Session session, ObjectMapper json) {
        if (function instanceof ObjectNode f && f.path("arguments").isTextual()) {
            f.put("arguments", restoreArguments(f.get("arguments").asText(), session, json));
        }
    }

    /**
     * Tool-call arguments with every string value restored. They are parsed first, so a restored
     * value with a quote or a newline in it is escaped where it lands; arguments that are not valid
     * JSON (cut off by a length limit) are returned as the model wrote them.
     */
    static String restoreArguments(String arguments, Session session, ObjectMapper json) {
        JsonNode tree;
        try {
            tree = json.readTree(arguments);
        } catch (JsonProcessingException e) {
            return arguments;
        }
        if (tree == null || !tree.isContainerNode()) {
            return arguments;
        }
        restoreStrings(tree, session);
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return arguments;
        }
    }

    private static void restoreStrings(JsonNode node, Session session) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    field.setValue(object.textNode(session.restore(field.getValue().asText())));
                } else {
                    restoreStrings(field.getValue(), session);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, array.textNode(session.restore(array.get(i).asText())));
                } else {
                    restoreStrings(array.get(i), session);
                }
            }
        }
    }
}
