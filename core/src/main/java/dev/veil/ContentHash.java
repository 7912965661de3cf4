package dev.veil;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;

/**
 * A keyed 128-bit hash of a range of chars, used as the detection cache's key so that the cache never
 * holds text. Every char is hashed as its full 16 bits (lone surrogates and chars above U+00FF
 * included), so two different texts collide only by chance, about once in 2^128 pairs; the key is
 * random per engine, so outsiders can neither predict keys nor test whether a given text was seen.
 *
 * <p>Multiply-fold lanes (the 64x64→128-bit product folded to 64 bits; two lanes, four over long
 * Latin-1 runs) read a per-thread buffer filled with {@link String#getChars}: thirty-two chars per step
 * in runs of Latin-1 text (one byte per char, encoded by the JDK's vectorised ISO-8859-1 encoder, a run's
 * last few bytes as two masked words), eight chars per step through chars above U+00FF. That is several
 * times faster than SHA-256 here and matters because a chat history is hashed again every turn:
 * {@link #prefixes} reads it once and names every prefix that ends at a segment end.
 *
 * <p>Internal. Immutable and thread-safe.
 */
final class ContentHash {

    /** Chars copied per step; a multiple of 32 so blocks never straddle two steps. */
    private static final int CHUNK = 4096;
    /**
     * Chars hashed char by char after a char above U+00FF that ends a short Latin-1 run, at the least,
     * before Latin-1 is tried again.
     */
    private static final int WIDE_MIN = 16;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long k0;
    private final long k1;
    private final long k2;
    private final long k3;

    ContentHash() {
        this(new SecureRandom());
    }

    ContentHash(Random keys) {
        this.k0 = keys.nextLong();
        this.k1 = keys.nextLong();
        this.k2 = keys.nextLong() | 1;
        this.k3 = keys.nextLong() | 1;
    }

    /** The 128-bit hash of {@code text[start, end)}, with the language folded in. */
    Key of(CharSequence text, int start, int end, Language language) {
        int length = end - start;
        long h1 = k0 ^ (length * 0x9E3779B97F4A7C15L) ^ language.ordinal();
        Scratch scratch = SCRATCH.get();
        scratch.cuts[0] = end;
        absorb(scratch, text, start, scratch.cuts, 1, h1, k1 ^ Long.rotateLeft(h1, 29), false, scratch.keys);
        return scratch.keys[0];
    }

    /**
     * The keys of the prefixes {@code text[0, ends[k])} for every {@code k < count}, in one pass over
     * {@code text[0, ends[count - 1])}, with the language folded in. {@code ends} must rise strictly from above 0.
     *
     * <p>Where each run of the hash is cut depends on the ends before it, so the key of a prefix is that
     * of the same text cut at the same places: the ends of its segments, which are the text's own.
     *
     * <p>The first key is {@link #of} {@code text[0, ends[0])}: a text whose first segment starts at its
     * first char needs one cache entry for that segment, read as a segment or as the text's first prefix
     * (a one-segment message: the same findings either way). The keys after it are prefix keys.
     */
    Key[] prefixes(CharSequence text, int[] ends, int count, Language language) {
        long h1 = k0 ^ (ends[0] * 0x9E3779B97F4A7C15L) ^ language.ordinal();
        Key[] keys = new Key[count];
        absorb(SCRATCH.get(), text, 0, ends, count, h1, k1 ^ Long.rotateLeft(h1, 29), true, keys);
        return keys;
    }

