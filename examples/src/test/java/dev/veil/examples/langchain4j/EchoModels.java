package dev.veil.examples.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fake delegates that record every request and answer "Noted: " followed by the tokens of the last user
 * message, plus one tool call {@code send_mail} whose JSON arguments quote those tokens.
 */
final class EchoModels {

    private static final Pattern TOKEN = Pattern.compile("\\[[A-Z_]+_\\d+]");

    private EchoModels() {
    }

    static List<String> tokensOf(ChatRequest request) {
        String last = "";
        for (ChatMessage message : request.messages()) {
            if (message instanceof UserMessage user) {
                StringBuilder text = new StringBuilder();
                user.contents().forEach(c -> text.append(c instanceof TextContent t ? t.text() : ""));
                last = text.toString();
            }
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(last);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    static AiMessage answer(ChatRequest request) {
        List<String> tokens = tokensOf(request);
        String arguments = "{\"to\":" + jsonArray(tokens) + ",\"subject\":\"voor " + String.join(" en ", tokens)
                + "\",\"priority\":1.10}";
        return AiMessage.builder()
                .text("Noted: " + String.join(", ", tokens) + ".")
                .toolExecutionRequests(List.of(ToolExecutionRequest.builder()
                        .id("call_1").name("send_mail").arguments(arguments).build()))
                .build();
    }

    private static String jsonArray(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add("\"" + v + "\""));
        return "[" + String.join(",", quoted) + "]";
    }

    /** Records requests and answers at once. */
    static final class Blocking implements ChatModel {
        final List<ChatRequest> received = new ArrayList<>();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            received.add(request);
            return ChatResponse.builder().aiMessage(answer(request)).id("resp-1").modelName("echo")
                    .finishReason(FinishReason.TOOL_EXECUTION).build();
        }
    }

    /** Records requests and streams the answer in chunks of {@code chunk} chars, cutting tokens. */
    static final class Streaming implements StreamingChatModel {
        final List<ChatRequest> received = new ArrayList<>();
        private final int chunk;
        /** As LangChain4j 1.19's providers call it: with a PartialResponse and its context. */
        private final boolean withContext;

        Streaming(int chunk) {
            this(chunk, false);
        }

        Streaming(int chunk, boolean withContext) {
            this.chunk = chunk;
            this.withContext = withContext;
        }

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            received.add(request);
            AiMessage answer = answer(request);
            String text = answer.text();
            for (int i = 0; i < text.length(); i += chunk) {
                String piece = text.substring(i, Math.min(text.length(), i + chunk));
                if (withContext) {
                    handler.onPartialResponse(new PartialResponse(piece), new PartialResponseContext(new StreamingHandle() {
                        @Override
                        public void cancel() {
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    }));
                } else {
                    handler.onPartialResponse(piece);
                }
            }
            ToolExecutionRequest call = answer.toolExecutionRequests().get(0);
            handler.onPartialToolCall(PartialToolCall.builder().index(0).id(call.id()).name(call.name())
                    .partialArguments(call.arguments().substring(0, 10)).build());
            handler.onCompleteToolCall(new CompleteToolCall(0, call));
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(answer).build());
        }
    }
}
