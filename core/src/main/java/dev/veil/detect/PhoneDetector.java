package dev.veil.detect;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.veil.EntityType;
import dev.veil.Language;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Phone numbers, validated by libphonenumber.
 *
 * <p>libphonenumber's own matcher runs many regular expressions over the text, which is slow, so this
 * detector finds candidate windows itself in one pass (a run of digits and the separators people write:
 * space, {@code - . / ( )}) and asks libphonenumber only about those. A number with a {@code +} or
 * {@code 00} prefix is checked against every region; a national number only against the regions for
 * the text's language ({@link #DUTCH_REGIONS}, {@link #ENGLISH_REGIONS} by default) and only when it
 * starts with the region's trunk prefix {@code 0} (or, for the US, looks like a US number).
 *
 * <p>False-positive filters, each tested by name:
 * <ul>
 *   <li>dates: {@code 12-03-2024}, {@code 2024-03-12}, {@code 06.03.24} are never phones;</li>
 *   <li>money: a currency sign or code just before ({@code € 0612345678}) or after;</li>
 *   <li>numbers glued to letters or longer digit runs: IBAN and card digits, order codes;</li>
 *   <li>context: {@code order}, {@code factuur}, {@code versie}, {@code version} nearby lower the score
 *       below the default threshold.</li>
 * </ul>
 * When a window holds a date followed by a phone ({@code 12-03-2024 0612345678}) it is split at
 * spaces and the parts are tried, longest first.
 */
final class PhoneDetector implements Detector {

    static final String ID = "phone.libphonenumber";
    static final List<String> DUTCH_REGIONS = List.of("NL", "BE");
    static final List<String> ENGLISH_REGIONS = List.of("GB", "US");

    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;
    private static final int MAX_WINDOW_DIGITS = 40;
    private static final int MAX_PARTS = 6;
    private static final double INTERNATIONAL_SCORE = 0.95;
    private static final double NATIONAL_SCORE = 0.85;
    private static final double WEAK_SCORE = 0.55;
    /** A phone-shaped number libphonenumber cannot place, next to a phone context word. */
    private static final double CONTEXT_ONLY_SCORE = 0.6;
    private static final int MIN_CONTEXT_ONLY_DIGITS = 7;
    private static final double NEGATIVE_CONTEXT_SCORE = 0.3;
    static final String[] NEGATIVE_CONTEXT = {
        "order", "ordernummer", "bestelnummer", "bestelling", "factuur", "factuurnummer", "invoice",
        "versie", "version", "artikel", "artikelnummer", "klantnummer", "dossiernummer", "kenmerk",
        "referentie", "reference", "ref", "zaaknummer", "case", "ticket", "serial", "serienummer", "ssn",
        "social security", "license", "licence", "rijbewijs", "passport", "paspoort"};
    static final String[] POSITIVE_CONTEXT = {
        "tel", "telefoon", "telefoonnummer", "telefonisch", "phone", "telephone", "mobiel", "mobile", "mob", "cell",
        "gsm", "bel", "bellen", "call", "calls", "calling", "ring", "fax", "desk", "office", "kantoor", "whatsapp",
        "sms", "text", "message", "messages", "reach", "contact", "dial", "answering", "bereikbaar"};

    private static final Chars.Words POSITIVE_WORDS = new Chars.Words(POSITIVE_CONTEXT);
    private static final Chars.Words NEGATIVE_WORDS = new Chars.Words(NEGATIVE_CONTEXT);

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneValidity validity = new PhoneValidity(util);
    private final List<String> dutchRegions;
    private final List<String> englishRegions;

    PhoneDetector(List<String> dutchRegions, List<String> englishRegions) {
        this.dutchRegions = List.copyOf(Objects.requireNonNull(dutchRegions, "dutchRegions"));
        this.englishRegions = List.copyOf(Objects.requireNonNull(englishRegions, "englishRegions"));
        for (String r : this.dutchRegions) {
            checkRegion(r);
        }
        for (String r : this.englishRegions) {
            checkRegion(r);
        }
    }

