package dev.veil.session;

import dev.veil.Finding;
import java.util.List;

/**
 * A 128-bit fingerprint of where a list of findings lies (their starts and ends, in order): what a
 * session remembers of the findings a text came with, instead of a copy of them, so that remembering
 * many texts with many findings costs a few words each. Holds no text.
 */
record Spans(long a, long b, int count) {

    static Spans of(List<Finding> findings) {
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xC2B2AE3D27D4EB4FL;
        for (Finding f : findings) {
            long v = (long) f.start() << 32 | f.end() & 0xFFFFFFFFL;
            a = Long.rotateLeft(a ^ v, 27) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
            b = Long.rotateLeft(b + v, 31) * 0xC2B2AE3D27D4EB4FL ^ 0x165667B19E3779F9L;
        }
        return new Spans(a, b, findings.size());
    }
}
