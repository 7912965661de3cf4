package dev.veil.benchmarks;

import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.detect.DetectionInput;
import java.util.List;

/**
 * A detector's input for benchmarks that call one detector directly: a fixed text, {@link Language#AUTO}
 * and no earlier findings. Immutable.
 *
 * @param text the text every call scans
 */
public record FixedInput(CharSequence text) implements DetectionInput {

    @Override
    public Language language() {
        return Language.AUTO;
    }

    @Override
    public List<Finding> priorFindings() {
        return List.of();
    }
}
