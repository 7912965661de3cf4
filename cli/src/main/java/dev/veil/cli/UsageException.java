package dev.veil.cli;

/** A mistake in how the command was called: exit code 2. The message never quotes input text. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
