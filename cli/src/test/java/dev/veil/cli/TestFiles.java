package dev.veil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

/** Files a CLI test writes into its temporary folder, and the pseudonymising run most tests start from. */
record TestFiles(Path dir) {

    /** Two records that share an e-mail address. */
    static final String RECORDS = """
            {"id": 1, "text": "Mail jan@voorbeeld.nl of bel 06-12345678"}
            {"id": 2, "text": "Nogmaals jan@voorbeeld.nl, IBAN NL91ABNA0417164300"}
            """;

    /** Writes {@code content} to {@code name} in the folder, creating the folders it names. */
    Path write(String name, String content) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** A 32-byte mapping or token key, base64, from a seed. */
    Path key(String name, long seed) throws IOException {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return write(name, Base64.getEncoder().encodeToString(k) + "\n");
    }

    /** {@code veil redact} of {@code in} with every type pseudonymised, writing its mapping to {@code map}. */
    CliRun redactWithMapping(Path in, Path map, Path key) throws IOException {
        Path policy = write("p.properties", "default.action = PSEUDONYMIZE\n");
        return CliRun.of("redact", "--policy", policy.toString(), "--mapping", map.toString(),
                "--mapping-key", key.toString(), in.toString());
    }
}
