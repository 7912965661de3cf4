package dev.veil.examples.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.veil.examples.json.JsonStrings;
import dev.veil.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the messages of a {@link ChatRequest} so that every text the model reads goes through one Veil
 * session:
 * <ul>
 *   <li>the text of a {@link SystemMessage};
 *   <li>the {@link TextContent}s of a {@link UserMessage} and of a {@link ToolExecutionResultMessage};
 *   <li>the text of an {@link AiMessage} in the history and every string value in the JSON arguments of
 *       each of its tool execution requests, one value at a time (see {@code JsonStrings});
 *   <li>every string value, at any depth of maps and lists, of a {@link CustomMessage}'s attributes.
 * </ul>
 * Passed on unchanged: images, audio, video and PDF contents, {@code UserMessage.name()} (providers restrict
 * it to an identifier, which a token would break), tool names and ids, message attributes (LangChain4j's own
 * bookkeeping, not sent), an AiMessage's {@code thinking} (the model's own output about tokens; some providers
 * sign it, so it must come back as sent) and the request's parameters (tool specifications, response format
 * and every provider-specific field). A message type or a custom-message value this class does not know
 * fails the request rather than being sent unread.
 *
 * <p>Stateless; thread-safe as far as the session is.
 */
final class MessageProtector {

    private MessageProtector() {
    }

    /**
     * {@code request} with every message protected and every parameter kept. Nothing is sent by this
     * method; an exception means no part of the request may be sent.
     *
     * @throws dev.veil.PromptBlockedException if the policy blocks a type found in any text
     * @throws dev.veil.DetectionFailedException if a detector fails
     * @throws IllegalArgumentException for a message type or custom-message value it cannot read
     */
    static ChatRequest protect(ChatRequest request, Session session) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size());
        for (ChatMessage message : request.messages()) {
            messages.add(protect(message, session));
        }
        return request.toBuilder().messages(messages).build();
    }

    private static ChatMessage protect(ChatMessage message, Session session) {
        if (message instanceof SystemMessage system) {
            return SystemMessage.from(text(system.text(), session));
        }
        if (message instanceof UserMessage user) {
            return user.toBuilder().contents(contents(user.contents(), session)).build();
        }
        if (message instanceof AiMessage ai) {
            List<ToolExecutionRequest> calls = new ArrayList<>(ai.toolExecutionRequests().size());
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                String arguments = call.arguments() == null
                        ? null
                        : JsonStrings.map(call.arguments(), value -> text(value, session), JsonStrings.KeyClash.FAIL);
                calls.add(call.toBuilder().arguments(arguments).build());
            }
            return ai.toBuilder().text(text(ai.text(), session)).toolExecutionRequests(calls).build();
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return result.toBuilder().contents(contents(result.contents(), session)).build();
        }
        if (message instanceof CustomMessage custom) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) any(custom.attributes(), session);
            return CustomMessage.from(attributes);
        }
        throw new IllegalArgumentException("cannot protect a message of " + message.getClass().getName());
    }

    private static List<Content> contents(List<Content> contents, Session session) {
        List<Content> out = new ArrayList<>(contents.size());
        for (Content content : contents) {
            out.add(content instanceof TextContent t ? TextContent.from(text(t.text(), session)) : content);
        }
        return out;
    }

    /** Strings, maps and lists at any depth; numbers and booleans as they are. */
    private static Object any(Object value, Session session) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence text) {
            return text(text.toString(), session);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((key, v) -> out.put(key, any(v, session)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(any(v, session)));
            return out;
        }
        throw new IllegalArgumentException("cannot protect a custom-message value of " + value.getClass().getName());
    }

    private static String text(String text, Session session) {
        return text == null ? null : session.protect(text).text();
    }
}
