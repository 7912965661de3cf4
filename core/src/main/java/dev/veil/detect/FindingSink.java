package dev.veil.detect;

import dev.veil.EntityType;

/**
 * Receives the findings of a {@link Detector}. The engine adds the detector id and checks the
 * offsets, so a detector reports only what it knows.
 *
 * <p>Not thread-safe: a sink belongs to one {@code detect} call.
 */
@FunctionalInterface
public interface FindingSink {

    /**
     * Reports the half-open UTF-16 range {@code [start, end)} as personal data of {@code type}.
     *
     * @param score confidence from 0 to 1; findings below the policy's threshold for the type are dropped
     * @throws IllegalArgumentException if the range is empty or outside the text, or splits a
     *                                  surrogate pair, or the score is outside [0, 1]
     */
    void accept(int start, int end, EntityType type, double score);
}
