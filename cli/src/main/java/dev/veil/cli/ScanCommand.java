package dev.veil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.DetectionFailedException;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.Veil;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code veil scan}: one JSON line of findings per input record, in input order. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Find personal data. Writes JSON Lines: {\"id\":...,\"findings\":[{\"start\",\"end\",\"type\",\"score\",\"detector\"}]}.",
            "Input: .jsonl files (objects with \"text\" and optional \"id\"), other files (one record each, id = path), folders."})
final class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files or folders")
    List<Path> files;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--fail-on-findings", description = "exit 1 when any record has findings")
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
            err.println("veil scan: " + e.getMessage());
            return VeilCommand.USAGE;
        }
        JsonFactory factory = new ObjectMapper().getFactory();
        int[] state = new int[3]; // findings seen, input problems, detector failures
        new Records().read(files, new Records.Visitor() {
            @Override
            public void record(Records.Record record) throws IOException {
                List<Finding> findings;
                try {
                    findings = veil.scan(record.text(), language);
                } catch (DetectionFailedException | IllegalArgumentException e) {
                    err.println("veil scan: record " + record.id() + ": " + e.getMessage());
                    state[2]++;
                    return;
                }
                state[0] += findings.size();
                JsonGenerator g = factory.createGenerator(out);
                g.writeStartObject();
                g.writeFieldName("id");
                g.writeTree(record.id());
                g.writeArrayFieldStart("findings");
                for (Finding f : findings) {
                    g.writeStartObject();
                    g.writeNumberField("start", f.start());
                    g.writeNumberField("end", f.end());
                    g.writeStringField("type", f.type().name());
                    g.writeNumberField("score", Math.round(f.score() * 1000) / 1000.0);
                    g.writeStringField("detector", f.detector());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.flush();
                out.println();
            }

            @Override
            public void problem(String where, String what) {
                err.println("veil scan: " + where + ": " + what);
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
}
