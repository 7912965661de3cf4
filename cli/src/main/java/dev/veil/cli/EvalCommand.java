package dev.veil.cli;

import dev.veil.DetectionFailedException;
import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.Veil;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code veil eval}: measures detection on labelled data and prints precision, recall and F1 per
 * entity type, for exact and for overlapping spans. See {@link GoldSets} for the formats.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure detection on labelled data: per type gold and predicted counts, P/R/F1 for exact and overlapping spans.",
            "Formats: .jsonl (Veil gold), .json (presidio-research), anything else CoNLL (token ... IOB2-tag; PER = PERSON)."})
final class EvalCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "GOLD", description = "labelled files")
    List<Path> files;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--types", split = ",", paramLabel = "TYPE",
            description = "only score these types (default: every type in the gold data or predicted)")
    List<String> types;

    @Option(names = "--show", defaultValue = "0", paramLabel = "N",
            description = "print N misses and N false alarms with their context")
    int show;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Veil veil;
        Language language;
        Set<EntityType> only = null;
        try {
            veil = engineOptions.engine();
            language = engineOptions.language();
            if (types != null) {
                only = new LinkedHashSet<>();
                for (String t : types) {
                    only.add(EntityType.of(t.strip().toUpperCase(Locale.ROOT)));
                }
            }
        } catch (UsageException | IllegalArgumentException e) {
            err.println("veil eval: " + e.getMessage());
            return VeilCommand.USAGE;
        }
        Scoreboard board = new Scoreboard();
        List<String> misses = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        List<String> boundaries = new ArrayList<>();
        int records = 0;
        long chars = 0;
        long nanos = 0;
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                err.println("veil eval: " + file + ": cannot read the file");
                return VeilCommand.INPUT_ERROR;
            }
            List<GoldSets.GoldRecord> gold;
            try {
                gold = GoldSets.read(file);
            } catch (GoldSets.InputException e) {
                err.println("veil eval: " + e.getMessage());
                return VeilCommand.INPUT_ERROR;
            }
            for (GoldSets.GoldRecord r : gold) {
                long t0 = System.nanoTime();
                List<Finding> predicted;
                try {
                    predicted = veil.scan(r.text(), language);
                } catch (DetectionFailedException e) {
                    err.println("veil eval: record " + r.id() + ": " + e.getMessage());
                    return VeilCommand.INTERNAL;
                }
                nanos += System.nanoTime() - t0;
                records++;
                chars += r.text().length();
                Set<EntityType> filter = only;
                List<GoldSets.Span> g = r.gold().stream().filter(s -> filter == null || filter.contains(s.type())).toList();
                List<Finding> p = predicted.stream().filter(f -> filter == null || filter.contains(f.type())).toList();
                if (filter != null) {
                    filter.forEach(board::counts);
                }
                board.add(g, p);
                if (show > 0) {
                    collectExamples(r, g, p, misses, falseAlarms, boundaries);
                }
            }
        }
        out.printf(Locale.ROOT, "records %d, %d chars, policy %s, language %s, %.1f ms detecting%n%n",
                records, chars, veil.policy().name(), language, nanos / 1e6);
        board.print(out);
        if (show > 0) {
            out.println();
            out.println("misses (gold spans no prediction of their type overlaps):");
            misses.stream().limit(show).forEach(out::println);
            out.println();
            out.println("false alarms (predictions that overlap no gold span of their type):");
            falseAlarms.stream().limit(show).forEach(out::println);
            out.println();
            out.println("boundary errors (predictions that overlap a gold span of their type but not exactly; gold ⟦…⟧, predicted ⟨…⟩):");
            boundaries.stream().limit(show).forEach(out::println);
        }
        out.flush();
        return VeilCommand.OK;
    }

    private void collectExamples(GoldSets.GoldRecord r, List<GoldSets.Span> gold, List<Finding> predicted,
            List<String> misses, List<String> falseAlarms, List<String> boundaries) {
        for (GoldSets.Span s : gold) {
            boolean found = predicted.stream().anyMatch(f -> f.type().equals(s.type()) && f.start() < s.end() && s.start() < f.end());
            if (!found && misses.size() < show) {
                misses.add("  " + s.type() + "  " + context(r.text(), s.start(), s.end()) + "  (" + r.id() + ")");
            }
        }
        for (Finding f : predicted) {
            boolean right = gold.stream().anyMatch(s -> f.type().equals(s.type()) && f.start() < s.end() && s.start() < f.end());
            if (!right && falseAlarms.size() < show) {
                falseAlarms.add("  " + f.type() + " " + f.detector() + " " + String.format(Locale.ROOT, "%.2f", f.score())
                        + "  " + context(r.text(), f.start(), f.end()) + "  (" + r.id() + ")");
            }
            boolean exact = gold.stream().anyMatch(s -> f.type().equals(s.type()) && f.start() == s.start() && f.end() == s.end());
            if (right && !exact && boundaries.size() < show) {
                GoldSets.Span s = gold.stream().filter(g -> f.type().equals(g.type()) && f.start() < g.end() && g.start() < f.end())
                        .findFirst().orElseThrow();
                boundaries.add("  " + f.type() + " " + f.detector() + " " + String.format(Locale.ROOT, "%.2f", f.score())
                        + "  " + both(r.text(), s, f) + "  (" + r.id() + ")");
            }
        }
    }

    /** The text around a gold span and an overlapping prediction, each bracketed. */
    private static String both(String text, GoldSets.Span gold, Finding f) {
        int from = Math.max(0, Math.min(gold.start(), f.start()) - 30);
        int to = Math.min(text.length(), Math.max(gold.end(), f.end()) + 30);
        StringBuilder b = new StringBuilder("…");
        for (int i = from; i <= to; i++) {
            if (i == f.end()) {
                b.append('⟩');
            }
            if (i == gold.end()) {
                b.append('⟧');
            }
            if (i == gold.start()) {
                b.append('⟦');
            }
            if (i == f.start()) {
                b.append('⟨');
            }
            if (i < to) {
                b.append(text.charAt(i));
            }
        }
        return b.append('…').toString().replace('\n', ' ');
    }

    private static String context(String text, int start, int end) {
        int from = Math.max(0, start - 30);
        int to = Math.min(text.length(), end + 30);
        return ("…" + text.substring(from, start) + "⟦" + text.substring(start, end) + "⟧" + text.substring(end, to) + "…")
                .replace('\n', ' ');
    }
}
