package dev.veil.protect;

import dev.veil.Finding;

/**
 * Decides what stands in the protected text instead of one finding's value.
 *
 * <p>Internal seam between the engine and its protection strategies; do not depend on it.
 */
@FunctionalInterface
public interface Replacer {

    /**
     * @param finding the finding being replaced
     * @param text    the original text the finding indexes into
     * @return the replacement; the finding's value itself to keep it
     */
    String replacementFor(Finding finding, CharSequence text);
}
