package dev.veil.session;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Finding;
import java.util.ArrayList;
import java.util.List;

/** Builds sessions and findings by hand, for tests that do not need detectors. */
final class Fixtures {

    private Fixtures() {
    }

    /** A session that belongs to no engine: protect it with {@link #protect}. */
    static Session standalone() {
        return new Session("test", null, null, null);
    }

    static Session keyed(byte[] key) {
        return new Session("test", key, null, null);
    }

    /**
     * Protects {@code text}, treating each {@code values[i]} (type {@code types[i]}) as a finding at
     * every place it occurs.
     */
    static String protect(Session s, String text, Action action, EntityType type, String... values) {
        List<Finding> findings = new ArrayList<>();
        for (String v : values) {
            for (int at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + v.length())) {
                findings.add(new Finding(at, at + v.length(), type, 0.9, "test"));
            }
        }
        findings.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Finding> kept = new ArrayList<>();
        int end = 0;
        for (Finding f : findings) {
            if (f.start() >= end) {
                kept.add(f);
                end = f.end();
            }
        }
        return s.protect(text, kept, action);
    }

    /** Restores {@code reply} through a stream restorer fed the given pieces. */
    static String streamed(Session s, List<String> pieces) {
        StreamRestorer r = s.streamRestorer();
        StringBuilder out = new StringBuilder();
        for (String p : pieces) {
            out.append(r.accept(p));
            if (r.heldBack() > r.maxHoldBack()) {
                throw new AssertionError("held back " + r.heldBack() + " > " + r.maxHoldBack());
            }
        }
        return out.append(r.finish()).toString();
    }
}
