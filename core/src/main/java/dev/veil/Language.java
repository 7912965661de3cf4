package dev.veil;

/**
 * The language a text is in, which tunes detectors: phone regions, name lists, vocabularies.
 *
 * <p>{@link #AUTO} makes detectors use every language they know, which finds more and costs a little
 * precision.
 */
public enum Language {
    /** Dutch (the Netherlands and Flanders). */
    NL,
    /** English. */
    EN,
    /**
     * Unknown or mixed: detectors apply the rules of every language they support, or of the one the
     * text shows (the person detector counts Dutch and English function words).
     */
    AUTO;

    /** Whether rules for Dutch text apply. */
    public boolean includesDutch() {
        return this == NL || this == AUTO;
    }

    /** Whether rules for English text apply. */
    public boolean includesEnglish() {
        return this == EN || this == AUTO;
    }
}
