package dev.veil.detect.person;

/**
 * How much a word looks like a person's name rather than an ordinary word or a place, from its
 * letter trigrams: a naive Bayes log-odds learnt at load time from the bundled lists themselves
 * (given and family names against ordinary words and places), never from labelled text. It tells
 * "Garzelli", "Tonkov" and "Waltniel" from "Invensys", "Brescia" and "Floralux" for a word no list
 * knows, which is most of what the other rules leave undecided.
 *
 * <p>Immutable after construction and thread-safe; scoring allocates nothing.
 */
final class NameLikeness {

    private static final int BITS = 18;
    private static final int MASK = (1 << BITS) - 1;

    private final float[] logOdds = new float[1 << BITS];

    /** Learns from the lexicon: given and family names against ordinary words and places. */
    NameLikeness(Lexicon lexicon) {
        int[] pos = new int[1 << BITS];
        int[] neg = new int[1 << BITS];
        long[] totals = new long[2];
        int name = Lexicon.FIRST | Lexicon.LAST;
        int other = Lexicon.DICT | Lexicon.PLACE;
        lexicon.forEachEntry((pool, off, len, flags) -> {
            if ((flags & name) != 0 && (flags & other) == 0) {
                totals[0] += count(pool, off, len, pos);
            } else if ((flags & other) != 0 && (flags & name) == 0) {
                totals[1] += count(pool, off, len, neg);
            }
        });
        double distinct = 0;
        for (int i = 0; i <= MASK; i++) {
            if (pos[i] + neg[i] > 0) {
                distinct++;
            }
        }
        double a = 0.5;
        // Most trigrams occur in neither list: their log-odds is one constant, not two logs each.
        float unseen = (float) (Math.log(a / (totals[0] + a * distinct)) - Math.log(a / (totals[1] + a * distinct)));
        for (int i = 0; i <= MASK; i++) {
            logOdds[i] = pos[i] + neg[i] == 0 ? unseen : (float) (Math.log((pos[i] + a) / (totals[0] + a * distinct))
                    - Math.log((neg[i] + a) / (totals[1] + a * distinct)));
        }
    }

    private static int count(char[] pool, int off, int len, int[] into) {
        int h1 = '^';
        int h2 = '^';
        for (int i = 0; i <= len; i++) {
            int c = i < len ? pool[off + i] : '$';
            into[key(h1, h2, c)]++;
            h1 = h2;
            h2 = c;
        }
        return len + 1;
    }

    private static int key(int a, int b, int c) {
        int h = (a * 31 + b) * 31 + c;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return h & MASK;
    }

    /** Mean trigram log-odds of {@code text[start, end)}, folded: above 0 looks like a name. */
    double score(CharSequence text, int start, int end) {
        int h1 = '^';
        int h2 = '^';
        double sum = 0;
        int n = 0;
        for (int i = start; i <= end; i++) {
            int c = i < end ? Character.toLowerCase(text.charAt(i)) : '$';
            sum += logOdds[key(h1, h2, c)];
            n++;
            h1 = h2;
            h2 = c;
        }
        return sum / n;
    }
}
