package dev.veil.detect;

/**
 * Internal: the {@link DetectionInput} the engine passes to every detector of one call, so that the
 * built-in detectors share work over the text instead of each scanning all of it (where digits and
 * the other chars an identifier starts with are). Users implement {@link DetectionInput} instead;
 * do not depend on this class, it may change in any release.
 *
 * <p>Not thread-safe and valid only during one call, like {@link DetectionInput}.
 */
public abstract class EngineInput implements DetectionInput {

    private long[] anchors;

    /** For the engine's own input. */
    protected EngineInput() {
    }

    /**
     * Whether the detectors should see {@link DetectedText} of this text instead (it holds invisible or
     * fullwidth chars); learnt in the pass that finds the anchors, which most detectors need anyway.
     */
    public final boolean holdsCharsToFold() {
        return Anchors.holdsCharsToFold(anchors());
    }

    /** {@link Anchors} of {@link #text()}, computed on first use. */
    final long[] anchors() {
        long[] a = anchors;
        if (a == null) {
            a = Anchors.of(text());
            anchors = a;
        }
        return a;
    }
}
