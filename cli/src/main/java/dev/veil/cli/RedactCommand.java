package dev.veil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.EntityType;
import dev.veil.Language;
import dev.veil.PromptBlockedException;
import dev.veil.ProtectedText;
import dev.veil.Veil;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 */
@Command(name = "redact", mixinStandardHelpOptions = true,
        description = "Protect personal data in files per policy and print (or write) the result.")
final class RedactCommand extends RecordCommand {

    @Option(names = "--out-dir", description = "write protected plain files here instead of printing them")
    Path outDir;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    int handle(Records.Record record, Veil veil, Language language, PrintWriter out) throws IOException {
        ProtectedText result = null;
        List<String> blocked = null;
        int findings;
        try {
            result = veil.protect(record.text(), language);
            findings = result.findings().size();
        } catch (PromptBlockedException e) {
            blocked = e.blockedTypes().stream().map(EntityType::name).toList();
            findings = 1;
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
            writePlain(record.id().asText(), text, out);
        }
        return findings;
    }

    private void writePlain(String path, String text, PrintWriter out) throws IOException {
        if (outDir == null) {
            out.println("==> " + path + " <==");
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
            return;
        }
        Path source = Path.of(path);
        Path target = outDir.resolve(source.isAbsolute() ? source.getFileName() : source).normalize();
        if (!target.startsWith(outDir.normalize())) {
            target = outDir.resolve(source.getFileName());
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }
}
