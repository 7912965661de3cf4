package dev.veil.detect;

import dev.veil.EntityType;
import java.util.Set;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * IPv4 and IPv6 addresses (compressed forms included). One pass finds maximal runs of hex digits,
 * dots and colons that stand alone as a word; a run with two or more colons is checked as IPv6 by
 * commons-validator, a run of four decimal octets as IPv4.
 *
 * <p>Version and section numbers look like addresses ({@code version 1.2.3.4}): a context word such as
 * {@code version}, {@code versie}, {@code release}, {@code build} or {@code v} nearby lowers the score
 * below the default threshold.
 */
final class IpAddressDetector implements Detector {

    static final String ID = "ip_address";
    private static final double SCORE = 0.9;
    private static final double VERSION_SCORE = 0.3;
    private static final int MAX_RUN = 64;
    private static final Chars.Words VERSION_CONTEXT = new Chars.Words(
        "version", "versie", "versienummer", "release", "build", "v", "v.", "ver", "update", "patch",
        "hoofdstuk", "section", "paragraaf", "artikel", "chapter", "oid");

    /** Hex digits, dots and colons, by ASCII code. */
    private static final boolean[] RUN_CHAR = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            RUN_CHAR[c] = Chars.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
        }
    }

    private final InetAddressValidator validator = InetAddressValidator.getInstance();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.IP_ADDRESS);
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        CharSequence text = input.text();
        int n = text.length();
        long[] anchors = Anchors.of(input);
        int i = 0;
        while (i < n) {
            // Only a run with a digit or a colon can be an address: find the next one in a tight loop,
            // then back up to the start of its run (runs are maximal, so never before i).
            int anchor = nextDigitOrColon(text, anchors, i, n);
            if (anchor == n) {
                break;
            }
            i = anchor;
            while (i > 0 && isRunChar(text.charAt(i - 1))) {
                i--;
            }
            int start = i;
            int colons = 0;
            int dots = 0;
            while (i < n && isRunChar(text.charAt(i))) {
                char c = text.charAt(i);
                if (c == ':') {
                    colons++;
                } else if (c == '.') {
                    dots++;
                }
                i++;
            }
            int end = i;
            if (colons == 0 && dots < 3) {
                // Neither shape, and the trimming below only removes colons and dots: most runs are
                // words such as "de" or "cafe", done with here.
                continue;
            }
            // "IP:10.0.0.1": a single leading colon is punctuation.
            if (text.charAt(start) == ':' && (start + 1 >= end || text.charAt(start + 1) != ':')) {
                start++;
                colons--;
            }
            // Sentence punctuation after an address is not part of it.
            while (end > start && (text.charAt(end - 1) == '.' || (text.charAt(end - 1) == ':' && colons < 2))) {
                if (text.charAt(end - 1) == '.') {
                    dots--;
                }
                end--;
            }
            if (end - start > MAX_RUN || end - start < 2 || !Chars.boundaryBefore(text, start)
                    || !Chars.boundaryAfter(text, i)) {
                continue;
            }
            if (end > start && text.charAt(end - 1) == ':' && !(end - start >= 2 && text.charAt(end - 2) == ':')) {
                end--;
                colons--;
            }
            if (colons < 2 && !(colons == 0 && dots == 3)) {
                // Neither shape: most runs are words such as "de" or "cafe"; no string is made for them.
                continue;
            }
            String candidate = text.subSequence(start, end).toString();
            boolean v6 = colons >= 2 && validator.isValidInet6Address(candidate) && hasHexDigit(candidate);
            boolean v4 = !v6 && colons == 0 && dots == 3 && validator.isValidInet4Address(candidate);
            if (v4 || v6) {
                double score = v4 && Chars.hasContextWord(text, start, end, 20, VERSION_CONTEXT) ? VERSION_SCORE : SCORE;
                sink.accept(start, end, EntityType.IP_ADDRESS, score);
            }
        }
    }

    private static int nextDigitOrColon(CharSequence text, long[] anchors, int from, int n) {
        if (anchors != null) {
            for (int i = Anchors.next(anchors, from, n); i < n; i = Anchors.next(anchors, i + 1, n)) {
                char c = text.charAt(i);
                if (Chars.isDigit(c) || c == ':') {
                    return i;
                }
            }
            return n;
        }
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (Chars.isDigit(c) || c == ':') {
                return i;
            }
        }
        return n;
    }

    private static boolean isRunChar(char c) {
        return c < 0x80 && RUN_CHAR[c];
    }


    private static boolean hasHexDigit(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) != ':' && s.charAt(k) != '.') {
                return true;
            }
        }
        return false;
    }
}
