package dev.veil.cli;

import dev.veil.Language;
import dev.veil.Policy;
import dev.veil.Veil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that choose the engine: language and policy. */
final class EngineOptions {

    @Option(names = "--lang", defaultValue = "auto", description = "nl, en or auto (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--policy", defaultValue = "balanced",
            description = "a preset (balanced, strict, ...) or a policy file (default: ${DEFAULT-VALUE})")
    String policy;

    Language language() {
        return switch (lang.toLowerCase(java.util.Locale.ROOT)) {
            case "nl" -> Language.NL;
            case "en" -> Language.EN;
            case "auto" -> Language.AUTO;
            default -> throw new UsageException("--lang must be nl, en or auto");
        };
    }

    Policy policy() {
        Path file = Path.of(policy);
        if (Files.isRegularFile(file)) {
            try {
                return PolicyFiles.read(file);
            } catch (IOException e) {
                throw new UsageException("cannot read policy file " + policy + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            return Policy.preset(policy);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ", or a policy file");
        }
    }

    Veil engine() {
        return Veil.builder().policy(policy()).language(language()).build();
    }
}
