package dev.veil.detect.person;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/**
 * Builds the compact name and place lists bundled under {@code dev/veil/detect/person/} from two
 * Maven Central artifacts that are test-scope dependencies of core, so users never carry them:
 * {@code net.datafaker:datafaker:2.7.0} (Apache-2.0) and {@code org.ajbrown:name-machine:1.0.0}
 * (US Census 1990 name frequencies, public domain).
 *
 * <p>Regenerate after changing the sources or the selection below (from the project root):
 * <pre>
 * mvn -B -q -pl core -am test-compile
 * mvn -B -q -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp
 * java -cp core/target/test-classes:core/target/classes:$(cat core/target/test.cp) \
 *     dev.veil.detect.person.NameListGenerator core/src/main/resources/dev/veil/detect/person
 * </pre>
 * {@code NameListsAreUpToDateTest} fails when the committed files differ from what this produces.
 *
 * <p>Each output is one entry per line, folded by {@link Lexicon#fold}, sorted, UTF-8, after a header of
 * {@code #} lines naming its sources. Only single words are kept (a hyphen counts as part of a word),
 * because the detector looks words up one at a time.
 */
public final class NameListGenerator {

    /** Census surnames are ranked by frequency; the long tail adds size and ordinary English words. */
    static final int CENSUS_SURNAMES = 40_000;

