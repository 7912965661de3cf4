package dev.veil.examples.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.session.Session;
import dev.veil.session.StreamRestorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies a streamed chat completions reply (Server-Sent Events) from the upstream to the client, event
 * by event, restoring {@code choices[].delta.content} on the way with one {@link StreamRestorer} per
 * choice index. Text that might still be the start of a token is held back (a few dozen chars at
 * most) and released with a later chunk; when a choice reports a {@code finish_reason}, or at
 * {@code [DONE]} or the end of the stream, whatever is still held back is released. Nothing else is
 * buffered: each event is flushed to the client as soon as it is complete.
 *
 * <p>A refusal ({@code delta.refusal}) is restored the same way as content, with a restorer of its
 * own. Tool-call arguments ({@code delta.tool_calls[].function.arguments}, and the legacy
 * {@code delta.function_call.arguments}) are the exception: their fragments are collected per choice
 * and call index and sent as one fragment, restored, just before the choice's {@code finish_reason}
 * (a tool cannot run on half its arguments anyway, and restoring JSON needs the whole of it).
 *
 * <p>Restoring works on decoded JSON strings, never on raw bytes, so JSON escapes and chunk
 * boundaries cannot hide a token. Lines that are not JSON {@code data:} events pass through as they
 * are. Not thread-safe: one relay per reply.
 */
final class StreamRelay {

    private static final String DATA = "data:";

    private final Session session;
    private final ObjectMapper json;
    private final Map<Integer, StreamRestorer> open = new TreeMap<>();
    /** Restorers of {@code delta.refusal}, by choice index. */
    private final Map<Integer, StreamRestorer> openRefusals = new TreeMap<>();
    /** Tool-call argument fragments by choice index, then by call index. */
    private final Map<Integer, Map<Integer, StringBuilder>> toolArguments = new TreeMap<>();
    /** Legacy {@code function_call} argument fragments by choice index. */
    private final Map<Integer, StringBuilder> functionArguments = new TreeMap<>();
    /** The latest chunk, whose id and model a chunk made up to release held-back text repeats. */
    private ObjectNode lastChunk;

    StreamRelay(Session session, ObjectMapper json) {
        this.session = session;
        this.json = json;
    }

