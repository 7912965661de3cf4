package dev.veil.detect.person;

import dev.veil.EntityType;
import dev.veil.Language;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.TextInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small PERSON evaluator over the development data in {@code ../shared/data}, used by
 * {@link PersonDetectorEvalTest} and runnable by hand to list errors:
 * {@code java -cp ... dev.veil.detect.person.PersonEval ../shared/data/conll2002-ned/ned.train 40}.
 *
 * <p>Recall and precision are by overlap (a found span that shares a char with a gold span counts),
 * F1 is by exact span. Test-scope only: it reads data that must never be shipped.
 */
final class PersonEval {

    record Span(int start, int end, double score) {
        Span(int start, int end) {
            this(start, end, 1);
        }

        boolean sameRange(Span o) {
            return start == o.start && end == o.end;
        }
    }

    record Doc(String text, List<Span> gold) {
    }

    record Result(int gold, int found, int goldHit, int foundHit, int exact) {
        double recall() {
            return gold == 0 ? 1 : (double) goldHit / gold;
        }

        double precision() {
            return found == 0 ? 1 : (double) foundHit / found;
        }

        double exactF1() {
            double p = found == 0 ? 1 : (double) exact / found;
            double r = gold == 0 ? 1 : (double) exact / gold;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f |", name, gold, found,
                    recall(), precision(), exactF1());
        }
    }

    /** Like {@code veil eval}: one record per -DOCSTART- document, sentences joined by a space. */
    static final boolean DOCS = Boolean.getBoolean("veil.eval.docs");

    private PersonEval() {
    }

    /** CoNLL-2002: tokens joined with single spaces, one record per sentence, PER spans as gold. */
    static List<Doc> conll(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        List<Span> gold = new ArrayList<>();
        int spanStart = -1;
        int spanEnd = -1;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                if (spanStart >= 0) {
                    gold.add(new Span(spanStart, spanEnd));
                    spanStart = -1;
                }
                if (!DOCS) {
                    if (sb.length() > 0) {
                        docs.add(new Doc(sb.toString(), List.copyOf(gold)));
                    }
                    sb.setLength(0);
                    gold.clear();
                }
                continue;
            }
            String[] parts = line.split(" ");
            String word = parts[0];
            String tag = parts[parts.length - 1];
            if (word.equals("-DOCSTART-")) {
                if (DOCS && sb.length() > 0) {
                    docs.add(new Doc(sb.toString(), List.copyOf(gold)));
                    sb.setLength(0);
                    gold.clear();
                }
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            int s = sb.length();
            sb.append(word);
            if (tag.equals("I-PER") && spanStart >= 0) {
                spanEnd = sb.length();
            } else {
                if (spanStart >= 0) {
                    gold.add(new Span(spanStart, spanEnd));
                    spanStart = -1;
                }
                if (tag.endsWith("-PER")) {
                    spanStart = s;
                    spanEnd = sb.length();
                }
            }
        }
        if (spanStart >= 0) {
            gold.add(new Span(spanStart, spanEnd));
        }
        if (sb.length() > 0) {
            docs.add(new Doc(sb.toString(), List.copyOf(gold)));
        }
        return docs;
    }

    private static final Pattern RECORD = Pattern.compile(
            "\"entity_type\":\\s*\"([A-Z_]+)\",\\s*\"entity_value\":\\s*\"(?:[^\"\\\\]|\\\\.)*\",\\s*"
                    + "\"start_position\":\\s*(\\d+),\\s*\"end_position\":\\s*(\\d+)");
    private static final Pattern FULL_TEXT = Pattern.compile("\"full_text\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Presidio synthetic data: code point offsets, converted here to UTF-16 indices. */
    static List<Doc> presidio(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        List<Doc> docs = new ArrayList<>();
        Matcher ft = FULL_TEXT.matcher(json);
        List<Integer> starts = new ArrayList<>();
        while (ft.find()) {
            starts.add(ft.start());
        }
        starts.add(json.length());
        for (int d = 0; d + 1 < starts.size(); d++) {
            String chunk = json.substring(starts.get(d), starts.get(d + 1));
            Matcher m = FULL_TEXT.matcher(chunk);
            if (!m.find()) {
                continue;
            }
            String text = unescape(m.group(1));
            List<Span> gold = new ArrayList<>();
            Matcher r = RECORD.matcher(chunk);
            while (r.find()) {
                if (r.group(1).equals("PERSON")) {
                    int s = text.offsetByCodePoints(0, Integer.parseInt(r.group(2)));
                    int e = text.offsetByCodePoints(0, Integer.parseInt(r.group(3)));
                    gold.add(new Span(s, e));
                }
            }
            docs.add(new Doc(text, gold));
        }
        return docs;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    static List<Span> detect(Detector detector, String text, Language language, double threshold) {
        List<Span> out = new ArrayList<>();
        DetectionInput input = TextInput.of(text, language);
        detector.detect(input, (start, end, type, score) -> {
            if (type.equals(EntityType.PERSON) && score >= threshold) {
                out.add(new Span(start, end, score));
            }
        });
        return out;
    }

    static Result evaluate(Detector detector, List<Doc> docs, Language language, double threshold,
                           Map<String, Integer> errors) {
        int gold = 0;
        int found = 0;
        int goldHit = 0;
        int foundHit = 0;
        int exact = 0;
        for (Doc doc : docs) {
            List<Span> all = detect(detector, doc.text(), language, 0);
            List<Span> pred = all.stream().filter(p -> p.score() >= threshold).toList();
            gold += doc.gold().size();
            found += pred.size();
            for (Span g : doc.gold()) {
                boolean hit = pred.stream().anyMatch(p -> p.start() < g.end() && g.start() < p.end());
                goldHit += hit ? 1 : 0;
                boolean ex = pred.stream().anyMatch(p -> p.sameRange(g));
                exact += ex ? 1 : 0;
                if (errors != null && !ex) {
                    double below = all.stream().filter(p -> p.start() < g.end() && g.start() < p.end())
                            .mapToDouble(Span::score).max().orElse(0);
                    String got = pred.stream().filter(p -> p.start() < g.end() && g.start() < p.end())
                            .map(p -> doc.text().substring(p.start(), p.end())).findFirst().orElse("");
                    errors.merge((hit ? "SPAN  " : "MISS  ") + String.format(Locale.ROOT, "%.2f ", below)
                            + doc.text().substring(g.start(), g.end()) + (hit ? "  =>  [" + got + "]" : "") + "  <<"
                            + context(doc.text(), g), 1, Integer::sum);
                }
            }
            for (Span p : pred) {
                boolean hit = doc.gold().stream().anyMatch(g -> p.start() < g.end() && g.start() < p.end());
                foundHit += hit ? 1 : 0;
                if (errors != null && !hit) {
                    errors.merge("FALSE " + String.format(Locale.ROOT, "%.2f ", p.score()) + doc.text().substring(p.start(), p.end()) + "  <<" + context(doc.text(), p),
                            1, Integer::sum);
                }
            }
        }
        return new Result(gold, found, goldHit, foundHit, exact);
    }

    private static String context(String text, Span s) {
        int a = Math.max(0, s.start() - 40);
        int b = Math.min(text.length(), s.end() + 40);
        return text.substring(a, b).replace('\n', ' ');
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("-t")) {
            String text = args[1];
            PersonDetector.create().detect(TextInput.of(text), (s, e, type, score) -> System.out.println(text.substring(s, e) + "\t" + score));
            return;
        }
        Path file = Path.of(args[0]);
        int show = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        String only = args.length > 2 ? args[2] : "";
        boolean presidio = file.toString().endsWith(".json");
        List<Doc> docs = presidio ? presidio(file) : conll(file);
        Language lang = presidio ? Language.EN : Language.NL;
        String model = System.getProperty("veil.eval.model");
        Detector d = model == null ? PersonDetector.create() : NameFinderDetector.load("person.opennlp", Path.of(model));
        Map<String, Integer> errors = new TreeMap<>();
        for (double th : new double[] {0.3, 0.5}) {
            System.out.println(evaluate(d, docs, lang, th, th == 0.5 ? errors : null).row(file.getFileName() + " @" + th));
        }
        errors.entrySet().stream().filter(e -> e.getKey().startsWith(only))
                .sorted((a, b) -> b.getValue() - a.getValue()).limit(show)
                .forEach(e -> System.out.println(e.getValue() + "\t" + e.getKey()));
    }
}
