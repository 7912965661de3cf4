package dev.veil.cli;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Policy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a policy file: Java properties, UTF-8. Comments go on lines of their own: properties have no
 * comment after a value, so a value with whitespace and {@code #} in it is refused as a likely one.
 *
 * <pre>
 * # start from a preset (default balanced)
 * preset = balanced
 * # KEEP, REDACT, MASK, REPLACE, PSEUDONYMIZE, SURROGATE or BLOCK
 * default.action = REPLACE
 * default.threshold = 0.5
 * action.EMAIL = MASK
 * action.NL_BSN = BLOCK
 * # REDACT with this string
 * redact.PHONE = [telefoon]
 * threshold.PERSON = 0.6
 * # block when a HEALTH finding scores at least 0.85
 * block.HEALTH = 0.85
 * # detectors whose failure is tolerated (comma-separated ids; checked against the engine's)
 * tolerate = ip_address
 * </pre>
 */
final class PolicyFiles {

    private static final Pattern COMMENT_TAIL = Pattern.compile("\\s#");

    private PolicyFiles() {
    }

    /**
     * What a policy file sets: the policy, and the detector ids its {@code tolerate} line names, which
     * only the built engine can check ({@link #checkTolerated}).
     */
    record Contents(Policy policy, Set<String> tolerated) {

        /** @throws UsageException if {@code tolerate} names a detector that is not among {@code detectorIds} */
        void checkTolerated(List<String> detectorIds) {
            for (String id : tolerated) {
                if (!detectorIds.contains(id)) {
                    throw new UsageException("policy file: tolerate: no detector '" + id + "'; the detectors are "
                            + String.join(", ", detectorIds));
                }
            }
        }
    }

    static Contents read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (COMMENT_TAIL.matcher(p.getProperty(key)).find()) {
                throw new UsageException("policy file: the value of '" + key + "' has a '#' after a space: a comment"
                        + " after a value is part of the value in a properties file; put the comment on its own line");
            }
        }
        Policy.Builder b;
        try {
            b = Policy.preset(p.getProperty("preset", "balanced").strip()).toBuilder();
        } catch (IllegalArgumentException e) {
            throw new UsageException("policy file: " + e.getMessage());
        }
        Set<String> tolerated = new TreeSet<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).strip();
            try {
                if (key.equals("preset")) {
                    continue;
                } else if (key.equals("default.action")) {
                    b.defaultAction(Action.named(value));
                } else if (key.equals("default.threshold")) {
                    b.defaultThreshold(Double.parseDouble(value));
                } else if (key.startsWith("action.")) {
                    b.action(EntityType.of(key.substring(7)), Action.named(value));
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
                            tolerated.add(id.strip());
                        }
                    }
                } else {
                    throw new UsageException("policy file: unknown key '" + key + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("policy file: bad value for '" + key + "': " + e.getMessage());
            }
        }
        return new Contents(b.build(), tolerated);
    }
}
