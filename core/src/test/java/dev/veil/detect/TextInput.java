package dev.veil.detect;

import dev.veil.Finding;
import dev.veil.Language;
import java.util.List;

/**
 * What a user's code passes a detector: a text, a language and earlier findings, with no shared work
 * from the engine. For tests that call one detector directly.
 */
public record TextInput(CharSequence text, Language language, List<Finding> priorFindings) implements DetectionInput {

    /** {@code text} in {@link Language#AUTO}, with no earlier findings. */
    public static TextInput of(CharSequence text) {
        return of(text, Language.AUTO);
    }

    /** {@code text} in {@code language}, with no earlier findings. */
    public static TextInput of(CharSequence text, Language language) {
        return new TextInput(text, language, List.of());
    }
}
