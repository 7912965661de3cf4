package dev.veil.detect;

import dev.veil.EntityType;
import java.util.Set;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * Payment card numbers of the major schemes (Visa, Mastercard, American Express, Discover, Diners,
 * JCB, UnionPay, Maestro): 12 to 19 digits, compact or grouped with one kind of separator (space or
 * dash), with the scheme's prefix and length, and a valid Luhn check digit (commons-validator).
 */
final class CreditCardDetector implements Detector {

    static final String ID = "credit_card";
    private static final int MIN_DIGITS = 12;
    private static final int MAX_DIGITS = 19;
    private static final double SCORE = 0.95;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.CREDIT_CARD);
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        CharSequence text = input.text();
        int n = text.length();
        char[] digits = new char[MAX_DIGITS + 1];
        long[] anchors = Anchors.of(input);
        for (int i = Chars.nextDigit(text, anchors, 0, n); i < n; i = Chars.nextDigit(text, anchors, i + 1, n)) {
            if (!Chars.boundaryBefore(text, i) || Chars.numberContinuesBefore(text, i)) {
                continue;
            }
            int count = 0;
            char separator = 0;
            int j = i;
            int end = i;
            while (j < n && count <= MAX_DIGITS) {
                char c = text.charAt(j);
                if (Chars.isDigit(c)) {
                    digits[count++] = c;
                    end = ++j;
                } else if ((c == ' ' || c == '-') && (separator == 0 || c == separator) && j + 1 < n
                        && Chars.isDigit(text.charAt(j + 1))) {
                    separator = c;
                    j++;
                } else {
                    break;
                }
            }
            if (count >= MIN_DIGITS && count <= MAX_DIGITS && Chars.boundaryAfter(text, end)
                    && !Chars.numberContinuesAfter(text, end)) {
                String number = new String(digits, 0, count);
                if (schemeAccepts(number) && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(number)) {
                    sink.accept(i, end, EntityType.CREDIT_CARD, SCORE);
                }
            }
            i = Math.max(i, end - 1);
        }
    }

    /** Issuer prefixes and lengths of the major schemes. */
    static boolean schemeAccepts(String d) {
        int len = d.length();
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p3 = Integer.parseInt(d.substring(0, 3));
        int p4 = Integer.parseInt(d.substring(0, 4));
        int p6 = Integer.parseInt(d.substring(0, 6));
        if (d.charAt(0) == '4') {
            return len == 13 || len == 16 || len == 19; // Visa
        }
        if ((p2 >= 51 && p2 <= 55) || (p6 >= 222100 && p6 <= 272099)) {
            return len == 16; // Mastercard
        }
        if (p2 == 34 || p2 == 37) {
            return len == 15; // American Express
        }
        if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) {
            return len >= 16 && len <= 19; // Discover
        }
        if (p2 == 36 || p2 == 38 || p2 == 39 || (p3 >= 300 && p3 <= 305) || p3 == 309) {
            return len >= 14 && len <= 19; // Diners Club
        }
        if (p2 == 35) {
            // JCB issues 3528-3589, but card generators and test data use the whole 35 range; a Luhn-valid
            // number of card length there is a card number in practice.
            return len >= 16 && len <= 19;
        }
        if (p4 == 1800 || p4 == 2131) {
            return len == 15; // JCB, older 15-digit ranges
        }
        if (p2 == 62) {
            return len >= 16 && len <= 19; // UnionPay
        }
        if (p2 == 50 || (p2 >= 56 && p2 <= 69)) {
            return len >= 12 && len <= 19; // Maestro
        }
        return false;
    }
}
