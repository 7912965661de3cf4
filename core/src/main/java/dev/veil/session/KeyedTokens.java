package dev.veil.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic token numbers for batch work: {@code HMAC-SHA256(key, type ‖ 0 ‖ value)} folded into
 * a 12-digit number, so the same value gets the same token in every process that holds the key, and
 * a token reveals nothing about its value to anyone who does not. Twelve digits keep the token short
 * for the model and make a clash between two values of one type in one session about one in
 * 10<sup>8</sup> at 10,000 values; a clash is detected and fails loudly rather than merging values.
 *
 * <p>Not thread-safe (one {@link Mac}); a vault uses it under its lock.
 */
final class KeyedTokens {

    private static final long RANGE = 900_000_000_000L;
    private static final long LOW = 100_000_000_000L;

    private final Mac mac;

    KeyedTokens(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a token key needs at least 16 bytes, got " + key.length);
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** The 12-digit token number of {@code canonicalValue} of type {@code typeName}. */
    String number(String typeName, String canonicalValue) {
        return Long.toString(LOW + Long.remainderUnsigned(digest(typeName, canonicalValue, 0), RANGE));
    }

    /** A seed for making the same surrogate for the same value in every process. */
    long seed(String typeName, String canonicalValue) {
        return digest(typeName, canonicalValue, 1);
    }

    private long digest(String typeName, String canonicalValue, int purpose) {
        mac.update((byte) purpose);
        mac.update(typeName.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] h = mac.doFinal(canonicalValue.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        Arrays.fill(h, (byte) 0);
        return v;
    }

    @Override
    public String toString() {
        return "KeyedTokens[HmacSHA256]";
    }
}
