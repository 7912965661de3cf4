package dev.veil.examples.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.veil.Action;
import dev.veil.DetectionFailedException;
import dev.veil.EntityType;
import dev.veil.Policy;
import dev.veil.PromptBlockedException;
import dev.veil.Veil;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import dev.veil.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VeilChatModelTest {

    static final String EMAIL = "jan.jansen@voorbeeld.nl";
    static final String PHONE = "06-12345678";
    static final String NAME = "Jan de Vries";
    static final String PROMPT = "Mijn naam is " + NAME + ". Mail " + EMAIL + " of bel " + PHONE + ", graag.";
    static final List<String> ORIGINALS = List.of(EMAIL, PHONE, NAME);

    private final ObjectMapper json = new ObjectMapper();

    static Session session(Policy policy) {
        return Veil.builder().policy(policy).build().session("id");
    }

    static Session session() {
        return session(Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build());
    }

    static void assertNoOriginals(List<ChatRequest> received) {
        for (ChatRequest request : received) {
            for (String original : ORIGINALS) {
                assertFalse(request.toString().contains(original), () -> "the delegate saw an original: " + request);
            }
        }
    }

    @Test
    void delegateSeesTokensInsteadOfOriginalsInEveryKindOfMessage() {
        EchoModels.Blocking delegate = new EchoModels.Blocking();
        VeilChatModel model = new VeilChatModel(delegate, session());
        ToolSpecification tool = ToolSpecification.builder().name("send_mail").description("Sends a mail").build();
        ImageContent image = ImageContent.from("https://example.org/cat.png");
        List<ChatMessage> history = List.of(
                SystemMessage.from("Je helpt " + NAME + " (" + EMAIL + ")."),
                UserMessage.from(TextContent.from("Bel mij op " + PHONE), image),
                AiMessage.from("Ik bel " + PHONE + ".", List.of(ToolExecutionRequest.builder()
                        .id("call_0").name("lookup").arguments("{\"email\":\"" + EMAIL + "\"}").build())),
                ToolExecutionResultMessage.from("call_0", "lookup", "Gevonden: " + NAME + ", " + EMAIL),
                UserMessage.from(PROMPT));
        ChatRequest request = ChatRequest.builder().messages(history)
                .modelName("gpt-x").temperature(0.2).maxOutputTokens(300).toolSpecifications(tool).build();

        model.chat(request);

        assertEquals(1, delegate.received.size());
        assertNoOriginals(delegate.received);
        ChatRequest sent = delegate.received.get(0);
        assertEquals(5, sent.messages().size());
        assertEquals("Je helpt [PERSON_1] ([EMAIL_1]).", ((SystemMessage) sent.messages().get(0)).text());
        UserMessage first = (UserMessage) sent.messages().get(1);
        assertEquals("Bel mij op [PHONE_1]", ((TextContent) first.contents().get(0)).text());
        assertEquals(image, first.contents().get(1), "images pass unchanged");
        AiMessage ai = (AiMessage) sent.messages().get(2);
        assertEquals("Ik bel [PHONE_1].", ai.text());
        assertEquals("{\"email\":\"[EMAIL_1]\"}", ai.toolExecutionRequests().get(0).arguments());
        assertEquals("lookup", ai.toolExecutionRequests().get(0).name());
        ToolExecutionResultMessage result = (ToolExecutionResultMessage) sent.messages().get(3);
        assertEquals("Gevonden: [PERSON_1], [EMAIL_1]", result.text());
        assertEquals("call_0", result.id());
        assertEquals("Mijn naam is [PERSON_1]. Mail [EMAIL_1] of bel [PHONE_1], graag.",
                ((UserMessage) sent.messages().get(4)).singleText());
        assertEquals("gpt-x", sent.modelName());
        assertEquals(0.2, sent.temperature());
        assertEquals(300, sent.maxOutputTokens());
        assertEquals(List.of(tool), sent.toolSpecifications());
    }

    @Test
    void replyTextComesBackWithOriginalsAndMetadataKept() {
        VeilChatModel model = new VeilChatModel(new EchoModels.Blocking(), session());

        ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from(PROMPT)).build());

        assertEquals("Noted: " + NAME + ", " + EMAIL + ", " + PHONE + ".", response.aiMessage().text());
        assertEquals("resp-1", response.id());
        assertEquals("echo", response.modelName());
        assertEquals(FinishReason.TOOL_EXECUTION, response.finishReason());
    }

    @Test
    void stringConvenienceMethodGoesThroughVeilToo() {
        EchoModels.Blocking delegate = new EchoModels.Blocking();
        VeilChatModel model = new VeilChatModel(delegate, session());

        assertEquals("Noted: " + NAME + ", " + EMAIL + ", " + PHONE + ".", model.chat(PROMPT));
        assertNoOriginals(delegate.received);
    }

    @Test
    void toolCallArgumentsComeBackRestoredAsValidJson() throws Exception {
        VeilChatModel model = new VeilChatModel(new EchoModels.Blocking(), session());

        ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from(PROMPT)).build());

        ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
        assertEquals("send_mail", call.name());
        assertEquals("call_1", call.id());
        JsonNode arguments = json.readTree(call.arguments());
        assertEquals(List.of(NAME, EMAIL, PHONE), List.of(arguments.get("to").get(0).asText(),
                arguments.get("to").get(1).asText(), arguments.get("to").get(2).asText()));
        assertEquals("voor " + NAME + " en " + EMAIL + " en " + PHONE, arguments.get("subject").asText());
        assertTrue(call.arguments().contains("1.10"), "numbers are written as the model wrote them");
    }

    @Test
    void restoredArgumentValueWithQuoteIsEscapedAndBrokenJsonIsRestoredAsText() throws Exception {
        Session session = session();
        String quoted = session.protect("Mail \"Jan\" <" + EMAIL + ">").text();

        String restored = ReplyRestorer.restoreArguments("{\"raw\":\"" + quoted.replace("\"", "\\\"") + "\"}",
                session);
        assertEquals("Mail \"Jan\" <" + EMAIL + ">", json.readTree(restored).get("raw").asText());
        assertEquals("{\"to\":\"" + EMAIL, ReplyRestorer.restoreArguments("{\"to\":\"[EMAIL_1]", session));
        assertEquals("{\"n\": 1}", ReplyRestorer.restoreArguments("{\"n\": 1}", session),
                "arguments without a token are kept byte for byte");
    }

    @Test
    void toolArgumentsInHistoryAreProtectedOneValueAtATime() {
        EchoModels.Blocking delegate = new EchoModels.Blocking();
        VeilChatModel model = new VeilChatModel(delegate, session());
        String arguments = "{\"recipient\":{\"name\":\"" + NAME + "\",\"email\":\"" + EMAIL + "\"},"
                + "\"cc\":[\"" + PHONE + "\"],\"urgent\":true}";

        model.chat(UserMessage.from("Stuur het door."), AiMessage.from(ToolExecutionRequest.builder()
                .id("call_0").name("send_mail").arguments(arguments).build()),
                ToolExecutionResultMessage.from("call_0", "send_mail", "verstuurd"), UserMessage.from("Dank"));

        AiMessage sent = (AiMessage) delegate.received.get(0).messages().get(1);
        assertEquals("{\"recipient\":{\"name\":\"[PERSON_1]\",\"email\":\"[EMAIL_1]\"},"
                + "\"cc\":[\"[PHONE_1]\"],\"urgent\":true}", sent.toolExecutionRequests().get(0).arguments());
        assertNoOriginals(delegate.received);
    }

    @Test
    void argumentsALenientParserWouldSkipAndKeysAreProtectedToo() {
        EchoModels.Blocking delegate = new EchoModels.Blocking();
        VeilChatModel model = new VeilChatModel(delegate, session());
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (String odd : List.of("{\"n\":1} mail " + EMAIL, "{\"n\":1}{\"to\":\"" + EMAIL + "\"}",
                "{\"note\":\"bel " + EMAIL + "\",\"note\":\"ok\"}", "{\"scores\":{\"" + EMAIL + "\":3}}")) {
            calls.add(ToolExecutionRequest.builder().id("call_" + calls.size()).name("odd").arguments(odd).build());
        }

        model.chat(UserMessage.from("Kijk dit na."), AiMessage.from(calls), UserMessage.from("Dank"));

        assertNoOriginals(delegate.received);
        AiMessage sent = (AiMessage) delegate.received.get(0).messages().get(1);
        assertEquals("{\"n\":1} mail [EMAIL_1]", sent.toolExecutionRequests().get(0).arguments(), "protected whole");
        assertEquals("{\"scores\":{\"[EMAIL_1]\":3}}", sent.toolExecutionRequests().get(3).arguments());
        assertThrows(IllegalArgumentException.class, () -> model.chat(UserMessage.from("x"), AiMessage.from(List.of(
                ToolExecutionRequest.builder().id("c").name("odd").arguments("{\"" + EMAIL + "\":1,\""
                        + EMAIL.toUpperCase(java.util.Locale.ROOT) + "\":2}").build()))),
                "two keys that protect to one token: refused, not one value dropped");
    }

    @Test
    void historyWithRestoredReplyGetsTheSameTokensNextTurn() {
        EchoModels.Blocking delegate = new EchoModels.Blocking();
        VeilChatModel model = new VeilChatModel(delegate, session());
        List<ChatMessage> history = new ArrayList<>(List.of(UserMessage.from(PROMPT)));
        history.add(model.chat(ChatRequest.builder().messages(history).build()).aiMessage());
        history.add(UserMessage.from("En stuur " + EMAIL + " een kopie."));

        ChatResponse second = model.chat(ChatRequest.builder().messages(history).build());

        AiMessage sentBack = (AiMessage) delegate.received.get(1).messages().get(1);
        assertEquals("Noted: [PERSON_1], [EMAIL_1], [PHONE_1].", sentBack.text());
        assertTrue(sentBack.toolExecutionRequests().get(0).arguments().contains("\"[EMAIL_1]\""));
        assertEquals("Noted: " + EMAIL + ".", second.aiMessage().text());
        assertNoOriginals(delegate.received);
    }

    @Test
    void blockedTypeAnywhereInTheRequestNeverReachesTheDelegate() {
        EchoModels.Blocking delegate = new EchoModels.Blocking();
        VeilChatModel model = new VeilChatModel(delegate, session(Policy.balanced().toBuilder()
                .defaultAction(Action.PSEUDONYMIZE).action(EntityType.EMAIL, Action.BLOCK).build()));

        assertThrows(PromptBlockedException.class, () -> model.chat("Mail " + EMAIL));
        assertThrows(PromptBlockedException.class, () -> model.chat(UserMessage.from("Bel " + PHONE),
                ToolExecutionResultMessage.from("call_0", "lookup", "adres: " + EMAIL)));

        assertEquals(0, delegate.received.size());
    }

    @Test
    void failingDetectorNeverReachesTheDelegate() {
        EchoModels.Blocking delegate = new EchoModels.Blocking();
        Session session = Veil.builder()
                .policy(Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build())
                .detector(new Detector() {
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
                        throw new IllegalStateException("broken");
                    }
                }).build().session("id");

        assertThrows(DetectionFailedException.class, () -> new VeilChatModel(delegate, session).chat(PROMPT));
        assertEquals(0, delegate.received.size());
    }
}
