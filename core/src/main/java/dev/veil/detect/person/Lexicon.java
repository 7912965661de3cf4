package dev.veil.detect.person;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Case-insensitive word to flag-bits table, looked up straight from a range of the text's chars so
 * the hot path allocates nothing (no substring, no lower-cased copy).
 *
 * <p>Keys are folded char by char with {@link Character#toLowerCase(char)}, which is locale
 * independent (a Turkish default locale changes nothing) and keeps one char per char, so
 * {@code İbrahim} and {@code ibrahim} meet.
 *
 * <p>Immutable after {@link Builder#build()} and thread-safe.
 */
final class Lexicon {

    static final int FIRST = 1;          // given name
    static final int LAST = 1 << 1;      // family name
    static final int PLACE = 1 << 2;     // country, province, capital
    static final int COMMON = 1 << 3;    // ordinary word that is capitalised at sentence start or in titles
    static final int TITLE = 1 << 4;     // form of address, not part of the name: dhr., mevrouw, Dr.
    static final int CUE = 1 << 5;       // word before a name: genaamd, collega, called, minister
    static final int GREETING = 1 << 6;  // Beste, Hi, Dear, groet, regards
    static final int PARTICLE = 1 << 7;  // van, de, der, ter, von, el, bin
    static final int HEADER = 1 << 8;    // line label before names: Van:, Aan:, Cc:, Aanwezig:
    static final int EPONYM = 1 << 9;    // name used for a disease: Parkinson, Alzheimer
    static final int DISEASE = 1 << 10;  // ziekte, syndroom, disease: a name next to it is not a person
    static final int ORG = 1 << 11;      // word that makes a capitalised run an organisation: BV, Bank
    static final int SAID = 1 << 12;     // speech verb next to a name: zegt, aldus, said
    static final int INITIAL = 1 << 13;  // multi-letter initial: Th., Chr., IJ.
    static final int NOT_INITIAL = 1 << 14; // abbreviation that looks like an initial: St., Nr.
    static final int MISC = 1 << 15;     // month, weekday, holiday, nationality, language: capitalised, not a name
    static final int LOCATIVE = 1 << 16; // preposition before places: in, uit, naar, near
    static final int VERB = 1 << 17;     // finite verb after a subject: werd, heeft, was
    static final int DICT = 1 << 18;     // ordinary lower-case word of a Dutch or English dictionary
    static final int TITLED = 1 << 19;   // word that after De/Het names a newspaper, event or body: De Morgen, De Lijn
    static final int DUTCH = 1 << 20;    // function word only Dutch uses: het, een, niet, zijn
    static final int ENGLISH = 1 << 21;  // function word only English uses: the, and, of, with
    static final int MOTION = 1 << 22;   // verb of going or living somewhere: moved, arrived, flew, verhuisde

    /** Flag bits of a slot; the other 41 bits hold the word's fingerprint. */
    private static final int FLAG_BITS = 23;
    private static final long FLAG_MASK = (1L << FLAG_BITS) - 1;
    /** Slot indexes take low bits of the hash and fingerprints the high 41: they must not meet. */
    private static final int MAX_CAPACITY = 1 << FLAG_BITS;
    /** Keys tried before two entries that meet on a probe path are taken as meeting under any key. */
    private static final int MAX_KEYS = 8;

    /**
     * Every entry as {@code [length, flags low 16 bits, flags high 16 bits, folded chars...]}, read
     * only by {@link #forEachEntry}.
     */
    private final char[] records;
    /**
     * Open addressing, linear probing on the low bits of a word's 64-bit hash: its high 41 bits (the
     * fingerprint) and its flags in one long (0 = empty; every entry has a flag). A look-up reads one
     * or two adjacent slots and never the words themselves. The hash is keyed with a random start and
     * multiplier per table, so no text can be written to meet a listed word on purpose; by chance, a
     * word not in the lists takes a listed word's flags when its fingerprint equals one on its probe
     * path (about 1.7 slots are compared), about once in 10^12 look-ups of unknown words. Two listed
     * words never share a fingerprint on one path: the table is built again under a new key if they do.
     */
    private final long[] slots;
    private final int mask;
    private final int size;
    /** Start and odd multiplier of {@link #rawHash}: {@code h = h * multiplier + lower(c)} from {@code seed}. */
    final long seed;
    final long multiplier;

    private Lexicon(Builder b, Random keys) {
        this.size = b.size;
        char[] rec = new char[b.poolSize + 3 * b.size];
        // Load at most 2/3: a probe sequence stays within a cache line or two.
        int capacity = Integer.highestOneBit(Math.max(4, b.size * 3 / 2)) << 1;
        if (capacity > MAX_CAPACITY) {
            throw new IllegalStateException("the word lists hold more than " + MAX_CAPACITY / 2 + " entries");
        }
        int m = capacity - 1;
        int at = 0;
        for (int e = 0; e < b.size; e++) {
            int off = b.offsets[e];
            int len = b.lengths[e];
            if (len > Character.MAX_VALUE) {
                throw new IllegalStateException("a word list entry is longer than " + (int) Character.MAX_VALUE + " chars");
            }
            int f = b.flags[e];
            if (f == 0 || (f & ~FLAG_MASK) != 0) {
                throw new IllegalStateException("every entry needs a flag below bit " + FLAG_BITS);
            }
            rec[at] = (char) len;
            rec[at + 1] = (char) f;
            rec[at + 2] = (char) (f >>> 16);
            System.arraycopy(b.pool, off, rec, at + 3, len);
            at += 3 + len;
        }
        long[] table = null;
        long s = 0;
        long mul = 1;
        for (int tries = 0; table == null; tries++) {
            if (tries == MAX_KEYS) {
                // Only entries written to collide under every key get here (thousand-char words).
                throw new IllegalStateException("two word list entries share a hash under " + MAX_KEYS + " keys");
            }
            s = keys.nextLong();
            mul = keys.nextLong() | 1;
            table = fill(b, capacity, s, mul);
        }
        this.records = rec;
        this.slots = table;
        this.mask = m;
        this.seed = s;
        this.multiplier = mul;
    }

    /** The slots of every entry under one key, or null if two entries meet on a probe path. */
    private static long[] fill(Builder b, int capacity, long seed, long multiplier) {
        long[] table = new long[capacity];
        int m = capacity - 1;
        for (int e = 0; e < b.size; e++) {
            int off = b.offsets[e];
            long h = finish(rawHash(b.pool, off, off + b.lengths[e], seed, multiplier));
            long tag = h & ~FLAG_MASK;
            int slot = (int) h & m;
            while (table[slot] != 0) {
                if ((table[slot] & ~FLAG_MASK) == tag) {
                    return null;
                }
                slot = (slot + 1) & m;
            }
            table[slot] = tag | b.flags[e];
        }
        return table;
    }

    /** The flags of {@code text[start, end)}, compared case-insensitively; 0 when unknown. */
    int flags(char[] text, int start, int end) {
        return flags(rawHash(text, start, end, seed, multiplier));
    }

    /**
     * The hash of {@code text[start, end)} with each char lower-cased on its own, as {@link
     * #flags(long)} takes it: {@code h = h * multiplier + lower(c)} from {@code seed}, which a
     * tokenizer can run as it reads the word.
     */
    static long rawHash(char[] text, int start, int end, long seed, long multiplier) {
        long h = seed;
        for (int i = start; i < end; i++) {
            h = h * multiplier + lower(text[i]);
        }
        return h;
    }

    /** The flags of the word whose {@link #rawHash} this is; 0 when unknown. */
    int flags(long rawHash) {
        long h = finish(rawHash);
        long tag = h & ~FLAG_MASK;
        for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
            long v = slots[slot];
            if (v == 0) {
                return 0;
            }
            if ((v & ~FLAG_MASK) == tag) {
                return (int) (v & FLAG_MASK);
            }
        }
    }

    /** Spreads every bit of the raw hash over the whole word (MurmurHash3's finaliser). */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    /** {@link Character#toLowerCase(char)}, without its Unicode table look-up for ASCII. */
    static char lower(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    /** The folded form the lists are stored in: each char lower-cased on its own. */
    static String fold(CharSequence s) {
        char[] c = new char[s.length()];
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(s.charAt(i));
        }
        return new String(c);
    }

    /** Receives one entry of the table: its folded chars {@code pool[off, off + len)} and its flags. */
    interface EntryConsumer {
        void accept(char[] pool, int off, int len, int flags);
    }

    /** Passes every word and its flags to {@code consumer}, in no particular order. */
    void forEachEntry(EntryConsumer consumer) {
        for (int at = 0; at < records.length; at += 3 + records[at]) {
            consumer.accept(records, at + 3, records[at], records[at + 1] | records[at + 2] << 16);
        }
    }

    int size() {
        return size;
    }

    /**
     * Collects words and their flags straight into the open-addressing table the lexicon uses, so
     * loading a few hundred thousand words makes no string or map entry per word; a word added twice
     * gets the union of its flags.
     */
    static final class Builder {
        private char[] pool = new char[1 << 16];
        private int poolSize;
        private int[] offsets = new int[1 << 12];
        private int[] lengths = new int[1 << 12];
        private int[] flags = new int[1 << 12];
        /** Per entry, the hash of its folded chars: a probe compares it before the chars, and a rehash reads it. */
        private int[] hashes = new int[1 << 12];
        private int size;
        private int[] slots = new int[1 << 13];

        Builder add(String word, int flag) {
            return add(word.toCharArray(), 0, word.length(), flag);
        }

        /** Adds {@code s[from, to)}, folded. */
        private Builder add(char[] s, int from, int to, int flag) {
            int len = to - from;
            if (poolSize + len > pool.length) {
                pool = java.util.Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
            }
            int h = 0;
            for (int i = 0; i < len; i++) {
                char c = lower(s[from + i]);
                pool[poolSize + i] = c;
                h = 31 * h + c;
            }
            h = mix(h);
            int mask = slots.length - 1;
            int slot = h & mask;
            while (slots[slot] != 0) {
                int e = slots[slot] - 1;
                if (hashes[e] == h && lengths[e] == len
                        && java.util.Arrays.equals(pool, offsets[e], offsets[e] + len, pool, poolSize, poolSize + len)) {
                    flags[e] |= flag;
                    return this;
                }
                slot = (slot + 1) & mask;
            }
            if (size == offsets.length) {
                growEntries(size + 1); // not reserve: a new slot table would leave this probe's slot stale
            }
            offsets[size] = poolSize;
            lengths[size] = len;
            flags[size] = flag;
            hashes[size] = h;
            poolSize += len;
            slots[slot] = ++size;
            if (size * 2 > slots.length) {
                rehash(slots.length * 2);
            }
            return this;
        }

        /** Makes room for {@code more} entries at once, so a long list grows its arrays and slots once. */
        private void reserve(int more) {
            int need = size + more;
            growEntries(need);
            if (need * 2 > slots.length) {
                rehash(Integer.highestOneBit(need * 2) << 1);
            }
        }

        /** Room for {@code need} entries in the per-entry arrays; the slot table is left as it is. */
        private void growEntries(int need) {
            if (need > offsets.length) {
                int cap = Math.max(need, offsets.length * 2);
                offsets = java.util.Arrays.copyOf(offsets, cap);
                lengths = java.util.Arrays.copyOf(lengths, cap);
                flags = java.util.Arrays.copyOf(flags, cap);
                hashes = java.util.Arrays.copyOf(hashes, cap);
            }
        }

        private void rehash(int capacity) {
            slots = new int[capacity];
            int mask = capacity - 1;
            for (int e = 0; e < size; e++) {
                int slot = hashes[e] & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = e + 1;
            }
        }

        /** Adds every non-comment line of a UTF-8 resource next to this class. */
        Builder addResource(String name, int flag) {
            byte[] bytes;
            try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled resource " + name);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled resource " + name, e);
            }
            // Chars once into an array: a list with one non-Latin-1 name would make every charAt of a
            // String check its coder and index, hundreds of thousands of words long.
            char[] text = new String(bytes, StandardCharsets.UTF_8).toCharArray();
            int n = text.length;
            int lines = 1;
            for (char c : text) {
                lines += c == '\n' ? 1 : 0;
            }
            reserve(lines);
            if (poolSize + n > pool.length) {
                pool = java.util.Arrays.copyOf(pool, poolSize + n);
            }
            for (int i = 0; i < n; ) {
                int end = i;
                while (end < n && text[end] != '\n') {
                    end++;
                }
                int stop = end > i && text[end - 1] == '\r' ? end - 1 : end;
                if (stop > i && text[i] != '#') {
                    add(text, i, stop, flag);
                }
                i = end + 1;
            }
            return this;
        }

        /**
         * Adds a hand-written resource whose sections start with {@code @FLAGNAME} lines; words follow
         * one per line or several separated by spaces. {@code #} starts a comment line.
         */
        Builder addSections(String name) {
            try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled resource " + name);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                int flag = 0;
                String line;
                while ((line = r.readLine()) != null) {
                    line = line.strip();
                    if (line.isEmpty() || line.charAt(0) == '#') {
                        continue;
                    }
                    if (line.charAt(0) == '@') {
                        flag = flagNamed(line.substring(1));
                        continue;
                    }
                    for (String w : line.split("\\s+")) {
                        add(w, flag);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled resource " + name, e);
            }
            return this;
        }

        private static int flagNamed(String n) {
            return switch (n) {
                case "COMMON" -> COMMON;
                case "TITLE" -> TITLE;
                case "CUE" -> CUE;
                case "GREETING" -> GREETING;
                case "PARTICLE" -> PARTICLE;
                case "HEADER" -> HEADER;
                case "EPONYM" -> EPONYM;
                case "DISEASE" -> DISEASE;
                case "ORG" -> ORG;
                case "SAID" -> SAID;
                case "INITIAL" -> INITIAL;
                case "NOT_INITIAL" -> NOT_INITIAL;
                case "MISC" -> MISC;
                case "LOCATIVE" -> LOCATIVE;
                case "VERB" -> VERB;
                case "TITLED" -> TITLED;
                case "DUTCH" -> DUTCH;
                case "ENGLISH" -> ENGLISH;
                case "MOTION" -> MOTION;
                case "PLACE" -> PLACE;
                case "FIRST" -> FIRST;
                case "LAST" -> LAST;
                default -> throw new IllegalStateException("unknown section @" + n);
            };
        }

        Lexicon build() {
            return build(new SecureRandom());
        }

        /** The table, its hash keyed from {@code keys}. */
        Lexicon build(Random keys) {
            return new Lexicon(this, keys);
        }
    }

    @Override
    public String toString() {
        return "Lexicon[" + size + " words]";
    }

}
