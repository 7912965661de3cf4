package dev.veil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.DetectionFailedException;
import dev.veil.EntityType;
import dev.veil.Language;
import dev.veil.PromptBlockedException;
import dev.veil.ProtectedText;
import dev.veil.Veil;
import dev.veil.VeilException;
import dev.veil.session.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code veil redact}: writes the protected text of every record. JSON Lines records come back as the
 * same objects with {@code "text"} protected and a {@code "veil"} summary (counts by type); a blocked
 * record loses its text and says which types blocked it. Plain files are printed, or written under
 * {@code --out-dir} with the same relative names.
 *
 * <p>All records of one run share one session, so a value gets the same token in every record when the
 * policy pseudonymises. With {@code --mapping} and {@code --mapping-key} the session's mapping is written,
 * encrypted, at the end, for {@code veil restore}; the key and the mapping's folder are checked before
 * the first record.
 */
@Command(name = "redact", mixinStandardHelpOptions = true,
        description = "Protect personal data in files per policy and print (or write) the result.")
final class RedactCommand extends RecordCommand {

    @Option(names = "--out-dir", description = "write protected plain files here instead of printing them")
    Path outDir;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "write the run's token mapping here, encrypted with --mapping-key, for veil restore")
    Path mapping;

    @Option(names = "--mapping-key", paramLabel = "KEYFILE",
            description = "AES key (16, 24 or 32 bytes; base64 or raw) that encrypts the mapping")
    Path mappingKey;

    private final ObjectMapper json = new ObjectMapper();
    private Session session;
    private byte[] key;

    /**
     * Opens the run's session and, with {@code --mapping}, checks the key and the mapping's place first:
     * a token output without a mapping to restore it is lost for good.
     */
    @Override
    void start(Veil veil) throws IOException {
        if ((mapping == null) != (mappingKey == null)) {
            throw new UsageException("--mapping and --mapping-key go together");
        }
        PlainOutput.check(outDir, Records.files(files));
        session = veil.session("veil-redact");
        if (mapping != null) {
            key = Keys.read(mappingKey, "--mapping-key");
            try {
                session.exportMapping(key); // the empty session checks the key as the final export will
            } catch (IllegalArgumentException e) {
                session.close();
                throw new UsageException("--mapping-key: " + e.getMessage());
            }
            if (!canWrite(mapping)) {
                session.close();
                throw new UsageException("--mapping: cannot write " + mapping);
            }
        }
    }

    private static boolean canWrite(Path file) {
        if (Files.exists(file)) {
            return Files.isRegularFile(file) && Files.isWritable(file);
        }
        Path parent = file.toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) && Files.isWritable(parent);
    }

    @Override
    void finish() {
        try {
            if (mapping != null) {
                Files.write(mapping, session.exportMapping(key));
            }
        } catch (IOException e) {
            throw new UsageException("--mapping: cannot write " + mapping + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            session.close();
        }
    }

    @Override
    int handle(Records.Record record, Veil veil, Language language, PrintWriter out) throws IOException {
        ProtectedText result = null;
        List<String> blocked = null;
        int findings;
        try {
            result = session.protect(record.text(), language);
            findings = result.findings().size();
        } catch (PromptBlockedException e) {
            blocked = e.blockedTypes().stream().map(EntityType::name).toList();
            findings = 1;
        } catch (DetectionFailedException e) {
            throw e;
        } catch (VeilException e) {
            // The session is full (or cannot issue a token): no later record can be pseudonymised in it.
            throw new StopRun("record " + record.id() + ": " + e.getMessage() + ". The run stopped there: the records before it"
                    + " were output" + (mapping != null ? " and their mapping is written to " + mapping : "")
                    + ", nothing after it was; split the input into smaller runs"
                    + " (with --token-key a value gets the same token in every run)");
        }
        if (record.source() != null) {
            ObjectNode copy = record.source().deepCopy();
            ObjectNode summary = copy.putObject("veil");
            if (blocked != null) {
                copy.remove("text");
                summary.putPOJO("blocked", blocked);
            } else {
                copy.put("text", result.text());
                ObjectNode counts = summary.putObject("counts");
                for (Map.Entry<EntityType, Integer> c : result.counts().entrySet()) {
                    counts.put(c.getKey().name(), c.getValue());
                }
            }
            out.println(json.writeValueAsString(copy));
        } else {
            String text = blocked != null ? "[BLOCKED: " + String.join(", ", blocked) + "]\n" : result.text();
            PlainOutput.write(outDir, record.id().asText(), text, out);
        }
        return findings;
    }
}
