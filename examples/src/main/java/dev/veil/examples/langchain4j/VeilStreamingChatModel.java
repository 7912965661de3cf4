package dev.veil.examples.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.veil.session.Session;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A LangChain4j {@link StreamingChatModel} that keeps personal data away from the model it wraps: the
 * request is protected as {@link VeilChatModel} protects it, and the streamed reply is restored with one
 * {@link dev.veil.session.StreamRestorer} per response, so a token cut across chunks ({@code [EM} |
 * {@code AIL_1]}) reaches the handler as the original value and only the few chars that could still start
 * a token wait for the next chunk (released before {@code onCompleteResponse}).
 *
 * <p>Tool calls: {@code onCompleteToolCall} and the complete response carry restored arguments (as in
 * {@link VeilChatModel}). Partial tool-call fragments are not passed on: a JSON fragment cannot be restored
 * safely, and a tool cannot run on half its arguments anyway. Thinking and unmapped provider events pass
 * unchanged (they may show tokens, never originals: the model saw none).
 *
 * <p>Fails closed: a blocked type or a detector failure throws from {@code chat} before the delegate is
 * called; it does not go to the handler. Thread-safe as far as the delegate and the session are; each call
 * gets its own restorer.
 */
public final class VeilStreamingChatModel implements StreamingChatModel {

    private final StreamingChatModel delegate;
    private final Session session;

    /**
     * @throws NullPointerException if an argument is null
     */
    public VeilStreamingChatModel(StreamingChatModel delegate, Session session) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Protects {@code request}, streams it through the delegate, and restores what reaches {@code handler}.
     *
     * @throws dev.veil.PromptBlockedException if the policy blocks a type found in any message; the delegate
     *         is not called
     * @throws dev.veil.DetectionFailedException if a detector fails; the delegate is not called
     * @throws IllegalArgumentException for a message type this class cannot protect; the delegate is not called
     * @throws IllegalStateException if the session has ended or expired
     */
    @Override
    public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        ChatRequest protectedRequest = MessageProtector.protect(request, session);
        delegate.chat(protectedRequest, options == null ? ChatRequestOptions.EMPTY : options,
                new RestoringHandler(handler, session));
    }

    /** The same as {@link #chat(ChatRequest, ChatRequestOptions, StreamingChatResponseHandler)}. */
    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        chat(request, ChatRequestOptions.EMPTY, handler);
    }

    /** The delegate's defaults; the delegate applies them. */
    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    /** None: listeners belong on the delegate, where they see only protected text. */
    @Override
    public List<ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public String toString() {
        return "VeilStreamingChatModel[" + delegate.getClass().getSimpleName() + "]";
    }
}
