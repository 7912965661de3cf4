package dev.veil.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an OpenAI-compatible model on loopback: it records every request and answers with
 * the tokens it saw ({@code "Noted: [EMAIL_1], [PHONE_1]"}, plus {@link #extra}), as one JSON reply or, for
 * {@code "stream": true}, as Server-Sent Events of {@value #CHUNK} chars each, so tokens are cut in
 * the middle. With {@code "n": 2} it streams two interleaved choices. A request with {@code "tools"}
 * is answered with one call of tool {@code lookup} whose arguments are {@code {"mentions":[tokens]}}.
 */
final class FakeUpstream implements AutoCloseable {

    static final int CHUNK = 3;
    private static final Pattern TOKEN = Pattern.compile("\\[[A-Z_]+_\\d+\\]");

    /** One request as the upstream received it. */
    record Received(String body, String authorization) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Text appended to every answer, e.g. a token the request did not contain. */
    volatile String extra = "";
    /** When not 0, every request is answered with this status and a body quoting the request. */
    volatile int failWith;
    /** Whether streams end without a chunk that carries {@code finish_reason}. */
    volatile boolean omitFinishReason;
    /** When set, a stream pauses after its first half until this is counted down (at most 5 s). */
    volatile CountDownLatch pauseMidStream;
    /** Whether the paused stream was released by the client rather than by the 5 s time-out. */
    volatile boolean releasedByClient;

    FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Every request body received so far, concatenated. */
    String allBodies() {
        StringBuilder all = new StringBuilder();
        received.forEach(r -> all.append(r.body()).append('\n'));
        return all.toString();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization")));
            if (failWith != 0) {
                send(exchange, failWith, "application/json", "{\"error\":{\"message\":\"cannot handle " + body + "\"}}");
                return;
            }
            JsonNode request = json.readTree(body);
            List<String> tokens = new ArrayList<>();
            Matcher m = TOKEN.matcher(request.path("messages").toString());
            while (m.find()) {
                tokens.add(m.group());
            }
            String content = "Noted: " + String.join(", ", tokens) + extra;
            if (request.has("tools") || request.has("functions")) {
                ObjectNode arguments = json.createObjectNode();
                tokens.forEach(arguments.putArray("mentions")::add);
                if (request.has("tools")) {
                    toolCall(exchange, json.writeValueAsString(arguments), request.path("stream").asBoolean(false));
                } else {
                    functionCall(exchange, json.writeValueAsString(arguments), request.path("stream").asBoolean(false));
                }
            } else if (request.path("x_fake_refuse").asBoolean(false)) {
                refuse(exchange, content, request.path("stream").asBoolean(false));
            } else if (request.path("stream").asBoolean(false)) {
                stream(exchange, content, request.path("n").asInt(1));
            } else {
                ObjectNode reply = json.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion");
                ObjectNode choice = reply.putArray("choices").addObject().put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", content);
                choice.put("finish_reason", "stop");
                send(exchange, 200, "application/json", json.writeValueAsString(reply));
            }
        }
    }

    private void stream(HttpExchange exchange, String content, int choices) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int start = 0; start < content.length(); start += CHUNK) {
            if (pauseMidStream != null && start / CHUNK == content.length() / CHUNK / 2) {
                try {
                    releasedByClient = pauseMidStream.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String piece = content.substring(start, Math.min(content.length(), start + CHUNK));
            for (int i = 0; i < choices; i++) {
                ObjectNode chunk = chunk();
                chunk.withArray("choices").addObject().put("index", i).putNull("finish_reason")
                        .putObject("delta").put("content", piece);
                event(out, json.writeValueAsString(chunk));
            }
        }
        for (int i = 0; i < choices && !omitFinishReason; i++) {
            ObjectNode chunk = chunk();
            ObjectNode choice = chunk.withArray("choices").addObject().put("index", i);
            choice.putObject("delta");
            choice.put("finish_reason", "stop");
            event(out, json.writeValueAsString(chunk));
        }
        event(out, "[DONE]");
        out.close();
    }

    private void toolCall(HttpExchange exchange, String arguments, boolean stream) throws IOException {
        if (!stream) {
            ObjectNode reply = json.createObjectNode().put("id", "chatcmpl-2").put("object", "chat.completion");
            ObjectNode choice = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls");
            ObjectNode message = choice.putObject("message").put("role", "assistant").putNull("content");
            message.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                    .putObject("function").put("name", "lookup").put("arguments", arguments);
            send(exchange, 200, "application/json", json.writeValueAsString(reply));
            return;
        }
        streamArguments(exchange, arguments, "tool_calls", (delta, first) -> {
            ObjectNode call = delta.putArray("tool_calls").addObject().put("index", 0);
            if (first) {
                call.put("id", "call_1").put("type", "function");
            }
            return call.putObject("function");
        });
    }

    /**
     * Streams a call's arguments in {@link #CHUNK}-char fragments: {@code function} makes, in a delta
     * (the first one or a later one), the object that holds the name or a fragment.
     */
    private void streamArguments(HttpExchange exchange, String arguments, String finishReason,
            java.util.function.BiFunction<ObjectNode, Boolean, ObjectNode> function) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        ObjectNode first = chunk();
        ObjectNode firstFunction = function.apply(first.withArray("choices").addObject().put("index", 0)
                .putNull("finish_reason").putObject("delta"), true);
        firstFunction.put("name", "lookup").put("arguments", "");
        event(out, json.writeValueAsString(first));
        for (int start = 0; start < arguments.length(); start += CHUNK) {
            ObjectNode chunk = chunk();
            function.apply(chunk.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                    .putObject("delta"), false)
                    .put("arguments", arguments.substring(start, Math.min(arguments.length(), start + CHUNK)));
            event(out, json.writeValueAsString(chunk));
        }
        ObjectNode last = chunk();
        last.withArray("choices").addObject().put("index", 0).put("finish_reason", finishReason).putObject("delta");
        event(out, json.writeValueAsString(last));
        event(out, "[DONE]");
        out.close();
    }

    /** A legacy {@code function_call} reply (the API's {@code functions} parameter), streamed or whole. */
    private void functionCall(HttpExchange exchange, String arguments, boolean stream) throws IOException {
        if (!stream) {
            ObjectNode reply = json.createObjectNode().put("id", "chatcmpl-3").put("object", "chat.completion");
            ObjectNode choice = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "function_call");
            choice.putObject("message").put("role", "assistant").putNull("content")
                    .putObject("function_call").put("name", "lookup").put("arguments", arguments);
            send(exchange, 200, "application/json", json.writeValueAsString(reply));
            return;
        }
        streamArguments(exchange, arguments, "function_call", (delta, first) -> delta.putObject("function_call"));
    }

    /** A refusal that repeats the tokens it saw, streamed or whole. */
    private void refuse(HttpExchange exchange, String text, boolean stream) throws IOException {
        if (!stream) {
            ObjectNode reply = json.createObjectNode().put("id", "chatcmpl-4").put("object", "chat.completion");
            ObjectNode choice = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").putNull("content").put("refusal", text);
            send(exchange, 200, "application/json", json.writeValueAsString(reply));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int start = 0; start < text.length(); start += CHUNK) {
            ObjectNode chunk = chunk();
            chunk.withArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta")
                    .put("refusal", text.substring(start, Math.min(text.length(), start + CHUNK)));
            event(out, json.writeValueAsString(chunk));
        }
        ObjectNode last = chunk();
        last.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        event(out, json.writeValueAsString(last));
        event(out, "[DONE]");
        out.close();
    }

    private ObjectNode chunk() {
        ObjectNode chunk = json.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk");
        chunk.putArray("choices");
        return chunk;
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
