package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Policy;
import dev.veil.Veil;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The chat loop from the README's sessions section, as compiled code with a fake model. */
class ReadmeChatLoopTest {

    @Test
    void chatLoopFromTheReadme() {
        // A fake model that answers about whatever token it was given.
        Function<String, String> model = prompt -> "Ik stuur de factuur naar "
                + prompt.substring(prompt.indexOf("[EMAIL"), prompt.indexOf(']', prompt.indexOf("[EMAIL")) + 1)
                + ", t.a.v. **" + "person_1" + "**.";
        StringBuilder shown = new StringBuilder();
        Consumer<String> show = shown::append;

        // --- README ---
        Veil veil = Veil.builder()
                .policy(Policy.balanced().toBuilder()
                        .defaultAction(Action.PSEUDONYMIZE)               // [EMAIL_1], [PHONE_1], ...
                        .action(EntityType.IBAN, Action.SURROGATE)        // a realistic fake IBAN
                        .build())
                .sessionIdleTimeout(Duration.ofMinutes(30))
                .build();

        Session chat = veil.session("conversation-42");                   // one per conversation
        String prompt = chat.protect("Stuur de factuur naar jan.jansen@voorbeeld.nl").text();
        // "Stuur de factuur naar [EMAIL_1]"  -> send to the model
        String reply = model.apply(prompt);
        String answer = chat.restore(reply);                               // the user reads real values

        StreamRestorer stream = chat.streamRestorer();                     // or restore while it streams
        for (String chunk : List.of("Ik stuur het naar [EM", "AIL_1", "]. Groet!")) {
            show.accept(stream.accept(chunk));                             // never shows a half token
        }
        show.accept(stream.finish());
        veil.endSession("conversation-42");                                // or let it expire
        // --- end ---

        assertEquals("Stuur de factuur naar [EMAIL_1]", prompt);
        assertEquals("Ik stuur de factuur naar jan.jansen@voorbeeld.nl, t.a.v. **person_1**.", answer);
        assertEquals("Ik stuur het naar jan.jansen@voorbeeld.nl. Groet!", shown.toString());
        assertEquals(true, chat.isClosed());
    }
}
