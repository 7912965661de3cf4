package dev.veil.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * libphonenumber's verdict on a candidate, without its parser where the parse result is certain.
 *
 * <p>{@code PhoneNumberUtil.parse} runs a dozen regular expressions per call (normalising, extracting
 * the country code and the national prefix) and was most of the phone detector's time. For the plain
 * shapes that make up nearly all candidates (digits and the separators space, {@code - . /}) in the
 * numbering plans we know exactly — NL, BE, GB with trunk prefix 0, and the NANP — this class takes
 * the national significant number itself and checks it with {@link PhoneRules}, libphonenumber's own
 * patterns compiled once. Anything else
 * (other countries, parentheses, a national number starting with 00) goes through {@code parse} as
 * before, unless it is too short for any region of its calling code ({@code +55 5813}). {@code PhoneValidityTest} checks both paths agree on random candidates.
 *
 * <p>Internal. Immutable and thread-safe.
 */
final class PhoneValidity {

    /** Checks an international number (starting with {@code +}) against every region. */
    static final String ANY_REGION = "ZZ";
    /** Checks a national number against the North American Numbering Plan (US, Canada, Caribbean). */
    static final String NANP = "NANP";

    private static final int MAX_DIGITS = 17;

    private final PhoneNumberUtil util;
    private final PhoneRules rules;

    PhoneValidity(PhoneNumberUtil util) {
        this.util = util;
        this.rules = util == PhoneNumberUtil.getInstance() ? SharedRules.RULES : new PhoneRules(util, 1, 31, 32, 44);
    }

    /** Compiling the rules' automata takes some 20 ms; every detector on the default util shares one set. */
    private static final class SharedRules {
        static final PhoneRules RULES = new PhoneRules(PhoneNumberUtil.getInstance(), 1, 31, 32, 44);
    }

    /**
     * Whether {@code raw} is a valid number: for {@link #ANY_REGION} an international number, for
     * {@link #NANP} a national North American one, otherwise a national number of {@code region}.
     */
    boolean valid(String raw, String region) {
        int fast = fast(raw, region);
        return fast == UNKNOWN ? slow(raw, region) : fast == VALID;
    }

    static final int UNKNOWN = -1;
    static final int INVALID = 0;
    static final int VALID = 1;

    /** A buffer for the digits of one candidate, reused across the candidates of one text. */
    static char[] digitBuffer() {
        return new char[MAX_DIGITS + 3];
    }

    /**
     * {@code valid((doubleZero ? "+" + raw.substring(2) : raw).replace("(0)", ""), ANY_REGION)} for
     * {@code raw = text[start, end)}, which starts with {@code +} or (doubleZero) {@code 00}; builds no
     * string unless {@code parse} has to answer.
     */
    boolean validInternational(CharSequence text, int start, int end, boolean doubleZero, char[] digits) {
        int fast = doubleZero ? fast(text, start + 2, end, true, true, ANY_REGION, digits)
                : fast(text, start + 1, end, true, true, ANY_REGION, digits);
        if (fast != UNKNOWN) {
            return fast == VALID;
        }
        String raw = text.subSequence(start, end).toString();
        return slow((doubleZero ? "+" + raw.substring(2) : raw).replace("(0)", ""), ANY_REGION);
    }

    /** {@code valid(text[start, end), region)} for a candidate that does not start with {@code +}. */
    boolean validNational(CharSequence text, int start, int end, String region, char[] digits) {
        int fast = fast(text, start, end, false, false, region, digits);
        return fast == UNKNOWN ? slow(text.subSequence(start, end).toString(), region) : fast == VALID;
    }

    /** The verdict without {@code parse}, or {@link #UNKNOWN} when only {@code parse} can tell. */
    int fast(String raw, String region) {
        boolean plus = !raw.isEmpty() && raw.charAt(0) == '+';
        return fast(raw, plus ? 1 : 0, raw.length(), plus, false, region, digitBuffer());
    }

    /**
     * {@link #fast(String, String)} of {@code s[begin, end)}, after a {@code +} when {@code plus};
     * {@code dropZeroInBrackets} reads it as if each {@code (0)} had been removed first, left to right.
     */
    private int fast(CharSequence s, int begin, int end, boolean plus, boolean dropZeroInBrackets, String region,
            char[] digits) {
        int count = 0;
        for (int i = begin; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == digits.length) {
                    return UNKNOWN;
                }
                digits[count++] = c;
            } else if (dropZeroInBrackets && c == '(' && i + 2 < end && s.charAt(i + 1) == '0'
                    && s.charAt(i + 2) == ')') {
                i += 2;
            } else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '\u00a0' && c != '\t') {
                return UNKNOWN;
            }
        }
        if (count < 3) {
            return UNKNOWN;
        }
        if (plus) {
            if (!ANY_REGION.equals(region)) {
                return UNKNOWN;
            }
            int cc;
            if (digits[0] == '1') {
                cc = 1;
            } else if (digits[0] == '3' && (digits[1] == '1' || digits[1] == '2')) {
                cc = digits[1] == '1' ? 31 : 32;
            } else if (digits[0] == '4' && digits[1] == '4') {
                cc = 44;
            } else {
                return rules.tooShortForCallingCode(digits, count) ? INVALID : UNKNOWN;
            }
            int from = cc == 1 ? 1 : 2;
            // A national prefix after the country code (+31 06..., +1 1...) is stripped by parse: let it.
            if (digits[from] == '0' || (cc == 1 && digits[from] == '1')) {
                return rules.tooShortForCallingCode(digits, count) ? INVALID : UNKNOWN;
            }
            return verdict(cc, digits, from, count, null);
        }
        switch (region) {
            case "NL", "BE", "GB" -> {
                // Trunk prefix 0, international prefix 00: "0 6..." is national, "00..." is not.
                if (digits[0] != '0' || digits[1] == '0') {
                    return UNKNOWN;
                }
                int cc = region.equals("NL") ? 31 : region.equals("BE") ? 32 : 44;
                return verdict(cc, digits, 1, count, region);
            }
            case NANP -> {
                // Ten digits, or eleven after the country code / trunk prefix 1, which parse strips
                // either way; the international prefix 011 and other leading 0s and 1s go to parse.
                int from = count == 11 && digits[0] == '1' ? 1 : 0;
                if ((count == 10 || count == 11) && digits[0] == '1' && (digits[from] == '0' || digits[from] == '1')) {
                    // No 0 or 1 can start a NANP area code, and without the IDD 011 parse has no other
                    // reading of these digits: 10.129.174.186 and 1117 3631 75 are invalid, cheaply.
                    return INVALID;
                }
                if (count - from != 10 || digits[from] == '0' || digits[from] == '1') {
                    return UNKNOWN;
                }
                return verdict(1, digits, from, count, null);
            }
            default -> {
                return UNKNOWN;
            }
        }
    }

    private int verdict(int countryCode, char[] digits, int from, int count, String region) {
        int length = count - from;
        if (length < 2 || length > MAX_DIGITS) {
            return UNKNOWN;
        }
        boolean valid = region == null ? rules.valid(countryCode, digits, from, length)
                : rules.validForRegion(digits, from, length, region);
        return valid ? VALID : INVALID;
    }

    /** The verdict through {@code parse}, for every shape. */
    boolean slow(String raw, String region) {
        try {
            if (NANP.equals(region)) {
                // Canada and the Caribbean share the US numbering plan and its written forms.
                return util.isValidNumber(util.parse(raw, "US"));
            }
            PhoneNumber number = util.parse(raw, region);
            return ANY_REGION.equals(region) ? util.isValidNumber(number) : util.isValidNumberForRegion(number, region);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