    private NameListGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "core/src/main/resources/dev/veil/detect/person");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : generate().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** File name to content, for every generated list. */
    static Map<String, String> generate() throws IOException {
        TreeSet<String> first = new TreeSet<>();
        TreeSet<String> last = new TreeSet<>();
        TreeSet<String> places = new TreeSet<>();

        Map<String, Object> nl = faker("nl.yml", "nl");
        addAll(first, path(nl, "name", "first_name"));
        addAll(last, path(nl, "name", "last_name"));
        addAll(places, path(nl, "address", "country"));
        addAll(places, path(nl, "address", "state"));
        addAll(places, path(faker("nl-BE.yml", "nl-BE"), "address", "state"));

        Map<String, Object> enName = faker("en/name.yml", "en");
        addAll(first, path(enName, "name", "male_first_name"));
        addAll(first, path(enName, "name", "female_first_name"));
        addAll(last, path(enName, "name", "last_name"));

        Map<String, Object> de = faker("de.yml", "de");
        addAll(first, path(de, "name", "male_first_name"));
        addAll(first, path(de, "name", "female_first_name"));
        addAll(last, path(de, "name", "last_name"));

        Map<String, Object> fr = faker("fr.yml", "fr");
        addAll(first, path(fr, "name", "first_name"));
        addAll(last, path(fr, "name", "last_name"));
        addAll(places, path(fr, "address", "city_name"));

        Map<String, Object> tr = faker("tr.yml", "tr");
        addAll(first, path(tr, "name", "male_first_name"));
        addAll(first, path(tr, "name", "female_first_name"));
        addAll(last, path(tr, "name", "last_name"));

        addAll(places, path(faker("en/address.yml", "en"), "address", "country"));
        addAll(places, path(faker("en/address.yml", "en"), "address", "state"));
        addAll(places, path(faker("en/country.yml", "en"), "country", "name"));
        addAll(places, path(faker("en/country.yml", "en"), "country", "capital"));
        addAll(places, path(faker("en/nation.yml", "en"), "nation", "capital_city"));

        // Names of other origins that people in NL/BE and English text carry: every other datafaker
        // locale, Latin-script entries only (Cyrillic transliterated), added after the main lists.
        otherLocales(first, last, places);

        censusColumn("org/ajbrown/namemachine/dist.female.first.txt", Integer.MAX_VALUE, first);
        censusColumn("org/ajbrown/namemachine/dist.male.first.txt", Integer.MAX_VALUE, first);
        censusColumn("org/ajbrown/namemachine/dist.all.last.txt", CENSUS_SURNAMES, last);

        // Cities, states and countries of every datafaker locale, as one-word places; a word that is
        // also a name stays a name only ("Victoria", "Florence").
        for (String locale : localeFiles(true)) {
            Map<String, Object> f = faker(locale + ".yml", locale);
            Object address = f == null ? null : f.get("address");
            if (!(address instanceof Map<?, ?> m)) {
                continue;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof List<?> values) || !PLACE_KEYS.contains(key)) {
                    continue;
                }
                for (Object o : values) {
                    String w = latin(String.valueOf(o).strip());
                    if (w != null && w.length() >= MIN_OTHER) {
                        String folded = Lexicon.fold(w);
                        if (!first.contains(folded) && !last.contains(folded)) {
                            places.add(folded);
                        }
                    }
                }
            }
        }

        String faker = "net.datafaker:datafaker:2.7.0 (Apache-2.0)";
        String census = "org.ajbrown:name-machine:1.0.0 (US Census 1990 name lists, public domain)";
        return Map.of(
                "first-names.txt", render("Given names: datafaker nl/en/de/fr/tr name lists, then the Latin-script (or transliterated"
                        + " Cyrillic) first names of its other locales; census first names.",
                        faker + "; " + census, first),
                "surnames.txt", render("Family names: datafaker nl/en/de/fr/tr, then the Latin-script (or"
                        + " transliterated Cyrillic) last names of its other locales; the " + CENSUS_SURNAMES
                        + " most frequent census surnames.", faker + "; " + census, last),
                "places.txt", render("Countries, states, provinces and capitals (Dutch, English, French); one-word cities,"
                        + " states and countries of every datafaker locale that are not also names.",
                        faker, places));
    }

    /** Locale files already read above, or whose lists are not names. */
    private static final Set<String> DONE = Set.of("nl", "nl-BE", "de", "fr", "tr");

    private static final Set<String> PLACE_KEYS = Set.of("city", "city_name", "city_names", "state", "country",
            "default_country");

    /** Shortest entry taken from the other locales: short ones are too often words (Hungarian Kos, Som, Tar). */
    static final int MIN_OTHER = 4;

    private static void otherLocales(TreeSet<String> first, TreeSet<String> last, TreeSet<String> places)
            throws IOException {
        // Read the context words so entries that are ordinary words or places stay out.
        Set<String> context = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                open("dev/veil/detect/person/context-words.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                for (String w : line.strip().split("\\s+")) {
                    context.add(Lexicon.fold(w));
                }
            }
        }
        TreeSet<String> newFirst = new TreeSet<>();
        TreeSet<String> newLast = new TreeSet<>();
        for (String locale : localeFiles(false)) {
            Map<String, Object> f = faker(locale + ".yml", locale);
            Object name = f == null ? null : f.get("name");
            if (!(name instanceof Map<?, ?> m)) {
                continue;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof List<?> values)) {
                    continue;
                }
                TreeSet<String> into = key.endsWith("first_name") ? newFirst : key.endsWith("last_name") ? newLast : null;
                if (into == null) {
                    continue;
                }
                for (Object o : values) {
                    String w = latin(String.valueOf(o).strip());
                    if (w != null && w.length() >= MIN_OTHER) {
                        into.add(Lexicon.fold(w));
                    }
                }
            }
        }
        for (String w : newFirst) {
            if (!context.contains(w) && !places.contains(w) && !last.contains(w)) {
                first.add(w);
            }
        }
        for (String w : newLast) {
            if (!context.contains(w) && !places.contains(w) && !first.contains(w)) {
                last.add(w);
            }
        }
    }

    /** Every top-level locale file of datafaker (nl.yml, pt-BR.yml; not the _XX.yml or en/ ones). */
    private static List<String> localeFiles(boolean all) throws IOException {
        URL nl = NameListGenerator.class.getClassLoader().getResource("nl.yml");
        Objects.requireNonNull(nl, "datafaker nl.yml");
        List<String> out = new ArrayList<>();
        try {
            URI uri = nl.toURI();
            Path root;
            FileSystem fs = null;
            if ("jar".equals(uri.getScheme())) {
                fs = FileSystems.newFileSystem(uri, Map.of());
                root = fs.getPath("/");
            } else {
                root = Path.of(uri).getParent();
            }
            try (var files = Files.list(root)) {
                files.map(p -> p.getFileName().toString().replace("/", ""))
                        .filter(n -> n.endsWith(".yml") && !n.startsWith("_"))
                        .map(n -> n.substring(0, n.length() - 4))
                        .filter(n -> all || !DONE.contains(n))
                        .sorted()
                        .forEach(out::add);
            } finally {
                if (fs != null) {
                    fs.close();
                }
            }
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        return out;
    }

    private static final String[] CYRILLIC = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
        "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};

    /**
     * The word in Latin letters: itself when it is Latin script (letters and inner hyphens), a plain
     * transliteration when it is Russian Cyrillic (Vsevolod, Dolgorukova), else null.
     */
    static String latin(String s) {
        if (s.isEmpty() || s.contains("#{")) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length() + 4);
        boolean cyr = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' && i > 0 && i < s.length() - 1) {
                sb.append(c);
            } else if (c >= 0x400 && c <= 0x44F) {
                cyr = true;
                char l = Character.toLowerCase(c);
                int k = l - 0x430;
                if (k < 0 || k >= CYRILLIC.length) {
                    return null;
                }
                String t = CYRILLIC[k];
                sb.append(Character.isUpperCase(c) && !t.isEmpty()
                        ? Character.toUpperCase(t.charAt(0)) + t.substring(1) : t);
            } else if (c == '\u0451' || c == '\u0401') {
                cyr = true;
                sb.append(c == '\u0401' ? "Yo" : "yo");
            } else if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                if (cyr) {
                    return null;
                }
                sb.append(c);
            } else {
                return null;
            }
        }
        return sb.toString();
    }

    private static String render(String what, String source, TreeSet<String> words) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(what).append('\n');
        sb.append("# Generated by dev.veil.detect.person.NameListGenerator (core tests) from ").append(source)
                .append(". Do not edit.\n");
        for (String w : words) {
            sb.append(w).append('\n');
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> faker(String resource, String locale) throws IOException {
        try (InputStream in = open(resource)) {
            Map<String, Object> root = new Yaml().load(in);
            Object top = root == null ? null : root.get(locale);
            if (top == null && root != null && root.size() == 1) {
                top = root.values().iterator().next(); // a few files name the locale differently (no-NO: nb)
            }
            return top instanceof Map<?, ?> m ? (Map<String, Object>) m.get("faker") : null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> path(Map<String, Object> faker, String section, String key) {
        Object s = faker.get(section);
        Object v = s instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(key) : null;
        if (!(v instanceof List<?> l)) {
            throw new IllegalStateException("missing list " + section + "." + key);
        }
        return (List<Object>) l;
    }

    private static void addAll(TreeSet<String> into, List<Object> values) {
        for (Object o : values) {
            String s = String.valueOf(o).strip();
            // Templates (#{...}), phrases and abbreviations cannot be looked up as one word.
            if (s.length() < 2 || s.contains("#{") || s.indexOf(' ') >= 0 || s.indexOf('.') >= 0
                    || s.indexOf('(') >= 0 || s.indexOf(',') >= 0 || s.indexOf('\'') >= 0) {
                continue;
            }
            into.add(Lexicon.fold(s));
        }
    }

    private static void censusColumn(String resource, int limit, TreeSet<String> into) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            List<Object> words = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null && words.size() < limit) {
                int sp = line.indexOf(' ');
                if (sp > 0) {
                    words.add(line.substring(0, sp));
                }
            }
            addAll(into, words);
        }
    }

    private static InputStream open(String resource) {
        return Objects.requireNonNull(NameListGenerator.class.getClassLoader().getResourceAsStream(resource),
                resource);
    }
}
