package dev.veil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.Veil;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code veil scan}: one JSON line of findings per input record, in input order. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Find personal data. Writes JSON Lines: {\"id\":...,\"findings\":[{\"start\",\"end\",\"type\",\"score\",\"detector\"}]}.",
            "Input: .jsonl or .ndjson files (objects with \"text\" and optional \"id\"), other files (one record each, id = path), folders."})
final class ScanCommand extends RecordCommand {

    private final JsonFactory json = new ObjectMapper().getFactory();

    @Override
    int handle(Records.Record record, Veil veil, Language language, PrintWriter out) throws IOException {
        List<Finding> findings = veil.scan(record.text(), language);
        JsonGenerator g = json.createGenerator(out);
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
        return findings.size();
    }
}
