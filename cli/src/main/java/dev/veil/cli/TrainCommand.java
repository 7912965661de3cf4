package dev.veil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code veil train}: trains an OpenNLP person-name model from CoNLL-style files (one token per line,
 * the IOB tag in the last column, a blank line between sentences, {@code -DOCSTART-} between
 * documents). Use the model with {@code --name-model} on scan, redact and eval, or in code with
 * {@code NameFinderDetector.load}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an OpenNLP person-name model from CoNLL-style files (token ... IOB-tag).",
            "Only spans tagged with --tag (default PER) are learned, as type 'person'."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CoNLL-style training files")
    List<Path> files;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL", description = "where to write the model")
    Path out;

    @Option(names = "--lang", defaultValue = "nl", description = "language code stored in the model (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--tag", defaultValue = "PER", description = "the IOB type to learn (default: ${DEFAULT-VALUE})")
    String tag;

    @Option(names = "--iterations", defaultValue = "100", description = "training iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--cutoff", defaultValue = "1", description = "feature cutoff (default: ${DEFAULT-VALUE})")
    int cutoff;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (iterations < 1 || cutoff < 0) {
            throw new UsageException("--iterations must be at least 1 and --cutoff at least 0");
        }
        List<NameSample> samples = new ArrayList<>();
        for (Path file : files) {
            try {
                read(file, samples);
            } catch (NoSuchFileException e) {
                err.println("veil train: no such file: " + file);
                return 3;
            } catch (IOException | RuntimeException e) {
                err.println("veil train: cannot read " + file + " as CoNLL (" + e.getClass().getSimpleName() + ")");
                return 3;
            }
        }
        if (samples.isEmpty()) {
            err.println("veil train: no sentences in the input");
            return 3;
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        try {
            TokenNameFinderModel model = NameFinderME.train(lang, "person",
                    ObjectStreamUtils.createObjectStream(samples), params, new TokenNameFinderFactory());
            try (OutputStream o = Files.newOutputStream(out)) {
                model.serialize(o);
            }
        } catch (IOException e) {
            err.println("veil train: cannot write " + out + " (" + e.getClass().getSimpleName() + ")");
            return 3;
        }
        spec.commandLine().getOut().println("trained on " + samples.size() + " sentences; model written to " + out);
        return 0;
    }

    private void read(Path file, List<NameSample> samples) throws IOException {
        String b = "B-" + tag.toUpperCase(Locale.ROOT);
        String i = "I-" + tag.toUpperCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        List<Span> names = new ArrayList<>();
        int open = -1;
        boolean newDoc = true;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (true) {
                line = r.readLine();
                if (line == null || line.isBlank()) {
                    if (open >= 0) {
                        names.add(new Span(open, words.size(), "person"));
                        open = -1;
                    }
                    if (!words.isEmpty()) {
                        samples.add(new NameSample(words.toArray(String[]::new), names.toArray(Span[]::new), newDoc));
                        newDoc = false;
                    }
                    words.clear();
                    names.clear();
                    if (line == null) {
                        return;
                    }
                    continue;
                }
                String[] cols = line.trim().split("\\s+");
                if (cols[0].equals("-DOCSTART-")) {
                    newDoc = true;
                    continue;
                }
                String t = cols[cols.length - 1];
                if (open >= 0 && !t.equals(i)) {
                    names.add(new Span(open, words.size(), "person"));
                    open = -1;
                }
                if (t.equals(b) || (t.equals(i) && open < 0)) {
                    open = words.size();
                }
                words.add(cols[0]);
            }
        }
    }
}
