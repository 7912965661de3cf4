package dev.veil.protect;

import dev.veil.EntityType;

/**
 * Masks a value and keeps its shape: separators stay, letters and digits become {@code *} except a few
 * that help a reader tell values apart without revealing them.
 *
 * <ul>
 *   <li>e-mail: first char of the local part and of each domain label of three or more chars, and the
 *       top-level domain: {@code jan.jansen@voorbeeld.nl} → {@code j**.******@v********.nl},
 *       {@code a@b.nl} → {@code *@*.nl};</li>
 *   <li>IBAN: the country code and the last two chars: {@code NL** **** **** **** 89};</li>
 *   <li>card: the last four digits; phone: the last two digits;</li>
 *   <li>person: the first letter of each capitalised word: {@code J** de V****};</li>
 *   <li>anything else: every letter and digit.</li>
 * </ul>
 *
 * <p>Internal; stateless and thread-safe. Works on code points, so a surrogate pair becomes one star.
 */
public final class Masker {

    private static final char STAR = '*';
    /** The shortest e-mail label whose first char is kept. */
    private static final int MIN_LABEL_KEPT = 3;

    private Masker() {
    }

    /** The masked form of {@code value}, a finding of {@code type}. */
    public static String mask(EntityType type, String value) {
        if (type.equals(EntityType.EMAIL)) {
            return maskEmail(value);
        }
        if (type.equals(EntityType.IBAN)) {
            return keepEnds(value, 2, 2);
        }
        if (type.equals(EntityType.CREDIT_CARD)) {
            return keepEnds(value, 0, 4);
        }
        if (type.equals(EntityType.PHONE)) {
            return keepEnds(value, 0, 2);
        }
        if (type.equals(EntityType.PERSON)) {
            return maskName(value);
        }
        return keepEnds(value, 0, 0);
    }

    /** Stars every letter and digit except the first {@code head} and last {@code tail} of them. */
    static String keepEnds(String value, int head, int tail) {
        int total = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                total++;
            }
            i += Character.charCount(cp);
        }
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                boolean keep = seen < head || seen >= total - tail;
                if (keep) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(STAR);
                }
                seen++;
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String maskEmail(String value) {
        int at = value.indexOf('@');
        if (at < 0) {
            return keepEnds(value, 0, 0);
        }
        int lastDot = value.lastIndexOf('.');
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            if (i == at || cp == '.' || i > lastDot && lastDot > at) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            // The local part's first label and each domain label before the top-level domain keep their first
            // char only if they have at least three: in "a@b.nl" or "jo@xs.nl" it would be half the label.
            int labelEnd = i;
            while (labelEnd < value.length() && labelEnd != at && value.charAt(labelEnd) != '.') {
                labelEnd++;
            }
            boolean keepFirst = (i == 0 || i > at) && value.codePointCount(i, labelEnd) >= MIN_LABEL_KEPT;
            for (boolean first = true; i < labelEnd; first = false) {
                int c = value.codePointAt(i);
                if (first && keepFirst || !Character.isLetterOrDigit(c)) {
                    out.appendCodePoint(c);
                } else {
                    out.append(STAR);
                }
                i += Character.charCount(c);
            }
        }
        return out.toString();
    }

    private static String maskName(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean wordStart = true;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                wordStart = true;
            } else if (wordStart && Character.isUpperCase(cp)) {
                out.appendCodePoint(cp);
                wordStart = false;
            } else if (wordStart && isParticle(value, i)) {
                int end = wordEnd(value, i);
                out.append(value, i, end);
                i = end;
                wordStart = false;
                continue;
            } else {
                out.append(STAR);
                wordStart = false;
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isParticle(String value, int i) {
        String word = value.substring(i, wordEnd(value, i));
        return switch (word) {
            case "van", "de", "der", "den", "het", "te", "ten", "ter", "in", "op", "el", "al", "von", "da" -> true;
            default -> false;
        };
    }

    private static int wordEnd(String value, int i) {
        int e = i;
        while (e < value.length() && Character.isLetter(value.charAt(e))) {
            e++;
        }
        return e;
    }
}
