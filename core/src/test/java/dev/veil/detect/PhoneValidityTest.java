package dev.veil.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhoneValidityTest {

    private final PhoneValidity validity = new PhoneValidity(PhoneNumberUtil.getInstance());

    @Test
    void fastPathAgreesWithLibphonenumbersParserOnRandomCandidates() {
        Random random = new Random(20261123);
        List<String> prefixes = List.of("+31", "+32", "+44", "+1", "+1 1", "+31 0", "+49", "+3", "+4", "0", "00",
                "06", "02", "04", "07", "1", "2", "3", "5", "9", "011", "+", "");
        List<String> regions = List.of("NL", "BE", "GB", "NANP", PhoneValidity.ANY_REGION);
        int fastAnswers = 0;
        int validAnswers = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder raw = new StringBuilder(prefixes.get(random.nextInt(prefixes.size())));
            int digits = 5 + random.nextInt(10);
            String separator = List.of("", " ", "-", ".", "/").get(random.nextInt(5));
            for (int d = 0; d < digits; d++) {
                if (d > 0 && d % (2 + random.nextInt(3)) == 0) {
                    raw.append(separator);
                }
                raw.append((char) ('0' + random.nextInt(10)));
            }
            String candidate = raw.toString();
            String region = candidate.startsWith("+") ? PhoneValidity.ANY_REGION : regions.get(random.nextInt(4));
            int fast = validity.fast(candidate, region);
            if (fast != PhoneValidity.UNKNOWN) {
                fastAnswers++;
                validAnswers += fast;
                assertEquals(validity.slow(candidate, region), fast == PhoneValidity.VALID, candidate + " in " + region);
            }
        }
        assertTrue(fastAnswers > 5_000, "the fast path answers most candidates: " + fastAnswers);
        assertTrue(validAnswers > 100, "and some of them are valid: " + validAnswers);
    }

    @Test
    void fastPathAgreesWithLibphonenumberOnEveryNorthAmericanAreaCode() {
        Random random = new Random(7);
        for (int areaCode = 200; areaCode <= 999; areaCode++) {
            for (int k = 0; k < 4; k++) {
                String number = areaCode + "-" + (2 + random.nextInt(8)) + (random.nextInt(90) + 10) + "-"
                        + (1000 + random.nextInt(9000));
                assertEquals(validity.slow(number, PhoneValidity.NANP),
                        validity.fast(number, PhoneValidity.NANP) == PhoneValidity.VALID, number);
                String international = "+1 " + number;
                assertEquals(validity.slow(international, PhoneValidity.ANY_REGION),
                        validity.fast(international, PhoneValidity.ANY_REGION) == PhoneValidity.VALID, international);
            }
        }
    }

    @Test
    void fastPathAgreesWithLibphonenumberOnNorthAmericanCandidatesStartingWithOne() {
        // IP addresses and order numbers (10.129.174.186, 1117 3631 75) reach the NANP check this way.
        Random random = new Random(9);
        for (int k = 0; k < 2_000; k++) {
            StringBuilder digits = new StringBuilder("1");
            int length = 10 + random.nextInt(2);
            while (digits.length() < length) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String number = k % 2 == 0 ? digits.toString()
                    : digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
            int fast = validity.fast(number, PhoneValidity.NANP);
            if (fast != PhoneValidity.UNKNOWN) {
                assertEquals(validity.slow(number, PhoneValidity.NANP), fast == PhoneValidity.VALID, number);
            }
        }
    }

    @Test
    void fastPathAgreesWithLibphonenumberOnBritishAndCrownDependencyNumbers() {
        Random random = new Random(8);
        for (int prefix = 10; prefix <= 99; prefix++) {
            for (int k = 0; k < 10; k++) {
                String number = "+44 " + prefix + (random.nextInt(9_000_000) + 1_000_000) + (k % 2 == 0 ? "" : "1");
                assertEquals(validity.slow(number, PhoneValidity.ANY_REGION),
                        validity.fast(number, PhoneValidity.ANY_REGION) == PhoneValidity.VALID, number);
            }
        }
    }

    @Test
    void fastPathAgreesOnNumbersPeopleWrite() {
        String[][] cases = {
            {"06-12345678", "NL"}, {"06 1234 5678", "NL"}, {"020-5551234", "NL"}, {"0475 123456", "NL"},
            {"0470/12.34.56", "BE"}, {"02 123 45 67", "BE"}, {"020 7946 0958", "GB"}, {"07911 123456", "GB"},
            {"212-555-0123", "NANP"}, {"1 212 555 0123", "NANP"}, {"415.555.2671", "NANP"},
            {"+31 6 12345678", "ZZ"}, {"+32 470 12 34 56", "ZZ"}, {"+44 20 7946 0958", "ZZ"}, {"+1 212 555 0123", "ZZ"},
            {"+31 6 1234", "ZZ"}, {"06-1234567", "NL"}, {"0800-1234", "NL"}, {"223-456-7890", "NANP"},
            {"123-456-7890", "NANP"}, {"1 123 456 7890", "NANP"}, {"10.129.174.186", "NANP"}, {"1117 3631 75", "NANP"},
        };
        for (String[] c : cases) {
            int fast = validity.fast(c[0], c[1]);
            assertTrue(fast != PhoneValidity.UNKNOWN, c[0]);
            assertEquals(validity.slow(c[0], c[1]), fast == PhoneValidity.VALID, c[0] + " in " + c[1]);
        }
    }

    @Test
    void leavesOtherShapesToTheParser() {
        assertEquals(PhoneValidity.UNKNOWN, validity.fast("(020) 555 1234", "NL"));
        assertEquals(PhoneValidity.UNKNOWN, validity.fast("+49 30 123456", PhoneValidity.ANY_REGION));
        assertEquals(PhoneValidity.UNKNOWN, validity.fast("0031 6 12345678", "NL"));
        assertEquals(PhoneValidity.UNKNOWN, validity.fast("030 123456", "DE"));
        assertEquals(PhoneValidity.UNKNOWN, validity.fast("011 31 6 1234 5678", PhoneValidity.NANP));
    }

    @Test
    void internationalNumbersTooShortForTheirCallingCodeAreInvalidWithoutParse() {
        Random random = new Random(20261207);
        int shortcuts = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder raw = new StringBuilder("+");
            int digits = 3 + random.nextInt(12);
            for (int d = 0; d < digits; d++) {
                if (d > 0 && random.nextInt(4) == 0) {
                    raw.append(' ');
                }
                raw.append((char) ('0' + random.nextInt(10)));
            }
            String candidate = raw.toString();
            int fast = validity.fast(candidate, PhoneValidity.ANY_REGION);
            if (fast != PhoneValidity.UNKNOWN) {
                shortcuts += fast == PhoneValidity.INVALID ? 1 : 0;
                assertEquals(validity.slow(candidate, PhoneValidity.ANY_REGION), fast == PhoneValidity.VALID,
                        candidate);
            }
        }
        // Every calling code (and every other 1-3 digit prefix) at every length.
        for (int prefix = 1; prefix < 1000; prefix++) {
            for (int length = 0; length <= 14; length++) {
                for (int sample = 0; sample < 2; sample++) {
                    StringBuilder raw = new StringBuilder("+").append(prefix).append(' ');
                    for (int d = 0; d < length; d++) {
                        raw.append((char) ('0' + random.nextInt(10)));
                    }
                    String candidate = raw.toString().trim();
                    int fast = validity.fast(candidate, PhoneValidity.ANY_REGION);
                    if (fast != PhoneValidity.UNKNOWN) {
                        assertEquals(validity.slow(candidate, PhoneValidity.ANY_REGION), fast == PhoneValidity.VALID,
                                candidate);
                    }
                }
            }
        }
        assertEquals(PhoneValidity.INVALID, validity.fast("+55 5813", PhoneValidity.ANY_REGION));
        // Norfolk Island's transform rule makes 86659 the valid 386659: not too short after all.
        assertTrue(validity.slow("+672 86659", PhoneValidity.ANY_REGION));
        assertEquals(PhoneValidity.UNKNOWN, validity.fast("+672 86659", PhoneValidity.ANY_REGION));
        assertEquals(PhoneValidity.UNKNOWN, validity.fast("+55 11 91234 5678", PhoneValidity.ANY_REGION));
        assertTrue(shortcuts > 1000, "shortcuts " + shortcuts);
    }
}
