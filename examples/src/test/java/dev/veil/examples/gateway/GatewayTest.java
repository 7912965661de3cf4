package dev.veil.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Veil;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayTest {

    private static final String EMAIL = "jan.jansen@voorbeeld.nl";
    private static final String IBAN = "NL91 ABNA 0417 1643 00";
    private static final String PHONE = "06-12345678";
    private static final String NAME = "Jan de Vries";
    private static final String PROMPT = "Mijn naam is " + NAME + ". Mail " + EMAIL + " of bel " + PHONE
            + " over IBAN " + IBAN + ".";
    private static final List<String> ORIGINALS = List.of(EMAIL, IBAN, PHONE, NAME);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private FakeUpstream upstream;
    private Gateway gateway;

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = new FakeUpstream();
    }

    @AfterEach
    void stopServers() {
        if (gateway != null) {
            gateway.close();
        }
        upstream.close();
    }

    private void startGateway(Veil veil) throws IOException {
        gateway = Gateway.start(veil, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), upstream.baseUri());
    }

    private void startGateway() throws IOException {
        startGateway(Veil.builder().policy(Gateway.policy("balanced")).build());
    }

    @Test
    void upstreamSeesOnlyTokensAndClientGetsOriginalsBack() throws Exception {
        startGateway();
        HttpResponse<String> response = post(chat(PROMPT, false), "conversation-1", "Bearer key-a");

        assertEquals(200, response.statusCode());
        assertEquals(1, upstream.received().size());
        assertEquals("Bearer key-a", upstream.received().get(0).authorization());
        String sent = upstream.allBodies();
        for (String original : ORIGINALS) {
            assertFalse(sent.contains(original), "upstream saw a value of type " + typeOf(original));
        }
        assertTrue(sent.contains("[EMAIL_1]") && sent.contains("[PERSON_1]"), "upstream saw tokens");
        String answer = json.readTree(response.body()).at("/choices/0/message/content").asText();
        for (String original : ORIGINALS) {
            assertTrue(answer.contains(original), "restored " + typeOf(original));
        }
        assertFalse(answer.contains("[EMAIL_1]"));
    }

    @Test
    void streamedReplyIsRestoredPerChoiceWhenTokensAreCutAcrossChunks() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, true);
        request.put("n", 2);
        List<String> lines = streamLines(request, "conversation-2");

        for (String original : ORIGINALS) {
            assertFalse(upstream.allBodies().contains(original), "upstream saw a value of type " + typeOf(original));
        }
        Map<Integer, StringBuilder> byChoice = new TreeMap<>();
        for (String line : lines) {
            if (line.startsWith("data: {")) {
                for (JsonNode choice : json.readTree(line.substring(6)).path("choices")) {
                    byChoice.computeIfAbsent(choice.path("index").asInt(), i -> new StringBuilder())
                            .append(choice.path("delta").path("content").asText(""));
                }
            }
        }
        assertEquals("data: [DONE]", lines.stream().filter(l -> l.startsWith("data:")).reduce((a, b) -> b).orElse(""));
        assertEquals(2, byChoice.size());
        for (StringBuilder text : byChoice.values()) {
            for (String original : ORIGINALS) {
                assertTrue(text.toString().contains(original), "restored " + typeOf(original) + " in every choice");
            }
            assertFalse(text.toString().contains("["), "no token or token fragment reached the client");
        }
    }

    @Test
    void textHeldBackAsAPossibleTokenIsReleasedAtFinishReason() throws Exception {
        startGateway();
        upstream.extra = " (zie [EMAIL_";  // could still become [EMAIL_1], so the restorer holds it back
        assertTrue(streamedText(chat(PROMPT, true), "held-1").endsWith(IBAN + " (zie [EMAIL_"));
    }

    @Test
    void textHeldBackAsAPossibleTokenIsReleasedAtDoneWithoutFinishReason() throws Exception {
        startGateway();
        upstream.extra = " (zie [EMAIL_";
        upstream.omitFinishReason = true;
        assertTrue(streamedText(chat(PROMPT, true), "held-2").endsWith(IBAN + " (zie [EMAIL_"));
    }

    @Test
    void streamedTextReachesTheClientBeforeTheUpstreamHasFinished() throws Exception {
        startGateway();
        CountDownLatch clientSawText = new CountDownLatch(1);
        upstream.pauseMidStream = clientSawText;
        HttpResponse<java.io.InputStream> response = client.send(request(chat(PROMPT, true), "conversation-3", null),
                HttpResponse.BodyHandlers.ofInputStream());
        StringBuilder text = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data: {")) {
                    text.append(json.readTree(line.substring(6)).at("/choices/0/delta/content").asText(""));
                    if (text.length() > 0) {
                        clientSawText.countDown();
                    }
                }
            }
        }
        assertTrue(upstream.releasedByClient, "the first half was relayed while the upstream was still waiting");
        assertTrue(text.toString().contains(EMAIL));
    }

    @Test
    void blockedPromptIsRefusedWithItsTypesAndNeverSent() throws Exception {
        startGateway(Veil.builder()
                .policy(Gateway.policy("balanced").toBuilder().action(EntityType.IBAN, Action.BLOCK).build())
                .build());
        HttpResponse<String> response = post(chat(PROMPT, false), "conversation-4", null);

        assertEquals(400, response.statusCode());
        JsonNode error = json.readTree(response.body()).path("error");
        assertEquals("veil_blocked", error.path("type").asText());
        assertEquals("IBAN", error.path("blocked_types").path(0).asText());
        for (String original : ORIGINALS) {
            assertFalse(response.body().contains(original), "the error quotes no value");
        }
        assertEquals(0, upstream.received().size(), "the upstream got no request");
    }

    @Test
    void failingDetectorIsRefusedWith422AndNothingIsSent() throws Exception {
        startGateway(Veil.builder().policy(Gateway.policy("balanced")).detector(new Detector() {
            @Override
            public String id() {
                return "test.broken";
            }

            @Override
            public Set<EntityType> entityTypes() {
                return Set.of(EntityType.of("EMPLOYEE_ID"));
            }

            @Override
            public void detect(DetectionInput input, FindingSink sink) {
                throw new IllegalStateException("broken on " + input.text());
            }
        }).build());
        HttpResponse<String> response = post(chat(PROMPT, false), "broken", null);

        assertEquals(422, response.statusCode());
        assertEquals("veil_detection_failed", json.readTree(response.body()).at("/error/type").asText());
        assertFalse(response.body().contains("Mijn naam"), "the error quotes no text");
        assertEquals(0, upstream.received().size(), "the upstream got no request");
    }

    @Test
    void sessionsNeverRestoreEachOthersValues() throws Exception {
        startGateway();
        // The model mentions a second e-mail token: only session A issued one.
        upstream.extra = " and [EMAIL_2]";
        String a = content(post(chat("Mail a.smit@voorbeeld.nl en p.smit@voorbeeld.nl", false), "a", "Bearer k"));
        String b = content(post(chat("Mail b.bakker@voorbeeld.nl", false), "b", "Bearer k"));

        assertTrue(a.contains("a.smit@voorbeeld.nl") && a.contains("p.smit@voorbeeld.nl"), "A gets its own values");
        assertTrue(b.contains("b.bakker@voorbeeld.nl"), "B gets its own value");
        assertFalse(b.contains("smit"), "B never gets A's values");
        assertTrue(b.contains("[EMAIL_2]"), "a token B never issued stays as it is");
        assertFalse(a.contains("bakker"));
    }

    @Test
    void sameSessionNameUnderAnotherApiKeyIsAnotherSession() throws Exception {
        startGateway();
        post(chat("Mail a.smit@voorbeeld.nl", false), "shared-name", "Bearer key-a");
        upstream.extra = " [EMAIL_1]";
        String other = content(post(chat("Hallo", false), "shared-name", "Bearer key-b"));

        assertFalse(other.contains("smit"), "another API key cannot reach the session");
        assertTrue(other.contains("[EMAIL_1]"));
    }

    @Test
    void sessionHeaderKeepsTokensAcrossTurns() throws Exception {
        startGateway();
        post(chat("Mail a.smit@voorbeeld.nl", false), "turns", "Bearer k");
        upstream.extra = " [EMAIL_1]";
        String second = content(post(chat("Wat was het adres ook alweer?", false), "turns", "Bearer k"));

        assertTrue(second.contains("a.smit@voorbeeld.nl"), "turn 2 restores a token issued in turn 1");
    }

    @Test
    void withoutSessionHeaderEachRequestIsItsOwnSession() throws Exception {
        startGateway();
        post(chat("Mail a.smit@voorbeeld.nl", false), null, "Bearer k");
        upstream.extra = " [EMAIL_1]";
        String second = content(post(chat("Wat was het adres ook alweer?", false), null, "Bearer k"));

        assertFalse(second.contains("smit"));
    }

    @Test
    void textPartsOfArrayContentAndToolCallArgumentsAreProtected() throws Exception {
        startGateway();
        ObjectNode request = json.createObjectNode().put("model", "test");
        ObjectNode user = request.putArray("messages").addObject().put("role", "user");
        user.putArray("content").addObject().put("type", "text").put("text", PROMPT);
        ObjectNode assistant = request.withArray("messages").addObject().put("role", "assistant");
        assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                .putObject("function").put("name", "send_mail").put("arguments", "{\"to\":\"" + EMAIL + "\"}");
        HttpResponse<String> response = post(request, "parts", null);

        assertEquals(200, response.statusCode());
        for (String original : ORIGINALS) {
            assertFalse(upstream.allBodies().contains(original), "upstream saw a value of type " + typeOf(original));
        }
        assertTrue(content(response).contains(EMAIL));
    }

    @Test
    void predictionLegacyFunctionCallsRefusalsMetadataAndUserIdsAreProtected() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, false);
        ObjectNode assistant = request.withArray("messages").addObject().put("role", "assistant")
                .put("refusal", "Ik mail " + EMAIL + " niet.");
        assistant.putObject("function_call").put("name", "send_mail").put("arguments", "{\"to\":\"" + EMAIL + "\"}");
        assistant.putArray("content").addObject().put("type", "refusal").put("refusal", "Niet aan " + NAME + ".");
        request.putObject("prediction").put("type", "content").put("content", "Beste " + NAME + ", uw IBAN " + IBAN);
        request.putObject("metadata").put("customer", EMAIL).put("ticket", "T-77");
        request.put("user", EMAIL).put("safety_identifier", PHONE);
        request.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "lookup")
                .put("description", "Looks up a customer by e-mail address.");
        HttpResponse<String> response = post(request, "extra-fields", null);

        assertEquals(200, response.statusCode());
        String sent = upstream.allBodies();
        for (String original : ORIGINALS) {
            assertFalse(sent.contains(original), "upstream saw a value of type " + typeOf(original));
        }
        JsonNode forwarded = json.readTree(upstream.received().get(0).body());
        assertEquals("content", forwarded.at("/prediction/type").asText());
        assertTrue(forwarded.at("/prediction/content").asText().startsWith("Beste [PERSON_1], uw IBAN [IBAN_1]"),
                "the prediction gets the tokens the messages got");
        assertEquals("send_mail", forwarded.at("/messages/1/function_call/name").asText());
        assertEquals("T-77", forwarded.at("/metadata/ticket").asText());
        assertEquals("Looks up a customer by e-mail address.", forwarded.at("/tools/0/function/description").asText(),
                "tool definitions are the developer's and pass unchanged");
    }

    @Test
    void metadataKeysAreProtectedLikeItsValuesInTheirOrder() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, false);
        ObjectNode given = request.putObject("metadata").put("ticket", "T-77").put(EMAIL, "vip").put("contact " + NAME, PHONE);
        given.put("priority", 2);
        given.putObject("nested").put("iban", IBAN).putArray("cc").add(EMAIL).add(true);

        assertEquals(200, post(request, "metadata-keys", null).statusCode());

        String sent = upstream.allBodies();
        for (String original : ORIGINALS) {
            assertFalse(sent.contains(original), "upstream saw a value of type " + typeOf(original));
        }
        JsonNode metadata = json.readTree(upstream.received().get(0).body()).path("metadata");
        List<String> keys = new ArrayList<>();
        metadata.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("ticket", "[EMAIL_1]", "contact [PERSON_1]", "priority", "nested"), keys,
                "the prompt issued EMAIL_1 and PERSON_1 first");
        assertEquals("vip", metadata.path("[EMAIL_1]").asText());
        assertEquals("[PHONE_1]", metadata.path("contact [PERSON_1]").asText());
        assertEquals(2, metadata.path("priority").asInt());
        assertEquals("[IBAN_1]", metadata.at("/nested/iban").asText(), "a shape the API refuses is still sent first");
        assertEquals("[EMAIL_1]", metadata.at("/nested/cc/0").asText());
        assertTrue(metadata.at("/nested/cc/1").asBoolean());
    }

    @Test
    void toolCallArgumentsInTheHistoryAreProtectedOneStringAtATime() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, false);
        ObjectNode assistant = request.withArray("messages").addObject().put("role", "assistant");
        // The JSON around the name hid it from the name rules when the arguments were protected as one text.
        assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function").putObject("function")
                .put("name", "send_mail").put("arguments", "{\"to\":[\"" + NAME + "\",\"" + EMAIL + "\"],\"note\":\"bel "
                        + PHONE + "\",\"" + EMAIL + "\":true,\"count\":2,\"amount\":1.10}");
        // What a lenient parser would skip: text after the object, two objects glued, the first of two equal keys.
        ArrayNode calls = (ArrayNode) assistant.get("tool_calls");
        for (String odd : List.of("{\"n\":1} mail " + EMAIL, "{\"n\":1}{\"to\":\"" + EMAIL + "\"}",
                "{\"note\":\"bel " + EMAIL + "\",\"note\":\"ok\"}")) {
            calls.addObject().put("id", "call_x").put("type", "function").putObject("function").put("name", "odd")
                    .put("arguments", odd);
        }
        assistant.putObject("function_call").put("name", "legacy").put("arguments", "not json: " + EMAIL);

        assertEquals(200, post(request, "history-arguments", null).statusCode());

        String sent = upstream.allBodies();
        for (String original : ORIGINALS) {
            assertFalse(sent.contains(original), "upstream saw a value of type " + typeOf(original));
        }
        JsonNode forwarded = json.readTree(upstream.received().get(0).body());
        JsonNode arguments = json.readTree(forwarded.at("/messages/1/tool_calls/0/function/arguments").asText());
        assertEquals("[PERSON_1]", arguments.at("/to/0").asText(), "the name the prompt issued PERSON_1 for");
        assertEquals("[EMAIL_1]", arguments.at("/to/1").asText());
        assertEquals("bel [PHONE_1]", arguments.path("note").asText());
        assertTrue(arguments.path("[EMAIL_1]").asBoolean(), "keys too");
        assertEquals(2, arguments.path("count").asInt());
        assertTrue(forwarded.at("/messages/1/tool_calls/0/function/arguments").asText().endsWith("\"amount\":1.10}"),
                "numbers as written");
        assertEquals("{\"n\":1} mail [EMAIL_1]", forwarded.at("/messages/1/tool_calls/1/function/arguments").asText(),
                "not exactly one JSON value: protected whole, nothing dropped");
        assertEquals("not json: [EMAIL_1]", forwarded.at("/messages/1/function_call/arguments").asText());
    }

    @Test
    void metadataKeysThatReadTheSameOnceProtectedAreRefusedAndNothingIsSent() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, false);
        request.putObject("metadata").put("mail " + EMAIL, "a").put("mail " + EMAIL.toUpperCase(java.util.Locale.ROOT), "b");

        HttpResponse<String> response = post(request, "metadata-clash", null);

        assertEquals(400, response.statusCode());
        assertEquals("invalid_request_error", json.readTree(response.body()).at("/error/type").asText());
        assertFalse(response.body().toLowerCase(java.util.Locale.ROOT).contains(EMAIL), "the error quotes no key");
        assertEquals(0, upstream.received().size(), "the upstream got no request");
    }

    @Test
    void predictionAsTextPartsIsProtected() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, false);
        request.putObject("prediction").put("type", "content").putArray("content").addObject()
                .put("type", "text").put("text", "Beste " + NAME + ", mail " + EMAIL);
        assertEquals(200, post(request, "prediction-parts", null).statusCode());
        for (String original : ORIGINALS) {
            assertFalse(upstream.allBodies().contains(original), "upstream saw a value of type " + typeOf(original));
        }
    }

    @Test
    void toolCallArgumentsInTheReplyAreRestored() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, false);
        request.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "lookup");
        HttpResponse<String> response = post(request, "tools-1", null);

        assertEquals(200, response.statusCode());
        String arguments = json.readTree(response.body()).at("/choices/0/message/tool_calls/0/function/arguments").asText();
        assertEquals(ORIGINALS.stream().sorted().toList(), mentions(arguments));
    }

    @Test
    void streamedToolCallArgumentsAreRestoredWhenTheCallIsComplete() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, true);
        request.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "lookup");
        StringBuilder arguments = new StringBuilder();
        int fragments = 0;
        for (String line : streamLines(request, "tools-2")) {
            if (line.startsWith("data: {")) {
                String fragment = json.readTree(line.substring(6))
                        .at("/choices/0/delta/tool_calls/0/function/arguments").asText("");
                arguments.append(fragment);
                fragments += fragment.isEmpty() ? 0 : 1;
            }
        }
        assertEquals(1, fragments, "the arguments arrive whole, once restored");
        assertEquals(ORIGINALS.stream().sorted().toList(), mentions(arguments.toString()));
    }

    @Test
    void legacyFunctionCallArgumentsInTheReplyAreRestoredWholeAndStreamed() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, false);
        request.putArray("functions").addObject().put("name", "lookup");
        HttpResponse<String> response = post(request, "functions-1", null);

        assertEquals(200, response.statusCode());
        JsonNode call = json.readTree(response.body()).at("/choices/0/message/function_call");
        assertEquals("lookup", call.path("name").asText());
        assertEquals(ORIGINALS.stream().sorted().toList(), mentions(call.path("arguments").asText()));

        ObjectNode streamed = chat(PROMPT, true);
        streamed.putArray("functions").addObject().put("name", "lookup");
        StringBuilder arguments = new StringBuilder();
        for (String line : streamLines(streamed, "functions-2")) {
            if (line.startsWith("data: {")) {
                arguments.append(json.readTree(line.substring(6)).at("/choices/0/delta/function_call/arguments").asText(""));
            }
        }
        assertEquals(ORIGINALS.stream().sorted().toList(), mentions(arguments.toString()));
    }

    @Test
    void aRefusalIsRestoredWholeAndStreamed() throws Exception {
        startGateway();
        ObjectNode request = chat(PROMPT, false).put("x_fake_refuse", true);
        HttpResponse<String> response = post(request, "refusal-1", null);

        assertEquals(200, response.statusCode());
        String refusal = json.readTree(response.body()).at("/choices/0/message/refusal").asText();
        for (String original : ORIGINALS) {
            assertTrue(refusal.contains(original), "the refusal names " + typeOf(original) + " again");
        }

        StringBuilder streamed = new StringBuilder();
        for (String line : streamLines(chat(PROMPT, true).put("x_fake_refuse", true), "refusal-2")) {
            if (line.startsWith("data: {")) {
                streamed.append(json.readTree(line.substring(6)).at("/choices/0/delta/refusal").asText(""));
            }
        }
        for (String original : ORIGINALS) {
            assertTrue(streamed.toString().contains(original), "the streamed refusal names " + typeOf(original));
        }
        assertFalse(streamed.toString().contains("_1]"), streamed.toString());
    }

    @Test
    void upstreamErrorBecomes502WithoutPromptText() throws Exception {
        startGateway();
        upstream.failWith = 500;
        HttpResponse<String> response = post(chat(PROMPT, false), "errors", null);

        assertEquals(502, response.statusCode());
        assertEquals("upstream_error", json.readTree(response.body()).at("/error/type").asText());
        assertFalse(response.body().contains("Mijn naam") || response.body().contains("[EMAIL_1]"),
                "the upstream's error body, which quotes the prompt, is not passed on");
    }

    @Test
    void writesNothingToStandardOutOrErrWhileServing() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            startGateway();
            post(chat(PROMPT, false), "quiet", null);
            streamLines(chat(PROMPT, true), "quiet");
            upstream.failWith = 500;
            post(chat(PROMPT, false), "quiet", null);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void malformedRequestIsRefusedWithoutCallingUpstream() throws Exception {
        startGateway();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gatewayUri())
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\": [\"" + EMAIL)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertFalse(response.body().contains(EMAIL));
        assertEquals(0, upstream.received().size());
    }

    private ObjectNode chat(String prompt, boolean stream) {
        ObjectNode request = json.createObjectNode().put("model", "test").put("stream", stream);
        request.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return request;
    }

    private URI gatewayUri() {
        return URI.create("http://127.0.0.1:" + gateway.port() + Gateway.PATH);
    }

    private HttpRequest request(ObjectNode body, String session, String authorization) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(gatewayUri())
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (session != null) {
            b.header(Gateway.SESSION_HEADER, session);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private HttpResponse<String> post(ObjectNode body, String session, String authorization) throws Exception {
        return client.send(request(body, session, authorization), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> streamLines(ObjectNode body, String session) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = client.send(request(body, session, null),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        try (java.util.stream.Stream<String> lines = response.body()) {
            return lines.toList();
        }
    }

    /** The streamed text of choice 0 as the client puts it together. */
    private String streamedText(ObjectNode body, String session) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : streamLines(body, session)) {
            if (line.startsWith("data: {")) {
                text.append(json.readTree(line.substring(6)).at("/choices/0/delta/content").asText(""));
            }
        }
        return text.toString();
    }

    private String content(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode());
        return json.readTree(response.body()).at("/choices/0/message/content").asText();
    }

    /** The sorted {@code mentions} of a {@code lookup} tool call's arguments. */
    private List<String> mentions(String arguments) throws IOException {
        List<String> values = new java.util.ArrayList<>();
        json.readTree(arguments).path("mentions").forEach(v -> values.add(v.asText()));
        return values.stream().sorted().toList();
    }

    /** Names a value by its type in assertion messages, so a failing test does not print it either. */
    private static String typeOf(String original) {
        return original.equals(EMAIL) ? "EMAIL" : original.equals(IBAN) ? "IBAN" : original.equals(PHONE) ? "PHONE"
                : "PERSON";
    }
}
