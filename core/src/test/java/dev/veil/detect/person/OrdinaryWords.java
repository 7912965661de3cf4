package dev.veil.detect.person;

/** Test helper for other packages: the bundled word lists' view of ordinary words. */
public final class OrdinaryWords {

    private OrdinaryWords() {
    }

    /**
     * Whether {@code word} is also an ordinary Dutch or English word, in any case ("Grace", "Roos",
     * "Baker" are; "Hannah", "Dijkstra" are not): a word in a dictionary list, or one capitalised at a
     * sentence start.
     */
    public static boolean contains(String word) {
        char[] chars = word.toCharArray();
        return (PersonDetector.bundledLexicon().flags(chars, 0, chars.length) & (Lexicon.DICT | Lexicon.COMMON)) != 0;
    }
}
