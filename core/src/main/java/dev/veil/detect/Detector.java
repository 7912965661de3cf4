package dev.veil.detect;

import dev.veil.EntityType;
import java.util.Set;

/**
 * Finds personal data of one or more {@link EntityType}s in a text. Built-in detectors and users'
 * own detectors implement this same interface and are registered with {@code Veil.builder()}.
 *
 * <p>Implementations must be thread-safe: one instance serves every call of an engine, from any
 * thread. They report each finding to the sink with half-open UTF-16 offsets into
 * {@link DetectionInput#text()}, never split a surrogate pair, and must not log, print or keep the
 * text. Reporting overlapping or unsorted findings is fine: the engine resolves them. A detector that
 * throws makes the whole call fail (fail closed) unless the policy tolerates that detector.
 *
 * <p>Work must stay linear in the length of the text: scan for cheap anchors (an {@code @}, a digit
 * run, a capital letter) and validate small windows around them, never backtrack over the whole text.
 */
public interface Detector {

    /**
     * The stable id of this detector, lower case with dots, e.g. {@code email} or
     * {@code phone.libphonenumber}. It appears in findings, scan output and policies.
     */
    String id();

    /**
     * The types this detector may report; the engine skips detectors whose types a policy ignores, and
     * a finding of any other type fails the call (sessions guard only these types against token
     * look-alikes the user typed).
     */
    Set<EntityType> entityTypes();

    /**
     * Reports every finding in {@code input} to {@code sink}.
     *
     * @param input the text and what is known about it; valid only during this call
     * @param sink  receives findings; valid only during this call
     */
    void detect(DetectionInput input, FindingSink sink);
}
