package dev.veil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads a key file: base64 text (e.g. {@code head -c 32 /dev/urandom | base64 > veil.key}) or the raw
 * bytes. Errors name the file, never its content.
 */
final class Keys {

    private Keys() {
    }

    static byte[] read(Path file, String option) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read " + file);
        }
        String text = new String(raw, StandardCharsets.US_ASCII).strip();
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            if (decoded.length >= 16) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through to raw bytes
        }
        if (raw.length < 16) {
            throw new UsageException(option + ": " + file + " holds fewer than 16 key bytes");
        }
        return raw;
    }
}
