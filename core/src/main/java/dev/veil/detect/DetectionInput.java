package dev.veil.detect;

import dev.veil.Finding;
import dev.veil.Language;
import java.util.List;

/**
 * What a {@link Detector} gets to look at: the text, its language, and the findings of the detectors
 * that ran before it in the same call (a special-category detector uses detected names to tell whether
 * a term is about a person).
 *
 * <p>Not thread-safe and valid only during one {@code detect} call.
 */
public interface DetectionInput {

    /**
     * The text to scan: the caller's whole text, or one paragraph-aligned segment of it when the
     * engine caches detection results ({@code Veil.Builder.detectionCache}), so context does not reach
     * across a blank line. Offsets reported to the sink index into this sequence.
     */
    CharSequence text();

    /** The language the caller declared, or {@link Language#AUTO}. */
    Language language();

    /**
     * Findings of detectors that ran earlier in this call, sorted by start, before overlap resolution
     * and thresholds. Built-in detectors run in a fixed order: identifiers, then names, then special
     * categories, then users' detectors.
     */
    List<Finding> priorFindings();
}
