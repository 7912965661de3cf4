package dev.veil.session;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Restores a model's reply while it streams: feed each chunk to {@link #accept(CharSequence)} and
 * show what it returns, then call {@link #finish()} once the stream ends. Chunks may be split
 * anywhere, inside a token too. Text is released as soon as it cannot become part of a token or
 * surrogate; what might still become one is held back, never more than a bounded few dozen chars
 * ({@link #maxHoldBack()}). The concatenated output equals {@link Session#restore(CharSequence)} of
 * the whole reply, for every way of splitting it.
 *
 * <p>Works on the session's mapping as it was when the restorer was created, for as long as the session
 * lives: every chunk counts as a use of the session, and once it has ended or expired the restorer
 * throws, as {@link Session#restore(CharSequence)} does, instead of revealing its values. Not
 * thread-safe: use one restorer per stream (per choice, per tool-call argument). {@link #toString()}
 * prints no text.
 */
public final class StreamRestorer {

    /** Chars of already-released text kept to decide whether a token starts a word. */
    private static final int CONTEXT = 2;

    /** The longest restored reply kept for the engine's detection cache; longer ones are not kept. */
    static final int MAX_REMEMBERED = 256 * 1024;

    private final Mapping mapping;
    /** Marks the session used; throws if it has ended or expired. */
    private final Runnable use;
    /** Receives the whole restored reply at the end, or null. */
    private final Consumer<String> whenWhole;
    /** The restored reply so far, for {@link #whenWhole}; null if not wanted or too long. */
    private StringBuilder whole;
    private final StringBuilder pending = new StringBuilder(64);
    private final StringBuilder out = new StringBuilder(64);
    private final StringBuilder scratch = new StringBuilder(32);
    /** Index in {@link #pending} of the first char not yet released. */
    private int pos;
    private boolean finished;

    StreamRestorer(Mapping mapping, Runnable use, Consumer<String> whenWhole) {
        this.mapping = mapping;
        this.use = use;
        this.whenWhole = whenWhole;
        this.whole = whenWhole == null ? null : new StringBuilder(256);
    }

    /**
     * Takes the next chunk of the reply and returns the restored text that is now certain, possibly
     * empty.
     *
     * @throws NullPointerException if {@code chunk} is null
     * @throws IllegalStateException after {@link #finish()}, or if the session has ended or expired
     */
    public String accept(CharSequence chunk) {
        Objects.requireNonNull(chunk, "chunk");
        if (finished) {
            throw new IllegalStateException("this stream restorer has finished");
        }
        use.run();
        if (chunk.length() == 0) {
            return "";
        }
        pending.append(chunk);
        out.setLength(0);
        pos = mapping.restore(pending, pos, false, out, scratch);
        int last = out.length() - 1;
        if (last >= 0 && Character.isHighSurrogate(out.charAt(last))) {
            // Never hand out half a surrogate pair: a caller that encodes each piece would break it.
            out.setLength(last);
            pos--;
        }
        if (pos > CONTEXT) {
            pending.delete(0, pos - CONTEXT);
            pos = CONTEXT;
        }
        keep(out);
        return out.toString();
    }

    private void keep(CharSequence released) {
        if (whole != null) {
            if (whole.length() + released.length() > MAX_REMEMBERED) {
                whole = null;
            } else {
                whole.append(released);
            }
        }
    }

    /**
     * Ends the stream and returns the rest: what was held back, restored or released as it is.
     *
     * @throws IllegalStateException if called twice, or if the session has ended or expired (what
     *                               was held back is then never released)
     */
    public String finish() {
        if (finished) {
            throw new IllegalStateException("this stream restorer has finished");
        }
        use.run();
        finished = true;
        out.setLength(0);
        mapping.restore(pending, pos, true, out, scratch);
        pending.setLength(0);
        String rest = out.toString();
        keep(rest);
        if (whole != null) {
            String reply = whole.toString();
            whole = null;
            // The rest is already computed: nothing the engine does with the reply can lose it.
            whenWhole.accept(reply);
        }
        return rest;
    }

    /** How many chars are held back right now, waiting for the next chunk. */
    public int heldBack() {
        return pending.length() - pos;
    }

    /** The most chars this restorer ever holds back. */
    public int maxHoldBack() {
        return mapping.maxHoldBack();
    }

    @Override
    public String toString() {
        return "StreamRestorer[heldBack=" + heldBack() + (finished ? ", finished" : "") + "]";
    }
}