    /** Relays until the upstream stream ends; flushes after every event. */
    void relay(InputStream upstream, OutputStream client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(DATA)) {
                String data = line.substring(DATA.length()).strip();
                if (data.equals("[DONE]")) {
                    releaseHeldBack(out);
                    out.write(line);
                } else {
                    String restored = restoreChunk(data, out);
                    out.write("data: ");
                    out.write(restored);
                }
                out.write('\n');
            } else {
                out.write(line);
                out.write('\n');
                if (line.isEmpty()) {
                    out.flush();  // a blank line ends an event: hand it on now
                }
            }
        }
        releaseHeldBack(out);  // the upstream stopped without [DONE]
        out.flush();
    }

    /** The chunk restored; writes any tool-call arguments it completes to {@code out} first. */
    private String restoreChunk(String data, Writer out) throws IOException {
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (JsonProcessingException e) {
            return data;  // not ours to repair; it holds no original values either
        }
        if (!(chunk instanceof ObjectNode c)) {
            return data;
        }
        lastChunk = c;
        for (JsonNode choice : c.path("choices")) {
            if (choice instanceof ObjectNode ch) {
                restoreChoice(ch, out);
            }
        }
        return json.writeValueAsString(c);
    }

    private void restoreChoice(ObjectNode choice, Writer out) throws IOException {
        int index = choice.path("index").asInt(0);
        StringBuilder text = new StringBuilder();
        JsonNode delta = choice.get("delta");
        boolean hasContent = delta != null && delta.path("content").isTextual();
        if (hasContent) {
            text.append(open.computeIfAbsent(index, i -> session.streamRestorer()).accept(delta.get("content").asText()));
        }
        StringBuilder refusal = new StringBuilder();
        boolean hasRefusal = delta != null && delta.path("refusal").isTextual();
        if (hasRefusal) {
            refusal.append(openRefusals.computeIfAbsent(index, i -> session.streamRestorer())
                    .accept(delta.get("refusal").asText()));
        }
        if (delta != null) {
            for (JsonNode call : delta.path("tool_calls")) {
                if (call.path("function") instanceof ObjectNode f && f.path("arguments").isTextual()) {
                    toolArguments.computeIfAbsent(index, i -> new TreeMap<>())
                            .computeIfAbsent(call.path("index").asInt(0), i -> new StringBuilder())
                            .append(f.get("arguments").asText());
                    f.put("arguments", "");
                }
            }
            if (delta.path("function_call") instanceof ObjectNode f && f.path("arguments").isTextual()) {
                functionArguments.computeIfAbsent(index, i -> new StringBuilder()).append(f.get("arguments").asText());
                f.put("arguments", "");
            }
        }
        JsonNode finish = choice.get("finish_reason");
        if (finish != null && !finish.isNull()) {
            releaseToolArguments(index, out);
            StreamRestorer done = open.remove(index);
            if (done != null) {
                text.append(done.finish());
            }
            StreamRestorer refused = openRefusals.remove(index);
            if (refused != null) {
                refusal.append(refused.finish());
            }
        }
        if (hasContent || text.length() > 0) {
            ObjectNode d = delta instanceof ObjectNode o ? o : choice.putObject("delta");
            d.put("content", text.toString());
        }
        if (hasRefusal || refusal.length() > 0) {
            ObjectNode d = choice.get("delta") instanceof ObjectNode o ? o : choice.putObject("delta");
            d.put("refusal", refusal.toString());
        }
    }

    /** Sends the collected tool-call arguments of one choice, restored, as one extra chunk. */
    private void releaseToolArguments(int index, Writer out) throws IOException {
        Map<Integer, StringBuilder> calls = toolArguments.remove(index);
        if (calls != null) {
            ObjectNode delta = json.createObjectNode();
            ArrayNode toolCalls = delta.putArray("tool_calls");
            for (Map.Entry<Integer, StringBuilder> call : calls.entrySet()) {
                toolCalls.addObject().put("index", call.getKey()).putObject("function")
                        .put("arguments", ReplyRestorer.restoreArguments(call.getValue().toString(), session));
            }
            writeExtraChunk(index, delta, out);
        }
        StringBuilder function = functionArguments.remove(index);
        if (function != null) {
            ObjectNode delta = json.createObjectNode();
            delta.putObject("function_call")
                    .put("arguments", ReplyRestorer.restoreArguments(function.toString(), session));
            writeExtraChunk(index, delta, out);
        }
    }

    /** Releases what every choice still holds: the stream ended without (some) finish_reason. */
    private void releaseHeldBack(Writer out) throws IOException {
        Set<Integer> withArguments = new TreeSet<>(toolArguments.keySet());
        withArguments.addAll(functionArguments.keySet());
        for (Integer index : withArguments) {
            releaseToolArguments(index, out);
        }
        for (Map.Entry<Integer, StreamRestorer> e : open.entrySet()) {
            String rest = e.getValue().finish();
            if (!rest.isEmpty()) {
                writeExtraChunk(e.getKey(), json.createObjectNode().put("content", rest), out);
            }
        }
        open.clear();
        for (Map.Entry<Integer, StreamRestorer> e : openRefusals.entrySet()) {
            String rest = e.getValue().finish();
            if (!rest.isEmpty()) {
                writeExtraChunk(e.getKey(), json.createObjectNode().put("refusal", rest), out);
            }
        }
        openRefusals.clear();
        out.flush();
    }

    /** Writes a chunk of our own for one choice, with the latest upstream chunk's id and model. */
    private void writeExtraChunk(int index, ObjectNode delta, Writer out) throws IOException {
        ObjectNode chunk = json.createObjectNode();
        if (lastChunk != null) {
            for (String field : new String[] {"id", "object", "created", "model"}) {
                if (lastChunk.has(field)) {
                    chunk.set(field, lastChunk.get(field));
                }
            }
        }
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
        choice.set("delta", delta);
        choice.putNull("finish_reason");
        out.write("data: " + json.writeValueAsString(chunk) + "\n\n");
    }
}
