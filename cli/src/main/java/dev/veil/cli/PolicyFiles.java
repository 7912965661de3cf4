package dev.veil.cli;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Policy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads a policy file: Java properties, UTF-8.
 *
 * <pre>
 * preset = balanced            # start from a preset (default balanced)
 * default.action = REPLACE     # KEEP, REDACT, MASK, REPLACE, PSEUDONYMIZE, SURROGATE, BLOCK
 * default.threshold = 0.5
 * action.EMAIL = MASK
 * action.NL_BSN = BLOCK
 * redact.PHONE = [telefoon]    # REDACT with this string
 * threshold.PERSON = 0.6
 * block.HEALTH = 0.85          # block when a HEALTH finding scores at least 0.85
 * tolerate = ip_address        # detectors whose failure is tolerated (comma-separated)
 * </pre>
 */
final class PolicyFiles {

    private PolicyFiles() {
    }

    static Policy read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Policy.Builder b;
        try {
            b = Policy.preset(p.getProperty("preset", "balanced").strip()).toBuilder();
        } catch (IllegalArgumentException e) {
            throw new UsageException("policy file: " + e.getMessage());
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).strip();
            try {
                if (key.equals("preset")) {
                    continue;
                } else if (key.equals("default.action")) {
                    b.defaultAction(action(value));
                } else if (key.equals("default.threshold")) {
                    b.defaultThreshold(Double.parseDouble(value));
                } else if (key.startsWith("action.")) {
                    b.action(EntityType.of(key.substring(7)), action(value));
                } else if (key.startsWith("redact.")) {
                    b.action(EntityType.of(key.substring(7)), Action.redact(value));
                } else if (key.startsWith("threshold.")) {
                    b.threshold(EntityType.of(key.substring(10)), Double.parseDouble(value));
                } else if (key.startsWith("block.")) {
                    b.blockAtOrAbove(EntityType.of(key.substring(6)), Double.parseDouble(value));
                } else if (key.equals("tolerate")) {
                    for (String id : value.split(",")) {
                        if (!id.isBlank()) {
                            b.tolerateFailureOf(id.strip());
                        }
                    }
                } else {
                    throw new UsageException("policy file: unknown key '" + key + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("policy file: bad value for '" + key + "': " + e.getMessage());
            }
        }
        return b.build();
    }

    private static Action action(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "KEEP" -> Action.KEEP;
            case "REDACT" -> Action.REDACT;
            case "MASK" -> Action.MASK;
            case "REPLACE" -> Action.REPLACE;
            case "BLOCK" -> Action.BLOCK;
            case "PSEUDONYMIZE" -> Action.PSEUDONYMIZE;
            case "SURROGATE" -> Action.SURROGATE;
            default -> throw new IllegalArgumentException(
                    "unknown action; use KEEP, REDACT, MASK, REPLACE, PSEUDONYMIZE, SURROGATE or BLOCK");
        };
    }
}
