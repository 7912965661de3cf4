package dev.veil.examples.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.veil.examples.json.JsonStrings;
import dev.veil.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a model's reply its original values back: the {@link AiMessage} text and the arguments of each
 * tool execution request. Arguments are parsed as JSON and only their string values are restored (see
 * {@code JsonStrings}), so a restored value with a quote or a newline in it is escaped where it lands;
 * arguments without a restored value are returned exactly as the model wrote them, and arguments that are
 * not a JSON object or array are restored as raw text. The {@code thinking} text, attributes and response
 * metadata are kept as the model sent them.
 *
 * <p>Stateless; thread-safe as far as the session is.
 */
final class ReplyRestorer {

    private ReplyRestorer() {
    }

    static ChatResponse restore(ChatResponse response, Session session) {
        return response.toBuilder().aiMessage(restore(response.aiMessage(), session)).build();
    }

    static AiMessage restore(AiMessage message, Session session) {
        List<ToolExecutionRequest> calls = new ArrayList<>(message.toolExecutionRequests().size());
        for (ToolExecutionRequest call : message.toolExecutionRequests()) {
            calls.add(restore(call, session));
        }
        String text = message.text() == null ? null : session.restore(message.text());
        return message.toBuilder().text(text).toolExecutionRequests(calls).build();
    }

    static ToolExecutionRequest restore(ToolExecutionRequest call, Session session) {
        return call.arguments() == null
                ? call
                : call.toBuilder().arguments(restoreArguments(call.arguments(), session)).build();
    }

    static String restoreArguments(String arguments, Session session) {
        return JsonStrings.map(arguments, session::restore, JsonStrings.KeyClash.KEEP);
    }
}
