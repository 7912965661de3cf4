package dev.veil.examples;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Policy;
import dev.veil.PromptBlockedException;
import dev.veil.ProtectedText;
import dev.veil.Veil;

/**
 * The README's quick start as compiled code: protect a prompt before it goes to a model.
 *
 * <p>Run it from an IDE; {@code QuickStartTest} runs it in every build and checks its output.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** Protects one prompt with the default policy and one with a stricter custom policy. */
    public static void main(String[] args) {
        Veil veil = Veil.create();
        ProtectedText safe = veil.protect("Mail jan.jansen@voorbeeld.nl of bel 06-12345678 over IBAN NL91 ABNA 0417 1643 00.");
        System.out.println(safe.text());   // Mail [EMAIL] of bel [PHONE] over IBAN [IBAN].
        System.out.println(safe.counts()); // {EMAIL=1, IBAN=1, PHONE=1}

        Policy policy = Policy.balanced().toBuilder()
                .action(EntityType.EMAIL, Action.MASK)
                .action(EntityType.NL_BSN, Action.BLOCK)
                .build();
        Veil guarded = Veil.builder().policy(policy).build();
        System.out.println(guarded.protect("Mail jan.jansen@voorbeeld.nl").text()); // Mail j**.******@v********.nl
        try {
            guarded.protect("Mijn BSN is 123456782");
        } catch (PromptBlockedException e) {
            System.out.println(e.getMessage()); // prompt blocked by policy: it contains NL_BSN
        }
    }
}
