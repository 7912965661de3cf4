package dev.veil.examples.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applies a text function (protect or restore) to every string value of tool-call arguments, at any depth.
 * Values are handled one by one so that a detector sees {@code Jan de Vries} on its own rather than inside
 * JSON punctuation, and a new value with a quote or newline in it is escaped where it lands. Keys stay as
 * they are: the tool's schema names them. Arguments where nothing changes come back byte for byte;
 * arguments that are not a JSON object or array (cut off by a length limit) go through the function as
 * one raw text.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonStrings {

    /** Floats as BigDecimal as written ({@code 1.10} stays {@code 1.10}): re-writing never rounds a number. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private JsonStrings() {
    }

    static String map(String arguments, UnaryOperator<String> function) {
        JsonNode tree;
        try {
            tree = JSON.readTree(arguments);
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (tree == null || !tree.isContainerNode()) {
            return function.apply(arguments);
        }
        if (!mapStrings(tree, function)) {
            return arguments;
        }
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write tool arguments", e);
        }
    }

    /** Maps every string value under {@code node} in place; true if any changed. */
    private static boolean mapStrings(JsonNode node, UnaryOperator<String> function) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    String mapped = function.apply(field.getValue().asText());
                    if (!mapped.equals(field.getValue().asText())) {
                        field.setValue(object.textNode(mapped));
                        changed = true;
                    }
                } else {
                    changed |= mapStrings(field.getValue(), function);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    String mapped = function.apply(array.get(i).asText());
                    if (!mapped.equals(array.get(i).asText())) {
                        array.set(i, array.textNode(mapped));
                        changed = true;
                    }
                } else {
                    changed |= mapStrings(array.get(i), function);
                }
            }
        }
        return changed;
    }
}
