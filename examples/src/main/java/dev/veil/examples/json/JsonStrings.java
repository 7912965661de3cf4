package dev.veil.examples.json;

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
 * Applies a text function (protect or restore) to every string of a JSON value, keys included, at any
 * depth: the gateway's and the LangChain4j wrapper's tool-call arguments and metadata. Strings are handled
 * one by one so that a detector sees {@code Jan de Vries} on its own rather than inside JSON punctuation,
 * and a new value with a quote or newline in it is escaped where it lands. Text is read strictly: what a
 * lenient parser skips (text after the first value, two objects glued together, the first of two equal
 * keys) would otherwise pass unread. Numbers are written as they were read ({@code 1.10} stays
 * {@code 1.10}): the tool reads them.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonStrings {

    /** What to do when two keys of one object map to the same string. */
    public enum KeyClash {
        /** Refuse with {@link IllegalArgumentException}: sending one would drop the other's value (protecting). */
        FAIL,
        /** Keep the key as it was (restoring: the tool still gets every value). */
        KEEP
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private JsonStrings() {
    }

    /** The object or array {@code text} holds, all of it; null if it is anything else or not JSON. */
    public static JsonNode readStrict(String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            return tree != null && tree.isContainerNode() ? tree : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * {@code arguments} with every string mapped; exactly as given when nothing changes. Text that is not
     * strictly one JSON object or array (cut off by a length limit, text after it) goes through the
     * function as one raw text.
     *
     * @throws IllegalArgumentException on a key clash with {@link KeyClash#FAIL}
     */
    public static String map(String arguments, UnaryOperator<String> function, KeyClash clash) {
        JsonNode tree = readStrict(arguments);
        if (tree == null) {
            return function.apply(arguments);
        }
        boolean[] changed = {false};
        JsonNode mapped = map(tree, function, clash, changed);
        return changed[0] ? write(mapped) : arguments;
    }

    /**
     * A copy of {@code node} with every string mapped, keys included; numbers, booleans and null as they are.
     *
     * @throws IllegalArgumentException on a key clash with {@link KeyClash#FAIL}
     */
    public static JsonNode map(JsonNode node, UnaryOperator<String> function, KeyClash clash) {
        return map(node, function, clash, new boolean[1]);
    }

    private static JsonNode map(JsonNode node, UnaryOperator<String> function, KeyClash clash, boolean[] changed) {
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
            array.forEach(element -> out.add(map(element, function, clash, changed)));
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
                            throw new IllegalArgumentException("two keys of one JSON object are the same once protected;"
                                    + " rename one");
                        }
                        key = field.getKey();
                    } else {
                        changed[0] = true;
                    }
                }
                out.set(key, map(field.getValue(), function, clash, changed));
            }
            return out;
        }
        return node;
    }
}
