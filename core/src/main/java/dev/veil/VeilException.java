package dev.veil;

/**
 * The root of Veil's own exceptions. Messages never contain input text or the values found in it.
 */
public class VeilException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, without any input text */
    public VeilException(String message) {
        super(message);
    }

    /** @param message what went wrong, without any input text; @param cause the underlying failure */
    public VeilException(String message, Throwable cause) {
        super(message, cause);
    }
}
