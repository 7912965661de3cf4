package dev.veil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.Veil;
import dev.veil.VeilException;
import dev.veil.session.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code veil restore}: puts the original values back into outputs made from pseudonymised text, using
 * the encrypted mapping a {@code veil redact --mapping} run wrote. Only tokens of that mapping are
 * restored; anything else that looks like a token stays as it is.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore original values in files from the encrypted mapping of a veil redact run.")
final class RestoreCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files or folders (JSON Lines: the \"text\" field)")
    List<Path> files;

    @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "the mapping written by veil redact --mapping")
    Path mapping;

    @Option(names = "--mapping-key", required = true, paramLabel = "KEYFILE", description = "the key it was encrypted with")
    Path mappingKey;

    @Option(names = "--out-dir", description = "write restored plain files here instead of printing them")
    Path outDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Session session = Veil.builder().withoutBuiltInDetectors().build().session("veil-restore");
        try {
            PlainOutput.check(outDir, Records.files(files));
            byte[] key = Keys.read(mappingKey, "--mapping-key");
            if (!Files.isReadable(mapping)) {
                err.println("veil restore: cannot read the mapping " + mapping);
                return VeilCommand.INPUT_ERROR;
            }
            session.importMapping(key, Files.readAllBytes(mapping));
        } catch (UsageException | IllegalArgumentException e) {
            err.println("veil restore: " + e.getMessage());
            return VeilCommand.USAGE;
        } catch (VeilException e) {
            err.println("veil restore: the mapping cannot be opened with this key (wrong key, or the file was altered)");
            return VeilCommand.INPUT_ERROR;
        }
        ObjectMapper json = new ObjectMapper();
        int[] problems = {0};
        new Records().read(files, new Records.Visitor() {
            @Override
            public void record(Records.Record record) throws IOException {
                String restored = session.restore(record.text());
                if (record.source() != null) {
                    ObjectNode copy = record.source().deepCopy();
                    copy.put("text", restored);
                    out.println(json.writeValueAsString(copy));
                } else {
                    PlainOutput.write(outDir, record.id().asText(), restored, out);
                }
            }

            @Override
            public void problem(String where, String what) {
                err.println("veil restore: " + where + ": " + what);
                problems[0]++;
            }
        });
        session.close();
        out.flush();
        return problems[0] > 0 ? VeilCommand.INPUT_ERROR : VeilCommand.OK;
    }
}
