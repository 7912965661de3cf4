package dev.veil;

import java.util.Objects;

/**
 * One piece of personal data found in a text: where it is, what it is, how sure the detector is,
 * and which detector said so.
 *
 * <p>A finding holds no text. {@code start} and {@code end} are half-open UTF-16 indices into the
 * caller's original text, so {@code text.subSequence(start, end)} is the value. {@link #toString()}
 * prints offsets, type, score and detector id only, so findings may be logged.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start    index of the first char, inclusive
 * @param end      index after the last char, exclusive; greater than {@code start}
 * @param type     the kind of personal data
 * @param score    confidence from 0 to 1
 * @param detector the stable id of the detector that found it, e.g. {@code email}
 */
public record Finding(int start, int end, EntityType type, double score, String detector) {

    /**
     * @throws NullPointerException if {@code type} or {@code detector} is null
     * @throws IllegalArgumentException if the span is empty or negative, or the score is outside [0, 1]
     */
    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detector, "detector");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a finding needs 0 <= start < end, got [" + start + ", " + end + ")");
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be within [0, 1], got " + score);
        }
    }

    /** The number of UTF-16 chars the finding covers. */
    public int length() {
        return end - start;
    }

    /** Whether this finding and {@code other} share at least one char. */
    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    /** The value this finding covers in {@code text}, which must be the text it was found in. */
    public String valueIn(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
