package dev.veil.detect.special;

/**
 * One compiled vocabulary entry: its folded symbols and how it may match.
 *
 * @param symbols       folded symbols, see {@link Folding}
 * @param raw           the entry as written (without markers); compared exactly when case-sensitive
 * @param kind          what a match means
 * @param typeMask      bit i set: the entry is of type i of the vocabulary (terms and cues)
 * @param languageMask  {@link #NL} and/or {@link #EN}
 * @param openLeft      may be the head of a compound ({@code *kanker}: longkanker)
 * @param openRight     may continue into a longer word ({@code kanker*}: kankerpatiënt)
 * @param caseSensitive must match {@code raw} exactly ({@code =MS})
 * @param needsCue      reported only with a cue of its type in the same sentence ({@code SP?})
 * @param reportFrom    first symbol reported (brackets in the entry), usually 0
 * @param reportTo      symbol after the last one reported, usually {@code symbols.length}
 */
record Term(byte[] symbols, String raw, Kind kind, long typeMask, int languageMask, boolean openLeft,
            boolean openRight, boolean caseSensitive, boolean needsCue, int reportFrom, int reportTo) {

    static final int NL = 1;
    static final int EN = 2;
    static final int ANY = NL | EN;

    enum Kind {
        /** A special-category term: reported. */
        TERM,
        /** Context for {@code ?} terms of its types: never reported. */
        CUE,
        /** A pronoun, possessive or role noun: links terms in its sentence to a person. */
        REFERENCE,
        /** An idiom or look-alike: drops every match it overlaps. */
        EXCEPTION
    }

    int length() {
        return symbols.length;
    }

    /**
     * Whether a match is rejected when a word char follows it: no longer word, and no inflection
     * suffix for case-sensitive entries and person references.
     */
    boolean closedRight() {
        return !openRight && (caseSensitive || kind == Kind.REFERENCE);
    }

    /** Whether every letter of {@code raw} is upper case (MS, SP, DENK): see the capitalised-next-word rule. */
    boolean allCaps() {
        boolean letter = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }

    @Override
    public String toString() {
        // Vocabulary entries are not personal data, but keep the format short and stable.
        return "Term[" + kind + " " + raw + "]";
    }
}
