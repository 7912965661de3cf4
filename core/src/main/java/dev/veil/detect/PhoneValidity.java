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
 * before. {@code PhoneValidityTest} checks both paths agree on random candidates.
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
        this.rules = new PhoneRules(util, 1, 31, 32, 44);
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

    /** The verdict without {@code parse}, or {@link #UNKNOWN} when only {@code parse} can tell. */
    int fast(String raw, String region) {
        int n = raw.length();
        boolean plus = n > 0 && raw.charAt(0) == '+';
        char[] digits = new char[MAX_DIGITS + 3];
        int count = 0;
        for (int i = plus ? 1 : 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == digits.length) {
                    return UNKNOWN;
                }
                digits[count++] = c;
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
                return UNKNOWN;
            }
            int from = cc == 1 ? 1 : 2;
            // A national prefix after the country code (+31 06..., +1 1...) is stripped by parse: let it.
            if (digits[from] == '0' || (cc == 1 && digits[from] == '1')) {
                return UNKNOWN;
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
        String national = new String(digits, from, length);
        boolean valid = region == null ? rules.valid(countryCode, national) : rules.validForRegion(national, region);
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
