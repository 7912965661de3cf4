package dev.veil.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks with the GC profiler and prints one Markdown table: median and p99 time per
 * operation, throughput, allocation per operation and per input char, and the ratio to
 * {@link BaselineBenchmark} on the same corpus in the same run.
 *
 * <p>Takes the usual JMH command-line options (a benchmark regex, {@code -wi}, {@code -i}, {@code -f},
 * ...). Run: {@code java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.Report -f 1 -wi 2 -i 3}
 * or {@code benchmarks/run.sh}.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            builder.include("dev\\.veil\\.benchmarks\\..*Benchmark");
        }
        Options options = builder.addProfiler(GCProfiler.class).build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(table(results));
    }

    static String table(Collection<RunResult> results) {
        Map<String, Double> baseline = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            Row row = Row.of(run);
            rows.add(row);
            if (row.benchmark.equals("BaselineBenchmark.baseline")) {
                baseline.put(row.corpus, row.median);
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.benchmark).thenComparing(r -> r.param));
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | input | chars | median µs | p99 µs | MB/s | B/op | B/char | × baseline |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            Double base = baseline.get(r.corpus);
            boolean comparable = r.benchmark.startsWith("Pipeline") || r.benchmark.startsWith("Protect");
            String ratio = base == null || !comparable ? ""
                    : fmt(r.median / base) + "×";
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.benchmark, r.param, r.chars < 0 ? "" : Integer.toString(r.chars), fmt(r.median), fmt(r.p99),
                    r.chars <= 0 ? "" : fmt(r.chars / r.median), r.bytesPerOp < 0 ? "" : String.format(Locale.ROOT, "%.0f", r.bytesPerOp),
                    r.chars <= 0 || r.bytesPerOp < 0 ? "" : fmt(r.bytesPerOp / r.chars), ratio));
        }
        for (Row r : rows) {
            if (r.benchmark.startsWith("Conversation") && r.param.endsWith("turn 20")) {
                String variant = r.param.substring(0, r.param.length() - "turn 20".length());
                for (Row first : rows) {
                    if (first.benchmark.equals(r.benchmark) && first.param.equals(variant + "turn 1")) {
                        sb.append(String.format(Locale.ROOT, "%nConversation (%s): turn 20 costs %s× turn 1 (medians).",
                                variant.isBlank() ? "default" : variant.strip(), fmt(r.median / first.median)));
                    }
                }
            }
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String fmt(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    /** Whether a benchmark's {@code corpus} parameter is one of ours (others have their own inputs). */
    private static boolean isCorpus(String name) {
        for (Corpus c : Corpus.values()) {
            if (c.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** One line of the table. */
    private record Row(String benchmark, String param, String corpus, int chars, double median, double p99,
                       double bytesPerOp) {

        static Row of(RunResult run) {
            BenchmarkParams params = run.getParams();
            String name = params.getBenchmark();
            String[] parts = name.split("\\.");
            String shortName = parts[parts.length - 2] + "." + parts[parts.length - 1];
            List<String> labels = new ArrayList<>();
            String corpus = "";
            int chars = -1;
            for (String key : params.getParamsKeys()) {
                String value = params.getParam(key);
                labels.add(value);
                if (key.equals("corpus") && isCorpus(value)) {
                    corpus = value;
                    chars = Corpus.valueOf(value).text().length();
                }
                if (key.equals("held")) {
                    labels.set(labels.size() - 1, value + " held");
                }
                if (key.equals("turn")) {
                    chars = Corpus.Conversation.historyAt(Integer.parseInt(value), Corpus.conversationTurns()).length();
                    labels.set(labels.size() - 1, "turn " + value);
                }
            }
            var stats = run.getPrimaryResult().getStatistics();
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            return new Row(shortName, String.join(" ", labels), corpus, chars, stats.getPercentile(50),
                    stats.getPercentile(99), alloc == null ? -1 : alloc.getScore());
        }
    }
}
