package dev.veil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.DetectionFailedException;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code veil redact}: writes the protected text of every record. JSON Lines records come back as the
 * same objects with {@code "text"} protected and a {@code "veil"} summary (counts by type); a blocked
 * record loses its text and says which types blocked it. Plain files are printed, or written under
 * {@code --out-dir} with the same relative names.
 */
@Command(name = "redact", mixinStandardHelpOptions = true,
        description = "Protect personal data in files per policy and print (or write) the result.")
final class RedactCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files or folders")
    List<Path> files;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--out-dir", description = "write protected plain files here instead of printing them")
    Path outDir;

    @Option(names = "--fail-on-findings", description = "exit 1 when any record had findings or was blocked")
    boolean failOnFindings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Veil veil;
        Language language;
        try {
            veil = engineOptions.engine();
            language = engineOptions.language();
        } catch (UsageException e) {
            err.println("veil redact: " + e.getMessage());
            return VeilCommand.USAGE;
        }
        ObjectMapper json = new ObjectMapper();
        int[] state = new int[3];
        new Records().read(files, new Records.Visitor() {
            @Override
            public void record(Records.Record record) throws IOException {
                ProtectedText result = null;
                List<String> blocked = null;
                try {
                    result = veil.protect(record.text(), language);
                    state[0] += result.findings().size();
                } catch (PromptBlockedException e) {
                    blocked = e.blockedTypes().stream().map(EntityType::name).toList();
                    state[0]++;
                } catch (DetectionFailedException | IllegalArgumentException e) {
                    err.println("veil redact: record " + record.id() + ": " + e.getMessage());
                    state[2]++;
                    return;
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
            }

            @Override
            public void problem(String where, String what) {
                err.println("veil redact: " + where + ": " + what);
                state[1]++;
            }
        });
        out.flush();
        if (state[2] > 0) {
            return VeilCommand.INTERNAL;
        }
        if (state[1] > 0) {
            return VeilCommand.INPUT_ERROR;
        }
        return failOnFindings && state[0] > 0 ? VeilCommand.FINDINGS : VeilCommand.OK;
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