    private void checkRegion(String region) {
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("unknown phone region '" + region + "'; use ISO 3166 codes such as NL");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.PHONE);
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        CharSequence text = input.text();
        Language language = input.language();
        int n = text.length();
        int[] partStart = new int[MAX_PARTS];
        int[] partEnd = new int[MAX_PARTS];
        char[] digitBuffer = PhoneValidity.digitBuffer();
        long[] anchors = Anchors.of(input);
        int i = 0;
        while (i < n) {
            if (anchors != null) {
                // Only a digit, '+' or '(' opens a window: skip to the next such char.
                i = Anchors.next(anchors, i, n);
                if (i == n) {
                    break;
                }
            }
            char c = text.charAt(i);
            boolean opener = Chars.isDigit(c) || ((c == '+' || c == '(') && i + 1 < n
                    && (Chars.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '+'));
            if (!opener || !Chars.boundaryBefore(text, i) || Chars.numberContinuesBefore(text, i)) {
                i++;
                continue;
            }
            // The window: digits and runs of at most three separators, split into parts at whitespace.
            int digits = 0;
            int parts = 0;
            int lastDigitEnd = -1;
            int sepRun = 0;
            int partFrom = i;
            boolean partHasDigit = false;
            for (int j = i; j < n && digits <= MAX_WINDOW_DIGITS; j++) {
                char ch = text.charAt(j);
                if (Chars.isDigit(ch)) {
                    partHasDigit = true;
                    digits++;
                    lastDigitEnd = j + 1;
                    sepRun = 0;
                } else if (ch == ' ' || ch == '\u00a0' || ch == '\t') {
                    if (++sepRun > 3) {
                        break;
                    }
                    if (partHasDigit) {
                        partStart[parts] = partFrom;
                        partEnd[parts] = lastDigitEnd;
                        parts++;
                        partHasDigit = false;
                        if (parts == MAX_PARTS) {
                            break;
                        }
                    }
                    partFrom = j + 1;
                } else if (ch == '-' || ch == '.' || ch == '/' || ch == '(' || ch == ')' || (ch == '+' && j == i)) {
                    if (++sepRun > 3) {
                        break;
                    }
                } else {
                    break;
                }
            }
            if (partHasDigit) {
                partStart[parts] = partFrom;
                partEnd[parts] = lastDigitEnd;
                parts++;
            }
            if (lastDigitEnd < 0) {
                i++;
                continue;
            }
            int windowEnd = partEnd[parts - 1];
            int extensionEnd = extensionEnd(text, windowEnd);
            if (!Chars.boundaryAfter(text, extensionEnd) || Chars.numberContinuesAfter(text, extensionEnd)) {
                i = extensionEnd;
                continue;
            }
            if (!tryRange(text, i, windowEnd, extensionEnd, language, digitBuffer, sink)
                    && !tryContextOnly(text, i, windowEnd, extensionEnd, sink)) {
                splitAndTry(text, partStart, partEnd, parts, language, digitBuffer, sink);
            }
            i = extensionEnd;
        }
    }

    /** Tries consecutive space-separated parts of a window that failed as a whole, longest first. */
    private void splitAndTry(CharSequence text, int[] partStart, int[] partEnd, int parts, Language language,
            char[] digitBuffer, FindingSink sink) {
        if (parts < 2) {
            return;
        }
        int a = 0;
        while (a < parts) {
            boolean found = false;
            for (int b = parts - 1; b >= a && !found; b--) {
                if (a == 0 && b == parts - 1) {
                    continue;
                }
                int s = firstSignificant(text, partStart[a], partEnd[b]);
                if (tryRange(text, s, partEnd[b], partEnd[b], language, digitBuffer, sink)) {
                    a = b + 1;
                    found = true;
                }
            }
            if (!found) {
                a++;
            }
        }
    }

    private static int firstSignificant(CharSequence text, int start, int end) {
        int s = start;
        while (s < end && !(Chars.isDigit(text.charAt(s)) || text.charAt(s) == '+' || text.charAt(s) == '(')) {
            s++;
        }
        return s;
    }

    /**
     * An extension written after the number ({@code x4587}, {@code ext. 12}, {@code toestel 12}) belongs
     * to the span; returns the end including it, or {@code end}.
     */
    private static int extensionEnd(CharSequence text, int end) {
        int k = end;
        if (k < text.length() && (text.charAt(k) == 'x' || text.charAt(k) == 'X')) {
            k++;
        } else {
            int s = Chars.nextNonSpace(text, end);
            if (Chars.regionEqualsIgnoreCase(text, s, "ext.")) {
                k = Chars.nextNonSpace(text, s + 4);
            } else if (Chars.regionEqualsIgnoreCase(text, s, "ext")) {
                k = Chars.nextNonSpace(text, s + 3);
            } else {
                return end;
            }
        }
        int digitsFrom = k;
        while (k < text.length() && k - digitsFrom < 6 && Chars.isDigit(text.charAt(k))) {
            k++;
        }
        return k > digitsFrom ? k : end;
    }

    /**
     * A number libphonenumber cannot place (a foreign national format, a made-up exchange) is still a
     * phone number when it is phone-shaped and a phone context word stands next to it:
     * {@code Phone: 60-56-85-91}, {@code call me on 9472 7916}.
     */
    private boolean tryContextOnly(CharSequence text, int start, int end, int spanEnd, FindingSink sink) {
        int digits = 0;
        int groups = 1;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Chars.isDigit(c)) {
                digits++;
            } else if (k > start && Chars.isDigit(text.charAt(k - 1))) {
                groups++;
            }
        }
        char first = text.charAt(start);
        boolean shaped = groups >= 2 || first == '+' || first == '(' || first == '0';
        if (!shaped || digits < MIN_CONTEXT_ONLY_DIGITS || digits > MAX_DIGITS + 2
                || looksLikeDate(text, start, end) || isMoney(text, start, end) || looksLikeSsn(text, start, end)
                // A phone word is rarer than none, so it is looked for first and spares the second scan.
                || !Chars.hasContextWord(text, start, spanEnd, 30, POSITIVE_WORDS)
                || negativeContext(text, start)) {
            return false;
        }
        sink.accept(start, spanEnd, EntityType.PHONE, CONTEXT_ONLY_SCORE);
        return true;
    }

    /**
     * Whether the words just before the number call it something else ({@code ordernummer 0612345678},
     * {@code license number is ...}), and no phone word stands closer. Only the 20 chars before count,
     * so a dense form ({@code IBAN ..., tel 06-12345678}) keeps its phone numbers.
     */
    static boolean negativeContext(CharSequence text, int start) {
        // The word nearest the number decides: walk the runs of letters forward, keep the last verdict.
        boolean negative = false;
        int n = text.length();
        int i = Math.max(0, start - 20);
        while (i < start) {
            char c = text.charAt(i);
            if (!Chars.isLetter(c)) {
                i++;
                continue;
            }
            boolean starts = Chars.boundaryBefore(text, i);
            int runStart = i;
            int h = 0;
            do {
                h = 31 * h + Chars.Words.lower(c);
                i++;
            } while (i < n && Chars.isLetter(c = text.charAt(i)));
            if (starts) {
                if (POSITIVE_WORDS.standsAt(text, runStart, i, h, n, true)) {
                    negative = false;
                } else if (NEGATIVE_WORDS.standsAt(text, runStart, i, h, n, true)) {
                    negative = true;
                }
            }
        }
        return negative;
    }

    /** The US social security number layout {@code ddd-dd-dddd}, which is never a phone number. */
    static boolean looksLikeSsn(CharSequence text, int start, int end) {
        if (end - start != 11) {
            return false;
        }
        for (int k = 0; k < 11; k++) {
            char c = text.charAt(start + k);
            boolean dash = k == 3 || k == 6;
            if (dash ? c != '-' : !Chars.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** Checks {@code [start, end)} as one phone number and reports it; true if it was one. */
    private boolean tryRange(CharSequence text, int start, int end, int spanEnd, Language language,
            char[] digitBuffer, FindingSink sink) {
        int digits = 0;
        for (int k = start; k < end; k++) {
            if (Chars.isDigit(text.charAt(k))) {
                digits++;
            }
        }
        boolean plus = text.charAt(start) == '+';
        boolean doubleZero = !plus && end - start > 2 && text.charAt(start) == '0' && text.charAt(start + 1) == '0';
        int maxDigits = doubleZero ? MAX_DIGITS + 2 : MAX_DIGITS;
        if (digits < MIN_DIGITS || digits > maxDigits || looksLikeDate(text, start, end) || isMoney(text, start, end)
                || looksLikeSsn(text, start, end)) {
            return false;
        }
        double score;
        if (plus || doubleZero) {
            if (!validity.validInternational(text, start, end, doubleZero, digitBuffer)) {
                return false;
            }
            score = INTERNATIONAL_SCORE;
        } else {
            score = nationalScore(text, start, end, digits, language, digitBuffer);
            if (score == 0) {
                return false;
            }
        }
        if (negativeContext(text, start)) {
            score = Math.min(score, NEGATIVE_CONTEXT_SCORE);
        } else if (score < NATIONAL_SCORE && Chars.hasContextWord(text, start, end, 24, POSITIVE_WORDS)) {
            score = NATIONAL_SCORE;
        }
        sink.accept(start, spanEnd, EntityType.PHONE, score);
        return true;
    }

    /** The score of the national number {@code text[start, end)} with {@code digits} digits, or 0. */
    private double nationalScore(CharSequence text, int start, int end, int digits, Language language,
            char[] digitBuffer) {
        char first = firstDigit(text, start, end);
        if (first == '0') {
            if (language.includesDutch() && anyValid(text, start, end, dutchRegions, digitBuffer)) {
                return NATIONAL_SCORE;
            }
            if (language.includesEnglish() && anyValid(text, start, end, englishRegions, digitBuffer)) {
                return NATIONAL_SCORE;
            }
            return 0;
        }
        // US numbers: 10 digits, or 11 starting with 1.
        if (language.includesEnglish() && englishRegions.contains("US") && (digits == 10 || (digits == 11 && first == '1'))
                && validity.validNational(text, start, end, PhoneValidity.NANP, digitBuffer)) {
            return grouped(text, start, end) ? NATIONAL_SCORE : WEAK_SCORE;
        }
        return 0;
    }

    private static boolean grouped(CharSequence text, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c == '(' || c == '-' || c == '.' || c == ' ') {
                return true;
            }
        }
        return false;
    }

    private boolean anyValid(CharSequence text, int start, int end, List<String> regions, char[] digitBuffer) {
        for (String region : regions) {
            if (!"US".equals(region) && validity.validNational(text, start, end, region, digitBuffer)) {
                return true;
            }
        }
        return false;
    }

    private static char firstDigit(CharSequence text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (Chars.isDigit(text.charAt(k))) {
                return text.charAt(k);
            }
        }
        return 0;
    }

    /**
     * Day-month-year or year-month-day with one separator kind: {@code 12-03-2024}, {@code 2024/03/12},
     * {@code 06.03.24}, optionally followed by a time-like part.
     */
    static boolean looksLikeDate(CharSequence text, int start, int end) {
        int first = 0;
        int second = 0;
        int g = 0;
        int len = 0;
        char sep = 0;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Chars.isDigit(c)) {
                len++;
            } else if (c == '-' || c == '/' || c == '.') {
                if (g >= 2 || len == 0 || (sep != 0 && c != sep)) {
                    return false;
                }
                sep = c;
                if (g++ == 0) {
                    first = len;
                } else {
                    second = len;
                }
                len = 0;
            } else {
                // A space ends the date part; what follows (a time) does not make it a phone.
                break;
            }
        }
        if (g != 2) {
            return false;
        }
        boolean dmy = first <= 2 && second <= 2 && (len == 2 || len == 4);
        boolean ymd = first == 4 && second <= 2 && len <= 2 && len > 0;
        return dmy || ymd;
    }

    private static boolean isMoney(CharSequence text, int start, int end) {
        int before = Chars.previousNonSpace(text, start);
        if (before >= 0) {
            char c = text.charAt(before);
            if (c == '€' || c == '$' || c == '£' || c == '¥') {
                return true;
            }
            if (before >= 2 && isCurrencyCode(text, before - 2)) {
                return true;
            }
        }
        int after = Chars.nextNonSpace(text, end);
        if (after < text.length()) {
            char c = text.charAt(after);
            return c == '€' || c == '%' || c == '$' || isCurrencyCode(text, after)
                    || Chars.regionEqualsIgnoreCase(text, after, "euro");
        }
        return false;
    }

    private static boolean isCurrencyCode(CharSequence text, int i) {
        return Chars.regionEqualsIgnoreCase(text, i, "eur") || Chars.regionEqualsIgnoreCase(text, i, "usd")
                || Chars.regionEqualsIgnoreCase(text, i, "gbp");
    }
}
