package dev.veil.cli;

import dev.veil.Language;
import dev.veil.Policy;
import dev.veil.Veil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options that choose the engine: language, policy, an extra name model, a token key. */
final class EngineOptions {

    @Option(names = "--lang", defaultValue = "auto", description = "nl, en or auto (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--policy", defaultValue = "balanced",
            description = "a preset (balanced, strict, ...) or a policy file (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--name-model", paramLabel = "MODEL",
            description = "an OpenNLP person-name model (e.g. from veil train) to run next to the built-in detectors")
    Path nameModel;

    @Option(names = "--token-key", paramLabel = "KEYFILE",
            description = "secret key (base64 or raw, at least 16 bytes) for keyed tokens: the same value gets the same token in every run and on every machine")
    Path tokenKey;

    Language language() {
        return switch (lang.toLowerCase(java.util.Locale.ROOT)) {
            case "nl" -> Language.NL;
            case "en" -> Language.EN;
            case "auto" -> Language.AUTO;
            default -> throw new UsageException("--lang must be nl, en or auto");
        };
    }

    /** The preset or the policy file {@code --policy} names. */
    PolicyFiles.Contents policy() {
        Path file = Path.of(policy);
        if (Files.isRegularFile(file)) {
            try {
                return PolicyFiles.read(file);
            } catch (IOException e) {
                throw new UsageException("cannot read policy file " + policy + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            return new PolicyFiles.Contents(Policy.preset(policy), Set.of());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ", or a policy file");
        }
    }

    Veil engine() {
        PolicyFiles.Contents policy = policy();
        Veil.Builder b = Veil.builder().policy(policy.policy()).language(language());
        if (tokenKey != null) {
            b.tokenKey(Keys.read(tokenKey, "--token-key"));
        }
        if (nameModel != null) {
            if (!Files.isRegularFile(nameModel)) {
                throw new UsageException("no such model file: " + nameModel);
            }
            try {
                b.detector(dev.veil.detect.Detectors.nameModel("person.opennlp", nameModel));
            } catch (java.io.UncheckedIOException e) {
                throw new UsageException("cannot load name model " + nameModel);
            }
        }
        Veil veil = b.build();
        policy.checkTolerated(veil.detectorIds());
        return veil;
    }
}
