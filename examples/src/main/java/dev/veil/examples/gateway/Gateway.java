package dev.veil.examples.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.veil.Action;
import dev.veil.DetectionFailedException;
import dev.veil.EntityType;
import dev.veil.Policy;
import dev.veil.PromptBlockedException;
import dev.veil.Veil;
import dev.veil.VeilException;
import dev.veil.session.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat completions proxy that keeps personal data away from the model: each
 * {@code POST /v1/chat/completions} has its message texts (and prediction, metadata and user ids)
 * pseudonymised by a Veil session, goes to the upstream with the caller's {@code Authorization}
 * header, and comes back with the session's original values restored, as a whole reply or while it
 * streams.
 *
 * <pre>{@code
 * Veil veil = Veil.builder().policy(Gateway.policy("balanced")).build();
 * try (Gateway gateway = Gateway.start(veil, new InetSocketAddress("127.0.0.1", 8787),
 *         URI.create("https://api.openai.com"))) {
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Sessions.</b> A request with header {@value #SESSION_HEADER} uses the session of that id, so
 * every turn of a conversation gets the same tokens; the id is scoped by a hash of the
 * {@code Authorization} header, so a caller with another API key never reaches it. A request without
 * the header gets a random session that ends with the reply.
 *
 * <p><b>Fails closed.</b> A prompt the policy blocks is answered with 400, one whose detection fails
 * with 422; the upstream is not called. Upstream failures become 502. Error bodies name entity types
 * and HTTP statuses, never prompt or reply text, and the gateway logs nothing.
 *
 * <p>Thread-safe: serves requests concurrently. {@link #close()} stops it.
 */
public final class Gateway implements AutoCloseable {

    /** The request header that names the conversation. */
    public static final String SESSION_HEADER = "X-Veil-Session";
    /** The only path served. */
    public static final String PATH = "/v1/chat/completions";

    /** Request headers passed on to the upstream; everything else stays here. */
    private static final List<String> PASSED_HEADERS = List.of("Authorization", "OpenAI-Organization", "OpenAI-Project");
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofMinutes(5);

    private final Veil veil;
    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService workers;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    private Gateway(Veil veil, HttpServer server, URI upstream) {
        this.veil = veil;
        this.server = server;
        this.upstream = upstream;
        this.workers = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "veil-gateway");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        server.createContext(PATH, this::handle);
        server.setExecutor(workers);
    }

    /**
     * The policy preset of that name ({@code balanced}, {@code strict}, {@code strictest}) with every
     * type it acts on pseudonymised instead of replaced by a label, so replies can be restored. Types
     * the preset blocks stay blocked.
     *
     * @throws IllegalArgumentException if there is no preset of that name
     */
    public static Policy policy(String preset) {
        return Policy.preset(preset).toBuilder().defaultAction(Action.PSEUDONYMIZE).build();
    }

    /**
     * Starts a gateway on {@code bind} (port 0 picks a free port) that forwards to {@code upstream}, a
     * base URL such as {@code https://api.openai.com} to which {@value #PATH} is appended.
     *
     * @throws IOException if the address cannot be bound
     */
    public static Gateway start(Veil veil, InetSocketAddress bind, URI upstream) throws IOException {
        Objects.requireNonNull(veil, "veil");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(upstream, "upstream");
        String base = upstream.toString().replaceAll("/+$", "");
        Gateway gateway = new Gateway(veil, HttpServer.create(bind, 0), URI.create(base));
        gateway.server.start();
        return gateway;
    }

    /** The port the gateway listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests and stops the workers; replies still in progress are cut off. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                sendError(exchange, 405, "method_not_allowed", "only POST is served here", null);
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                sendError(exchange, 413, "request_too_large", "the request body is larger than 16 MiB", null);
                return;
            }
            ObjectNode request;
            try {
                request = json.readTree(body) instanceof ObjectNode o ? o : null;
            } catch (JsonProcessingException e) {
                request = null;  // the parser's message may quote the body
            }
            if (request == null) {
                sendError(exchange, 400, "invalid_request_error", "the body is not a JSON object", null);
                return;
            }
            String named = exchange.getRequestHeaders().getFirst(SESSION_HEADER);
            String sessionId = scope(exchange.getRequestHeaders().getFirst("Authorization"))
                    + (named == null || named.isBlank() ? "random/" + UUID.randomUUID() : "named/" + named);
            try {
                serve(exchange, request, veil.session(sessionId));
            } catch (RuntimeException e) {
                // Only the class name: a message from a library could quote the text.
                if (exchange.getResponseCode() == -1) {
                    sendError(exchange, 500, "internal_error", "the gateway failed (" + e.getClass().getSimpleName()
                            + "); nothing was sent upstream unprotected", null);
                }
            } finally {
                if (named == null || named.isBlank()) {
                    veil.endSession(sessionId);  // nobody can refer to it again
                }
            }
        }
    }

    private void serve(HttpExchange exchange, ObjectNode request, Session session) throws IOException {
        try {
            RequestProtector.protect(request, session);
        } catch (PromptBlockedException e) {
            sendError(exchange, 400, "veil_blocked", e.getMessage(),
                    e.blockedTypes().stream().map(EntityType::name).toList());
            return;
        } catch (DetectionFailedException e) {
            sendError(exchange, 422, "veil_detection_failed", e.getMessage(), null);
            return;
        } catch (IllegalArgumentException | VeilException e) {
            // No messages array, a text over the engine's limit, or a full session: messages carry no text.
            sendError(exchange, 400, "invalid_request_error", e.getMessage(), null);
            return;
        }
        boolean stream = request.path("stream").asBoolean(false);
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + PATH))
                .timeout(UPSTREAM_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request)));
        for (String name : PASSED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                forward.header(name, value);
            }
        }
        HttpResponse<InputStream> reply;
        try {
            reply = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            sendError(exchange, 502, "upstream_unreachable", "the upstream could not be reached ("
                    + e.getClass().getSimpleName() + ")", null);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendError(exchange, 502, "upstream_unreachable", "interrupted while calling the upstream", null);
            return;
        }
        try (InputStream in = reply.body()) {
            if (reply.statusCode() / 100 != 2) {
                // The upstream's error body is dropped: it may quote the (protected) prompt.
                sendError(exchange, 502, "upstream_error", "the upstream answered HTTP " + reply.statusCode(), null);
            } else if (stream) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.sendResponseHeaders(200, 0);  // 0: chunked, written as it comes
                new StreamRelay(session, json).relay(in, exchange.getResponseBody());
            } else {
                JsonNode answer;
                try {
                    answer = json.readTree(in);
                } catch (JsonProcessingException e) {
                    answer = null;
                }
                if (!(answer instanceof ObjectNode)) {
                    sendError(exchange, 502, "upstream_error", "the upstream did not answer with a JSON object", null);
                    return;
                }
                ReplyRestorer.restore(answer, session);
                send(exchange, 200, json.writeValueAsBytes(answer));
            }
        }
    }

    /**
     * A prefix that ties session ids to the caller's credentials: a hash, so the key itself is not
     * kept as a map key.
     */
    private static String scope(String authorization) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((authorization == null ? "" : authorization).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + "/";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void sendError(HttpExchange exchange, int status, String type, String message, List<String> blocked)
            throws IOException {
        ObjectNode error = json.createObjectNode();
        ObjectNode e = error.putObject("error");
        e.put("message", message);
        e.put("type", type);
        if (blocked != null) {
            blocked.forEach(e.putArray("blocked_types")::add);
        }
        send(exchange, status, json.writeValueAsBytes(error));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Runs a gateway until the process is stopped. Arguments: {@code --upstream URL} (required),
     * {@code --port N} (default 8787), {@code --policy balanced|strict|strictest} (default balanced),
     * {@code --bind ADDRESS} (default 127.0.0.1).
     */
    public static void main(String[] args) throws IOException {
        GatewayOptions options;
        try {
            options = GatewayOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("veil gateway: " + e.getMessage());
            System.err.println(GatewayOptions.USAGE);
            System.exit(2);
            return;
        }
        // The cache: every turn re-sends the history, and restored replies are detected ahead of it.
        Veil veil = Veil.builder().policy(policy(options.policy())).detectionCache().build();
        Gateway gateway = start(veil, new InetSocketAddress(options.bind(), options.port()), options.upstream());
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        System.out.println("veil gateway: http://" + options.bind() + ":" + gateway.port() + PATH + " -> "
                + options.upstream() + " (policy " + options.policy() + ")");
    }
}
