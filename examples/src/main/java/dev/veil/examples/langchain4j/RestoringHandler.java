package dev.veil.examples.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.veil.session.Session;
import dev.veil.session.StreamRestorer;

/**
 * Sits between a streaming delegate and the caller's handler for one response: text chunks go through one
 * {@link StreamRestorer}, complete tool calls and the complete response through {@link ReplyRestorer}.
 *
 * <p>Not thread-safe: a delegate calls a handler from one thread at a time, in order.
 */
final class RestoringHandler implements StreamingChatResponseHandler {

    private final StreamingChatResponseHandler handler;
    private final Session session;
    private final StreamRestorer text;
    /** The last context the delegate gave, to release held-back text with it. */
    private PartialResponseContext lastContext;

    RestoringHandler(StreamingChatResponseHandler handler, Session session) {
        this.handler = handler;
        this.session = session;
        this.text = session.streamRestorer();
    }

    @Override
    public void onPartialResponse(String partialResponse) {
        String restored = text.accept(partialResponse);
        if (!restored.isEmpty()) {
            handler.onPartialResponse(restored);
        }
    }

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
        lastContext = context;
        String restored = text.accept(partialResponse.text());
        if (!restored.isEmpty()) {
            handler.onPartialResponse(new PartialResponse(restored), context);
        }
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking) {
        handler.onPartialThinking(partialThinking);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
        handler.onPartialThinking(partialThinking, context);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
        // Not passed on: see VeilStreamingChatModel.
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
        // Not passed on: see VeilStreamingChatModel.
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
        handler.onCompleteToolCall(new CompleteToolCall(completeToolCall.index(),
                ReplyRestorer.restore(completeToolCall.toolExecutionRequest(), session)));
    }

    @Override
    public void onUnmappedRawEvent(Object rawEvent) {
        handler.onUnmappedRawEvent(rawEvent);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        ChatResponse restored;
        try {
            String tail = text.finish();
            if (!tail.isEmpty()) {
                if (lastContext != null) {
                    handler.onPartialResponse(new PartialResponse(tail), lastContext);
                } else {
                    handler.onPartialResponse(tail);
                }
            }
            restored = ReplyRestorer.restore(completeResponse, session);
        } catch (RuntimeException e) {
            handler.onError(e); // e.g. the session ended mid-stream: nothing unrestored is released
            return;
        }
        handler.onCompleteResponse(restored);
    }

    @Override
    public void onError(Throwable error) {
        handler.onError(error);
    }
}
