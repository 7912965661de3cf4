package dev.veil;

import java.util.Objects;

/**
 * What a {@link Policy} does with a finding of one entity type.
 *
 * <p>Immutable and thread-safe. Use the constants and factories: {@link #KEEP}, {@link #REDACT},
 * {@link #redact(String)}, {@link #MASK}, {@link #REPLACE}, {@link #PSEUDONYMIZE}, {@link #SURROGATE},
 * {@link #BLOCK}.
 */
public sealed interface Action
        permits Action.Keep, Action.Redact, Action.Mask, Action.Replace, Action.Pseudonymize,
                Action.Surrogate, Action.Block {

    /** Leave the value in the text. */
    Action KEEP = new Keep();
    /** Replace the value with {@code [REDACTED]}. */
    Action REDACT = new Redact("[REDACTED]");
    /** Keep the value's shape and hide most of it, e.g. {@code j**.******@v********.nl}. */
    Action MASK = new Mask();
    /** Replace the value with its type as a label, e.g. {@code [EMAIL]}. */
    Action REPLACE = new Replace();
    /**
     * Replace the value with a reversible typed token such as {@code [PERSON_1]}, the same token for
     * the same value throughout a session. Needs a session: {@code veil.session(id).protect(text)}.
     */
    Action PSEUDONYMIZE = new Pseudonymize();
    /**
     * Replace the value with a realistic fake value of the same kind (a Dutch name for a Dutch name,
     * an e-mail address at {@code example.org}), the same fake for the same value throughout a
     * session, and reversible. Needs a session: {@code veil.session(id).protect(text)}.
     */
    Action SURROGATE = new Surrogate();
    /** Refuse the whole prompt: protecting it throws {@link PromptBlockedException}. */
    Action BLOCK = new Block();

    /**
     * Replaces the value with a fixed string.
     *
     * @throws NullPointerException if {@code replacement} is null
     */
    static Action redact(String replacement) {
        return new Redact(replacement);
    }

    /**
     * The action with this name, in any case: {@code KEEP}, {@code REDACT}, {@code MASK}, {@code REPLACE},
     * {@code PSEUDONYMIZE}, {@code SURROGATE} or {@code BLOCK}, as policy files and command lines write it.
     *
     * @throws IllegalArgumentException if the name is none of these
     */
    static Action named(String name) {
        return switch (name.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "KEEP" -> KEEP;
            case "REDACT" -> REDACT;
            case "MASK" -> MASK;
            case "REPLACE" -> REPLACE;
            case "BLOCK" -> BLOCK;
            case "PSEUDONYMIZE" -> PSEUDONYMIZE;
            case "SURROGATE" -> SURROGATE;
            default -> throw new IllegalArgumentException(
                    "unknown action; use KEEP, REDACT, MASK, REPLACE, PSEUDONYMIZE, SURROGATE or BLOCK");
        };
    }

    /** Leave the value in the text. */
    record Keep() implements Action {
        @Override
        public String toString() {
            return "KEEP";
        }
    }

    /** Replace the value with a fixed string. @param replacement the string written instead */
    record Redact(String replacement) implements Action {
        public Redact {
            Objects.requireNonNull(replacement, "replacement");
        }

        @Override
        public String toString() {
            return "REDACT";
        }
    }

    /** Keep the value's shape (separators, a few leading or trailing chars) and star out the rest. */
    record Mask() implements Action {
        @Override
        public String toString() {
            return "MASK";
        }
    }

    /** Replace the value with {@code [TYPE]}. */
    record Replace() implements Action {
        @Override
        public String toString() {
            return "REPLACE";
        }
    }

    /** Replace the value with a reversible session token, e.g. {@code [PERSON_1]}. */
    record Pseudonymize() implements Action {
        @Override
        public String toString() {
            return "PSEUDONYMIZE";
        }
    }

    /** Replace the value with a reversible realistic fake value of the same kind. */
    record Surrogate() implements Action {
        @Override
        public String toString() {
            return "SURROGATE";
        }
    }

    /** Whether this action needs a session to remember what it replaced. */
    default boolean needsSession() {
        return this instanceof Pseudonymize || this instanceof Surrogate;
    }

    /** Refuse the prompt. */
    record Block() implements Action {
        @Override
        public String toString() {
            return "BLOCK";
        }
    }
}
