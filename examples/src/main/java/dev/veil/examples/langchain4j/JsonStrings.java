package dev.veil.examples.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applies a text function (protect or restore) to every string of tool-call arguments, keys included, at
 * any depth. Strings are handled one by one so that a detector sees {@code Jan de Vries} on its own rather
 * than inside JSON punctuation, and a new value with a quote or newline in it is escaped where it lands.
 * The arguments are read strictly: text after the first value, or a key given twice, would otherwise pass
 * unread, so such arguments (and those that are not a JSON object or array, cut off by a length limit) go
 * through the function as one raw text. Arguments where nothing changes come back byte for byte.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonStrings {

    /** What to do when two keys of one object map to the same string. */
    enum KeyClash {
        /** Refuse: sending one of them would drop the other's value (protecting). */
        FAIL,
        /** Keep the key as it was (restoring: the tool still gets every value). */
        KEEP
    }

    /** Strict; floats as BigDecimal as written ({@code 1.10} stays {@code 1.10}): re-writing never rounds a number. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private JsonStrings() {
    }

    /** @throws IllegalArgumentException on a key clash with {@link KeyClash#FAIL} */
    static String map(String arguments, UnaryOperator<String> function, KeyClash clash) {
        JsonNode tree;
        try {
            tree = JSON.readTree(arguments);
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (tree == null || !tree.isContainerNode()) {
            return function.apply(arguments);
        }
        boolean[] changed = {false};
        JsonNode mapped = mapStrings(tree, function, clash, changed);
        if (!changed[0]) {
            return arguments;
        }
        try {
            return JSON.writeValueAsString(mapped);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write tool arguments", e);
        }
    }

    private static JsonNode mapStrings(JsonNode node, UnaryOperator<String> function, KeyClash clash, boolean[] changed) {
        if (node.isTextual()) {
            String mapped = function.apply(node.asText());
            if (mapped.equals(node.asText())) {
                return node;
            }
            changed[0] = true;
            return TextNode.valueOf(mapped);
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = array.arrayNode();
            array.forEach(element -> out.add(mapStrings(element, function, clash, changed)));
            return out;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = object.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = function.apply(field.getKey());
                if (!key.equals(field.getKey())) {
                    if (out.has(key) || object.has(key)) {
                        if (clash == KeyClash.FAIL) {
                            throw new IllegalArgumentException("two keys of tool-call arguments are the same once protected");
                        }
                        key = field.getKey();
                    } else {
                        changed[0] = true;
                    }
                }
                out.set(key, mapStrings(field.getValue(), function, clash, changed));
            }
            return out;
        }
        return node;
    }
}
