package dev.veil.detect.person;

import dev.veil.EntityType;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Runs a user-supplied OpenNLP {@link TokenNameFinderModel} (for example one trained with
 * {@code veil train} on an organisation's own labelled text) as a PERSON detector. Every name type
 * the model emits is reported as PERSON unless it is one of {@code location}, {@code organization},
 * {@code misc} (or the CoNLL {@code LOC}, {@code ORG}, {@code MISC}), which are skipped.
 *
 * <p>The text is cut into words with OpenNLP's stateless {@link SimpleTokenizer} and into sentences at
 * {@code . ! ?} and line breaks, so offsets always point into the caller's text. The score is the
 * model's probability for the span.
 *
 * <p>Thread-safe: {@link NameFinderME} is not, so each thread gets its own finder over the shared,
 * immutable model.
 */
public final class NameFinderDetector implements Detector {

    private static final Set<EntityType> TYPES = Set.of(EntityType.PERSON);
    private static final int MAX_SENTENCE_TOKENS = 200;

    private final String id;
    private final ThreadLocal<NameFinderME> finder;

    private NameFinderDetector(String id, TokenNameFinderModel model) {
        this.id = id;
        this.finder = ThreadLocal.withInitial(() -> new NameFinderME(model));
    }

    /**
     * A detector over {@code model}.
     *
     * @param id a stable id, lower case with dots, e.g. {@code person.opennlp}
     * @throws NullPointerException if an argument is null
     */
    public static NameFinderDetector of(String id, TokenNameFinderModel model) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        return new NameFinderDetector(id, model);
    }

    /**
     * Loads a serialised model file.
     *
     * @throws UncheckedIOException if the file cannot be read or is not a name finder model
     */
    public static NameFinderDetector load(String id, Path modelFile) {
        Objects.requireNonNull(modelFile, "modelFile");
        try (InputStream in = Files.newInputStream(modelFile)) {
            return of(id, new TokenNameFinderModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load name finder model " + modelFile.getFileName(), e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return TYPES;
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        String text = input.text().toString();
        Span[] tokens = SimpleTokenizer.INSTANCE.tokenizePos(text);
        NameFinderME me = finder.get();
        try {
            int from = 0;
            for (int i = 0; i < tokens.length; i++) {
                boolean last = i == tokens.length - 1;
                boolean boundary = last || i - from + 1 >= MAX_SENTENCE_TOKENS || endsSentence(text, tokens, i);
                if (boundary) {
                    find(me, text, tokens, from, i + 1, sink);
                    from = i + 1;
                }
            }
        } finally {
            me.clearAdaptiveData();
        }
    }

    private static boolean endsSentence(String text, Span[] tokens, int i) {
        Span t = tokens[i];
        char c = text.charAt(t.getEnd() - 1);
        if (t.length() == 1 && (c == '.' || c == '!' || c == '?')) {
            return true;
        }
        int next = i + 1 < tokens.length ? tokens[i + 1].getStart() : text.length();
        for (int k = t.getEnd(); k < next; k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        return false;
    }

    private static void find(NameFinderME me, String text, Span[] tokens, int from, int to, FindingSink sink) {
        String[] words = new String[to - from];
        for (int i = from; i < to; i++) {
            words[i - from] = text.substring(tokens[i].getStart(), tokens[i].getEnd());
        }
        for (Span s : me.find(words)) {
            String type = s.getType() == null ? "" : s.getType().toLowerCase(java.util.Locale.ROOT);
            if (type.startsWith("loc") || type.startsWith("org") || type.startsWith("misc")) {
                continue;
            }
            int start = tokens[from + s.getStart()].getStart();
            int end = tokens[from + s.getEnd() - 1].getEnd();
            double p = Double.isNaN(s.getProb()) ? 0.5 : Math.max(0, Math.min(1, s.getProb()));
            sink.accept(start, end, EntityType.PERSON, p);
        }
    }

    @Override
    public String toString() {
        return "NameFinderDetector[" + id + "]";
    }
}
