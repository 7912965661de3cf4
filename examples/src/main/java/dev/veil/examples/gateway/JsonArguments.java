package dev.veil.examples.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Tool-call arguments read as JSON strictly and written back exactly. Strictly, because whatever a
 * lenient parser skips would pass unread: text after the first value ({@code {"n":1} mail
 * jan@voorbeeld.nl}, two objects glued together) and the first of two equal keys. Exactly, because
 * the tool reads the numbers: {@code 1.10} stays {@code 1.10}.
 *
 * <p>Stateless; thread-safe.
 */
final class JsonArguments {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonArguments() {
    }

    /** The object or array {@code text} holds, all of it; null if it is anything else or not JSON. */
    static JsonNode read(String text) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            return tree != null && tree.isContainerNode() ? tree : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