    /**
     * Hashes {@code text[start, cuts[count - 1])} from the state {@code (h1, h2)}, storing in {@code keys[k]}
     * the key of everything up to {@code cuts[k]}. A run of the hash ends at every cut, at every chunk
     * end and around every char above U+00FF; the lengths of its parts are folded in, so no other split of
     * the same text gives the same state.
     */
    private void absorb(Scratch scratch, CharSequence text, int start, int[] cuts, int count, long h1, long h2,
            boolean prefix, Key[] keys) {
        char[] c = scratch.chars;
        byte[] b = scratch.bytes;
        String s = text instanceof String str ? str : null;
        int k = 0;
        int total = cuts[count - 1];
        if (total == start) {
            // An empty range: nothing to read, the key is the start state's.
            keys[0] = key(h1, h2, 0, prefix);
            return;
        }
        for (int from = start; from < total; from += CHUNK) {
            int n = Math.min(CHUNK, total - from);
            if (s != null) {
                s.getChars(from, from + n, c, 0);
            } else {
                for (int j = 0; j < n; j++) {
                    c[j] = text.charAt(from + j);
                }
            }
            int i = 0;
            // b[i, latin1End) holds the Latin-1 encoding of c[i, latin1End): one encoder call serves every
            // cut inside a run, and the encoder stops at the first char above U+00FF.
            int latin1End = 0;
            int wideMin = WIDE_MIN;
            while (i < n) {
                int cut = cuts[k] - from;
                int stop = Math.min(n, cut);
                if (i >= latin1End) {
                    latin1End = i + scratch.latin1Run(i, n);
                }
                // A Latin-1 run is read a byte per char, thirty-two chars per step: most chat text is
                // Latin-1, and this is about three times faster than packing chars into longs. Four
                // lanes, because one lane waits for its multiply before its next step: two lanes left
                // the multiplier idle half the time (a 20 KB history: 7.4-8.0 µs with two, 5.9-6.1 with four).
                int run = Math.min(stop, latin1End) - i;
                int runEnd = i + run;
                int blocks = run & ~31;
                if (blocks > 0) {
                    long h3 = h1 ^ k3;
                    long h4 = h2 ^ k2;
                    for (int blockEnd = i + blocks; i < blockEnd; i += 32) {
                        long x = (long) LONGS.get(b, i);
                        long y = (long) LONGS.get(b, i + 8);
                        long z = (long) LONGS.get(b, i + 16);
                        long w = (long) LONGS.get(b, i + 24);
                        h1 = fold(x ^ k2, y ^ h1);
                        h2 = fold(y ^ k3, x ^ h2);
                        h3 = fold(z ^ k2, w ^ h3);
                        h4 = fold(w ^ k3, z ^ h4);
                    }
                    h1 ^= Long.rotateLeft(h3, 17);
                    h2 ^= Long.rotateLeft(h4, 41);
                }
                if (runEnd - i >= 16) {
                    long x = (long) LONGS.get(b, i);
                    long y = (long) LONGS.get(b, i + 8);
                    h1 = fold(x ^ k2, y ^ h1);
                    h2 = fold(y ^ k3, x ^ h2);
                    i += 16;
                }
                if (i < runEnd) {
                    // The last few bytes of the run as two words, the bytes past the run masked off (the
                    // buffer has room for them): no char-by-char loop at every cut.
                    int left = runEnd - i;
                    long x = (long) LONGS.get(b, i);
                    long y = (long) LONGS.get(b, i + 8);
                    x &= left >= 8 ? -1L : (1L << (left << 3)) - 1;
                    y &= left <= 8 ? 0 : (1L << ((left - 8) << 3)) - 1;
                    h1 = fold(x ^ k2, y ^ h1 ^ 0x5851F42D4C957F2DL);
                    h2 = fold(y ^ k3, x ^ h2 ^ 0x5851F42D4C957F2DL);
                    i = runEnd;
                }
                // Chars above U+00FF go char by char, at least wideMin chars, doubled while Latin-1 runs
                // stay short: text in another script (Cyrillic, Greek, CJK) pays a few encoder calls per
                // chunk, not one every few chars; a lone euro sign or curly quote costs one step.
                int wideEnd = i;
                if (i < stop && c[i] > 0xFF) {
                    while (wideEnd < stop && c[wideEnd] > 0xFF) {
                        wideEnd++;
                    }
                    if (run < 16) {
                        wideEnd = Math.max(wideEnd, Math.min(stop, i + wideMin));
                        wideMin = Math.min(CHUNK, 2 * wideMin);
                    } else {
                        wideMin = WIDE_MIN;
                    }
                }
                // Both lengths are folded in, so no other split of the same chars gives the same hash.
                h1 = fold(h1 ^ k0, run ^ 0x3C6EF372FE94F82BL);
                h2 = fold(h2 ^ k1, (wideEnd - i) ^ 0xA54FF53A5F1D36F1L);
                for (; i + 8 <= wideEnd; i += 8) {
                    long x = c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48;
                    long y = c[i + 4] | (long) c[i + 5] << 16 | (long) c[i + 6] << 32 | (long) c[i + 7] << 48;
                    h1 = fold(x ^ k2, y ^ h1);
                    h2 = fold(y ^ k3, x ^ h2);
                }
                if (i < wideEnd) {
                    long x = 0;
                    long y = 0;
                    for (int j = i; j < wideEnd; j++) {
                        int shift = ((j - i) & 3) * 16;
                        if (j - i < 4) {
                            x |= (long) c[j] << shift;
                        } else {
                            y |= (long) c[j] << shift;
                        }
                    }
                    h1 = fold(x ^ k2, y ^ h1 ^ 0x5851F42D4C957F2DL);
                    h2 = fold(y ^ k3, x ^ h2 ^ 0x5851F42D4C957F2DL);
                    i = wideEnd;
                }
                if (i == cut) {
                    keys[k] = key(h1, h2, cuts[k] - start, prefix && k > 0);
                    k++;
                }
            }
        }
    }

    private Key key(long h1, long h2, int length, boolean prefix) {
        long hi = fold(h1 ^ k1, h2 ^ k3 ^ (length * 0x9E3779B97F4A7C15L));
        return new Key(hi, fold(h2 ^ k0, hi ^ k2), length, prefix);
    }

    /** The 128-bit product of {@code a} and {@code b}, folded to 64 bits. */
    private static long fold(long a, long b) {
        return a * b ^ Math.multiplyHigh(a, b);
    }

    /** One thread's buffers: a chunk of chars and its Latin-1 bytes, and room for one key. */
    private static final class Scratch {
        final char[] chars = new char[CHUNK];
        final byte[] bytes = new byte[CHUNK + 16]; // room for a run's masked last word
        final int[] cuts = new int[1];
        final Key[] keys = new Key[1];
        private final CharBuffer charView = CharBuffer.wrap(chars);
        private final ByteBuffer byteView = ByteBuffer.wrap(bytes);
        private final CharsetEncoder latin1 = StandardCharsets.ISO_8859_1.newEncoder();

        /**
         * Encodes {@code chars[from, n)} as Latin-1 into {@code bytes[from, n)} up to the first char
         * above U+00FF (the JDK's intrinsic, vectorised encoder) and returns how many chars that covered.
         */
        int latin1Run(int from, int n) {
            charView.limit(n).position(from);
            byteView.limit(n).position(from);
            latin1.reset();
            latin1.encode(charView, byteView, true);
            return byteView.position() - from;
        }
    }

    /**
     * A cache key: a content hash and the length it covers, of one segment or of a whole prefix.
     * Holds no text.
     */
    record Key(long hi, long lo, int length, boolean prefix) {
        @Override
        public String toString() {
            return "Key[length=" + length + "]";
        }
    }
}
