package dev.veil.detect;

import dev.veil.EntityType;
import java.util.Set;

/**
 * Belgian national register numbers (rijksregisternummer, INSZ/NISS) and BIS numbers:
 * {@code YY.MM.DD-SSS.CC}, {@code YYMMDD-SSS-CC}, {@code YYMMDD SSS CC} or eleven bare digits.
 *
 * <p>Validated with the mod-97 check for births before 2000 ({@code 97 − YYMMDDSSS mod 97}) and from
 * 2000 ({@code 97 − 2YYMMDDSSS mod 97}), with a plausible month (0–12; BIS numbers add 20 or 40) and
 * day (0–31). The official dotted layout or a context word ({@code rijksregisternummer}, {@code INSZ},
 * {@code NISS}, {@code national number}) scores high; a bare eleven-digit number a little above the
 * default threshold, since two checks must pass by chance.
 */
final class BelgianNationalNumberDetector implements Detector {

    static final String ID = "be_national_number";
    private static final Chars.Words CONTEXT = new Chars.Words(
        "rijksregisternummer", "rijksregister", "rrn", "insz", "niss", "insz-nummer", "bis-nummer", "bisnummer",
        "national number", "national register number", "numéro national", "registre national", "identificatienummer");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.BE_NATIONAL_NUMBER);
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        CharSequence text = input.text();
        int n = text.length();
        int[] groupLens = new int[5];
        char[] digits = new char[11];
        long[] anchors = Anchors.of(input);
        for (int i = Chars.nextDigit(text, anchors, 0, n); i < n; i = Chars.nextDigit(text, anchors, i + 1, n)) {
            if (!Chars.boundaryBefore(text, i) || Chars.numberContinuesBefore(text, i)) {
                continue;
            }
            int start = i;
            int count = 0;
            int groups = 0;
            int len = 0;
            int j = i;
            int end = i;
            while (j < n && count <= 11) {
                char c = text.charAt(j);
                if (Chars.isDigit(c)) {
                    if (count < 11) {
                        digits[count] = c;
                    }
                    count++;
                    len++;
                    end = ++j;
                } else if ((c == '.' || c == '-' || c == ' ') && groups < 4 && j + 1 < n
                        && Chars.isDigit(text.charAt(j + 1))) {
                    groupLens[groups++] = len;
                    len = 0;
                    j++;
                } else {
                    break;
                }
            }
            groupLens[groups++] = len;
            i = Math.max(i, end - 1);
            if (count != 11 || !Chars.boundaryAfter(text, end) || Chars.numberContinuesAfter(text, end)) {
                continue;
            }
            boolean official = groups == 5 && groupLens[0] == 2 && groupLens[1] == 2 && groupLens[2] == 2
                    && groupLens[3] == 3 && groupLens[4] == 2;
            boolean grouped = groups == 3 && groupLens[0] == 6 && groupLens[1] == 3 && groupLens[2] == 2;
            if (!(official || grouped || groups == 1) || !valid(digits)) {
                continue;
            }
            boolean context = Chars.hasContextWord(text, start, end, 40, CONTEXT);
            double score = official || context ? 0.95 : grouped ? 0.8 : 0.55;
            sink.accept(start, end, EntityType.BE_NATIONAL_NUMBER, score);
        }
    }

    /** Date plausibility and the mod-97 check, trying both centuries. */
    static boolean valid(char[] d) {
        int month = (d[2] - '0') * 10 + (d[3] - '0');
        int day = (d[4] - '0') * 10 + (d[5] - '0');
        int baseMonth = month >= 40 ? month - 40 : month >= 20 ? month - 20 : month;
        if (baseMonth > 12 || day > 31) {
            return false;
        }
        long body = 0;
        for (int k = 0; k < 9; k++) {
            body = body * 10 + (d[k] - '0');
        }
        int check = (d[9] - '0') * 10 + (d[10] - '0');
        return check == 97 - (int) (body % 97) || check == 97 - (int) ((2_000_000_000L + body) % 97);
    }
}
