package dev.veil.detect;

import dev.veil.EntityType;
import java.util.Set;

/**
 * Dutch citizen service numbers (BSN): nine digits, or eight with the leading zero dropped, written
 * compact or as {@code 1234.56.782}, {@code 123.456.782}, {@code 123 456 782}, that pass the
 * elfproef ({@code 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11}).
 *
 * <p>The elfproef accepts one in eleven random numbers, so the score depends on evidence: a context
 * word ({@code BSN}, {@code burgerservicenummer}, {@code sofinummer}, {@code citizen service number})
 * within 40 chars reaches the default threshold; a grouped number without one is borderline; a bare
 * nine-digit number without one stays below the default threshold (the strict preset still acts on it).
 */
final class BsnDetector implements Detector {

    static final String ID = "nl_bsn";
    private static final Chars.Words CONTEXT = new Chars.Words(
        "bsn", "bsn-nummer", "bsnnummer", "burgerservicenummer", "burger service nummer", "sofinummer",
        "sofi-nummer", "sofi nummer", "persoonsnummer", "citizen service number", "social security number");
    private static final int CONTEXT_WINDOW = 40;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.NL_BSN);
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        CharSequence text = input.text();
        int n = text.length();
        int[] d = new int[9];
        long[] anchors = Anchors.of(input);
        for (int i = Chars.nextDigit(text, anchors, 0, n); i < n; i = Chars.nextDigit(text, anchors, i + 1, n)) {
            if (!Chars.boundaryBefore(text, i) || Chars.numberContinuesBefore(text, i)) {
                continue;
            }
            int start = i;
            int count = 0;
            int groups = 1;
            char separator = 0;
            int j = i;
            int end = i;
            while (j < n && count <= 9) {
                char c = text.charAt(j);
                if (Chars.isDigit(c)) {
                    if (count < 9) {
                        d[count] = c - '0';
                    }
                    count++;
                    end = ++j;
                } else if ((c == '.' || c == ' ' || c == '-') && (separator == 0 || c == separator) && j + 1 < n
                        && Chars.isDigit(text.charAt(j + 1)) && groups < 3) {
                    separator = c;
                    groups++;
                    j++;
                } else {
                    break;
                }
            }
            i = Math.max(i, end - 1);
            if ((count != 9 && count != 8) || !Chars.boundaryAfter(text, end) || Chars.numberContinuesAfter(text, end)) {
                continue;
            }
            if (separator != 0 && !groupedLikeBsn(text, start, end, separator)) {
                continue;
            }
            if (count == 8) {
                System.arraycopy(d, 0, d, 1, 8);
                d[0] = 0;
            }
            if (!elfproef(d)) {
                continue;
            }
            boolean context = Chars.hasContextWord(text, start, end, CONTEXT_WINDOW, CONTEXT);
            double score;
            if (context) {
                score = 0.95;
            } else if (count == 8) {
                score = 0.2;
            } else if (separator == '.') {
                score = 0.6;
            } else {
                score = 0.4;
            }
            sink.accept(start, end, EntityType.NL_BSN, score);
        }
    }

    /** {@code 1234.56.782} or {@code 123.456.782} (any one separator). */
    private static boolean groupedLikeBsn(CharSequence text, int start, int end, char separator) {
        int[] lens = new int[3];
        int g = 0;
        int count = 0;
        for (int p = start; p < end; p++) {
            if (text.charAt(p) == separator) {
                lens[g++] = count;
                count = 0;
            } else {
                count++;
            }
        }
        lens[g] = count;
        return g == 2 && ((lens[0] == 4 && lens[1] == 2 && lens[2] == 3) || (lens[0] == 3 && lens[1] == 3 && lens[2] == 3));
    }

    /** The elfproef for a nine-digit BSN; the all-zero number is not valid. */
    static boolean elfproef(int[] d) {
        int sum = 0;
        boolean allZero = true;
        for (int k = 0; k < 8; k++) {
            sum += (9 - k) * d[k];
            allZero &= d[k] == 0;
        }
        sum -= d[8];
        return !allZero && sum % 11 == 0;
    }
}
