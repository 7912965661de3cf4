package dev.veil.examples.langchain4j;

import static dev.veil.examples.langchain4j.VeilChatModelTest.EMAIL;
import static dev.veil.examples.langchain4j.VeilChatModelTest.NAME;
import static dev.veil.examples.langchain4j.VeilChatModelTest.PHONE;
import static dev.veil.examples.langchain4j.VeilChatModelTest.PROMPT;
import static dev.veil.examples.langchain4j.VeilChatModelTest.assertNoOriginals;
import static dev.veil.examples.langchain4j.VeilChatModelTest.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Policy;
import dev.veil.PromptBlockedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VeilStreamingChatModelTest {

    /** Records everything the caller's handler receives. */
    private static final class Recorder implements StreamingChatResponseHandler {
        final List<String> partials = new ArrayList<>();
        final List<PartialToolCall> partialToolCalls = new ArrayList<>();
        final List<CompleteToolCall> toolCalls = new ArrayList<>();
        ChatResponse complete;
        Throwable error;

        @Override
        public void onPartialResponse(String partialResponse) {
            partials.add(partialResponse);
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall) {
            partialToolCalls.add(partialToolCall);
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            toolCalls.add(completeToolCall);
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            complete = completeResponse;
        }

        @Override
        public void onError(Throwable error) {
            this.error = error;
        }
    }

    private static ChatRequest request() {
        return ChatRequest.builder()
                .messages(SystemMessage.from("Je helpt " + NAME + "."), UserMessage.from(PROMPT)).build();
    }

    @Test
    void restoresTokensSplitAcrossStreamChunks() {
        String expected = "Noted: " + NAME + ", " + EMAIL + ", " + PHONE + ".";
        for (int chunk : new int[] {1, 3, 7, 100}) {
            for (boolean withContext : new boolean[] {false, true}) {
                EchoModels.Streaming delegate = new EchoModels.Streaming(chunk, withContext);
                Recorder recorder = new Recorder();

                new VeilStreamingChatModel(delegate, session()).chat(request(), recorder);

                String how = "chunks of " + chunk + (withContext ? ", with a PartialResponseContext" : "");
                assertNull(recorder.error, how);
                assertEquals(expected, String.join("", recorder.partials), how);
                assertTrue(recorder.partials.stream().noneMatch(p -> p.contains("[") || p.contains("_1")),
                        "no part of a token reaches the handler: " + how);
                assertEquals(expected, recorder.complete.aiMessage().text(), how);
                assertNoOriginals(delegate.received);
            }
        }
    }

    @Test
    void completeToolCallsAreRestoredAndPartialFragmentsAreNotPassedOn() {
        Recorder recorder = new Recorder();

        new VeilStreamingChatModel(new EchoModels.Streaming(5), session()).chat(request(), recorder);

        assertEquals(List.of(), recorder.partialToolCalls);
        assertEquals(1, recorder.toolCalls.size());
        String arguments = recorder.toolCalls.get(0).toolExecutionRequest().arguments();
        assertTrue(arguments.contains(EMAIL) && arguments.contains(PHONE) && arguments.contains(NAME), arguments);
        assertFalse(arguments.contains("[EMAIL_1]"));
        assertEquals(arguments, recorder.complete.aiMessage().toolExecutionRequests().get(0).arguments());
    }

    @Test
    void blockedPromptNeverReachesTheStreamingDelegate() {
        EchoModels.Streaming delegate = new EchoModels.Streaming(3);
        Recorder recorder = new Recorder();
        VeilStreamingChatModel model = new VeilStreamingChatModel(delegate, session(Policy.balanced().toBuilder()
                .defaultAction(Action.PSEUDONYMIZE).action(EntityType.PHONE, Action.BLOCK).build()));

        assertThrows(PromptBlockedException.class, () -> model.chat(request(), recorder));

        assertEquals(0, delegate.received.size());
        assertEquals(List.of(), recorder.partials);
        assertNull(recorder.complete);
    }
}
