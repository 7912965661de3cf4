package dev.veil.examples.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.veil.session.Session;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A LangChain4j {@link ChatModel} that keeps personal data away from the model it wraps. For each request
 * it protects the text of every message with one Veil {@link Session} (system and user texts, AI texts and
 * tool-call arguments in the history, tool results; see {@code MessageProtector} for what passes unchanged),
 * sends the rewritten request with all its parameters to the delegate, and restores the reply: the AI text,
 * and the string values inside the JSON arguments of each tool execution request (parsed, so a restored
 * value is escaped where it lands; arguments that are not JSON are restored as raw text).
 *
 * <pre>{@code
 * Session session = veil.session("conversation-42");
 * ChatModel model = new VeilChatModel(openAi, session);
 * String answer = model.chat("Mail jan@voorbeeld.nl");   // the delegate sees "Mail [EMAIL_1]"
 * }</pre>
 *
 * <p>Fails closed: every message is protected before the delegate is called, so a blocked type or a
 * detector failure anywhere in the request throws and nothing is sent. The delegate's listeners see only
 * the protected request and the unrestored reply; this model has no listeners of its own. Use one session
 * per conversation: the history a chat memory sends back each turn then gets the same tokens again.
 *
 * <p>Thread-safe as far as the delegate and the session are.
 */
public final class VeilChatModel implements ChatModel {

    private final ChatModel delegate;
    private final Session session;

    /**
     * @throws NullPointerException if an argument is null
     */
    public VeilChatModel(ChatModel delegate, Session session) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Protects {@code chatRequest}, sends it to the delegate with {@code options}, and restores the reply.
     *
     * @throws dev.veil.PromptBlockedException if the policy blocks a type found in any message; the delegate
     *         is not called
     * @throws dev.veil.DetectionFailedException if a detector fails; the delegate is not called
     * @throws IllegalArgumentException for a message type this class cannot protect; the delegate is not called
     * @throws IllegalStateException if the session has ended or expired
     */
    @Override
    public ChatResponse chat(ChatRequest chatRequest, ChatRequestOptions options) {
        Objects.requireNonNull(chatRequest, "chatRequest");
        ChatRequest protectedRequest = MessageProtector.protect(chatRequest, session);
        ChatResponse response = delegate.chat(protectedRequest, options == null ? ChatRequestOptions.EMPTY : options);
        return ReplyRestorer.restore(response, session);
    }

    /** The same as {@link #chat(ChatRequest, ChatRequestOptions)}: no way around protection. */
    @Override
    public ChatResponse doChat(ChatRequest chatRequest) {
        return chat(chatRequest, ChatRequestOptions.EMPTY);
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
        return "VeilChatModel[" + delegate.getClass().getSimpleName() + "]";
    }
}
