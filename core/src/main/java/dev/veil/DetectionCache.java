package dev.veil;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Remembers what the detectors found in text already seen, so that a chat history re-sent every turn
 * costs little more than its newest message.
 *
 * <p><b>Granularity.</b> A text is cut into segments at blank lines (paragraph breaks), each at least
 * {@link #MIN_SEGMENT} chars; cutting is greedy from the start, so an append-only history keeps the
 * same segments turn after turn and only the new tail is detected again. A text without blank lines
 * is one segment. Detectors see one segment at a time, so context never crosses a cut (it may cross
 * a blank line inside a segment, after a paragraph shorter than the minimum). Where
 * a text is cut depends on the text alone, never on what was seen before, so its findings do too.
 *
 * <p><b>What is kept.</b> Keys are a {@link ContentHash keyed 128-bit hash} of the segment and its
 * length; values are the findings the policy acts on, overlaps resolved (offsets into the segment,
 * types, scores, detector ids). Each
 * call also stores the findings of its whole text under the key of that text as a prefix, so that the
 * next turn, which re-sends this text plus something new, needs one pass of the hash over it and one
 * look-up for all of it, instead of a hash and a look-up per paragraph. A text of one segment that
 * starts at its first char (most chat messages) is one entry: its key as a segment is its key as a
 * prefix. No text is kept, and the hash key is random per engine.
 *
 * <p><b>Bounds.</b> At most {@code maximumSize} segments, least valuable evicted first (Caffeine's
 * W-TinyLFU), and an entry expires {@code expireAfterAccess} after it was last used. {@link #clear()}
 * drops everything. Maintenance runs on the calling thread: no background threads.
 *
 * <p>Internal. Thread-safe.
 */
final class DetectionCache {

    /** Segments shorter than this are merged with the next paragraph: fewer look-ups per text. */
    static final int MIN_SEGMENT = 256;

    private final Cache<ContentHash.Key, Finding[]> cache;
    private final ContentHash hash;

    DetectionCache(long maximumSize, Duration expireAfterAccess, Ticker ticker, ContentHash hash) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterAccess(expireAfterAccess)
                .executor(Runnable::run)
                .ticker(ticker)
                .build();
        this.hash = hash;
    }

    /** Runs the detectors of one segment and keeps what the policy acts on. */
    @FunctionalInterface
    interface SegmentDetector {
        /**
         * @return the findings, offsets into {@code segment}; {@code complete} false (a tolerated
         *         detector failed) means the result is used once but not remembered
         */
        Result detect(CharSequence segment, Language language);
    }

    /** What one detection run produced, and whether every detector completed. */
    record Result(List<Finding> findings, boolean complete) {
    }

    /**
     * The findings in {@code text}, offsets into {@code text}, sorted by start: from the cache where a
     * segment or the whole text up to a segment was seen before, and from {@code detector} otherwise.
     */
    List<Finding> detect(CharSequence text, Language language, SegmentDetector detector) {
        return detect(text, language, detector, null);
    }

    /**
     * {@link #detect(CharSequence, Language, SegmentDetector)}, and if {@code wholeKey} is not null and
     * the text does not end in blanks, a key of the whole text in {@code wholeKey[0]} (else it is left
     * alone): its last prefix key from the pass that names the prefixes anyway (for a text of one
     * segment, that segment's key), a {@link ContentHash} key of the text and language.
     */
    List<Finding> detect(CharSequence text, Language language, SegmentDetector detector, ContentHash.Key[] wholeKey) {
        String s = text.toString();
        int n = s.length();
        int count = 0;
        int[] bounds = new int[16];
        int[] ends = new int[8];
        for (int start = skipBlank(s, 0); start < n; start = skipBlank(s, ends[count - 1])) {
            if (count == ends.length) {
                bounds = Arrays.copyOf(bounds, 4 * count);
                ends = Arrays.copyOf(ends, 2 * count);
            }
            bounds[2 * count] = start;
            ends[count] = bounds[2 * count + 1] = segmentEnd(s, start);
            count++;
        }
        if (count == 0) {
            return new ArrayList<>();
        }
        // A history re-sent with something new at the end: one pass over it names every prefix that ends
        // at a segment end, and one look-up finds what the longest one seen before held.
        ContentHash.Key[] prefixes = hash.prefixes(s, ends, count, language);
        if (wholeKey != null && ends[count - 1] == n) {
            wholeKey[0] = prefixes[count - 1];
        }
        int known = -1;
        Finding[] before = null;
        for (int k = count - 1; k >= 0 && before == null; k--) {
            before = cache.getIfPresent(prefixes[k]);
            known = k;
        }
        if (before == null) {
            known = -1;
        }
        List<Finding> out = new ArrayList<>(before == null ? 16 : before.length + 16);
        if (before != null) {
            Collections.addAll(out, before);
        }
        boolean complete = true;
        // A first segment at the first char has the first prefix's key (see ContentHash.prefixes): looked
        // up above already, and one entry for both.
        boolean firstIsPrefix = bounds[0] == 0;
        for (int k = known + 1; k < count; k++) {
            int start = bounds[2 * k];
            int end = bounds[2 * k + 1];
            boolean first = k == 0 && firstIsPrefix;
            ContentHash.Key key = first ? prefixes[0] : hash.of(s, start, end, language);
            Finding[] found = first ? null : cache.getIfPresent(key);
            if (found == null) {
                CharSequence segment = start == 0 && end == n ? s : s.substring(start, end);
                Result r = detector.detect(segment, language);
                found = r.findings().toArray(new Finding[0]);
                if (r.complete()) {
                    cache.put(key, found);
                } else {
                    complete = false;
                }
            }
            for (Finding f : found) {
                out.add(start == 0 ? f : new Finding(f.start() + start, f.end() + start, f.type(), f.score(), f.detector()));
            }
        }
        if (complete && known < count - 1 && !(count == 1 && firstIsPrefix)) {
            // Only the whole text's prefix is stored: the next turn extends exactly this text.
            cache.put(prefixes[count - 1], out.toArray(new Finding[0]));
        }
        return out;
    }

    /** Forgets every segment. */
    void clear() {
        cache.invalidateAll();
        cache.cleanUp();
    }

    /** About how many segments are remembered. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /**
     * The end of the segment starting at {@code start}: the first paragraph break at least
     * {@link #MIN_SEGMENT} chars on, or the end of the text.
     */
    static int segmentEnd(String s, int start) {
        int n = s.length();
        for (int nl = s.indexOf('\n', Math.min(n, start + MIN_SEGMENT - 1)); nl >= 0; nl = s.indexOf('\n', nl + 1)) {
            int cut = blankLineAt(s, nl);
            if (cut >= 0) {
                return cut;
            }
        }
        // Trailing blanks are no part of the last segment: a reply that ends in a line break is the same
        // segment when the next turn sends it followed by a blank line.
        int end = n;
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /**
     * Where a segment cut at the line break {@code s[nl]} ends (before the break and the blanks ahead of
     * it, as at the end of a text) if a blank line follows the break, or -1.
     */
    private static int blankLineAt(String s, int nl) {
        int n = s.length();
        int k = nl + 1;
        while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t' || s.charAt(k) == '\r')) {
            k++;
        }
        if (k < n && s.charAt(k) == '\n') {
            // "Dank je. \n\n": the segment ends as "Dank je." would at the end of a text, so a message
            // sent alone and then inside a history is one segment both times.
            int end = nl;
            while (end > 0 && isBlank(s.charAt(end - 1))) {
                end--;
            }
            return end;
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == '\n' || c == '\r' || c == ' ' || c == '\t';
    }

    /** The first index at or after {@code i} that is not a line break or blank. */
    static int skipBlank(String s, int i) {
        int n = s.length();
        while (i < n && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
