package dev.veil.detect;

import dev.veil.EntityType;
import java.util.Set;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * IBANs of every country in the ISO 13616 registry that commons-validator knows: two letters, two check
 * digits and the country's BBAN, compact or in groups of four, upper or lower case. The country format
 * and the mod-97 checksum are validated, so a wrong check digit is not a finding.
 */
final class IbanDetector implements Detector {

    static final String ID = "iban";
    private static final int MIN_LENGTH = 15;
    private static final int MAX_LENGTH = 34;
    private static final double SCORE = 0.99;

    private final IBANValidator validator = IBANValidator.getInstance();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.IBAN);
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        CharSequence text = input.text();
        int n = text.length();
        char[] compact = new char[MAX_LENGTH];
        int[] ends = new int[MAX_LENGTH + 1];
        long[] anchors = Anchors.of(input);
        for (int i = 0; i + 3 < n; i++) {
            // The check digits first: no start before the next digit's position - 2 can have them.
            i = Math.max(i, Chars.nextDigit(text, anchors, i + 2, n) - 2);
            if (i + 3 >= n) {
                break;
            }
            if (Chars.isDigit(text.charAt(i + 1))) {
                // Inside a run of digits: the next start has a letter before its check digits, so it
                // lies past the run. Skipping it here is cheaper than a look-up per digit.
                int runEnd = i + 3;
                while (runEnd < n && Chars.isDigit(text.charAt(runEnd))) {
                    runEnd++;
                }
                i = runEnd - 2;
                continue;
            }
            if (!Chars.isDigit(text.charAt(i + 3)) || !Chars.isAsciiLetter(text.charAt(i))
                    || !Chars.isAsciiLetter(text.charAt(i + 1)) || !Chars.boundaryBefore(text, i)) {
                continue;
            }
            String country = new String(new char[] {upper(text.charAt(i)), upper(text.charAt(i + 1))});
            if (!validator.hasValidator(country)) {
                continue;
            }
            // Collect alphanumerics; a single space or dash may stand only between groups of four.
            int count = 0;
            int j = i;
            while (j < n && count < MAX_LENGTH) {
                char c = text.charAt(j);
                if (Chars.isAsciiAlnum(c)) {
                    compact[count++] = upper(c);
                    ends[count] = j + 1;
                    j++;
                } else if ((c == ' ' || c == '-' || c == '\u00a0') && count % 4 == 0 && j + 1 < n
                        && Chars.isAsciiAlnum(text.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            // Longest first; a candidate must end where the text has a boundary.
            for (int len = count; len >= MIN_LENGTH; len--) {
                int end = ends[len];
                if (!Chars.boundaryAfter(text, end)) {
                    continue;
                }
                if (validator.isValid(new String(compact, 0, len))) {
                    sink.accept(i, end, EntityType.IBAN, SCORE);
                    i = end - 1;
                    break;
                }
            }
        }
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
}
