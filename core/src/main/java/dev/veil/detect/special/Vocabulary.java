package dev.veil.detect.special;

import dev.veil.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects vocabulary entries from files and builder calls and compiles each into {@link Term}s.
 * Not thread-safe: used only while a detector is being built.
 *
 * <p>File format (UTF-8, one or more comma-separated entries per line, {@code #} starts a comment):
 * <pre>
 * &#64;language nl            following entries are Dutch (nl, en or any)
 * &#64;type HEALTH            following entries are of this type; several: &#64;type ETHNIC_ORIGIN RELIGION
 * &#64;references             following entries are pronouns and role nouns that link terms to a person
 * diabetes                whole word, any case, with or without diacritics, plus inflection suffixes
 * kanker*                 may continue into a longer word: kankerpatiënt, kankerbehandeling
 * *kanker                 may be the head of a compound: longkanker, borstkanker
 * =MS                     case-sensitive: MS, not ms or Ms
 * SP?                     only when a cue of the same type is in the same sentence
 * ~stemt op               a cue: supports ?-entries, never reported
 * !kankerweer             an exception: drops every match it overlaps (idioms, look-alikes)
 * is [zwart]              a phrase of which only the bracketed part is reported
 * </pre>
 */
final class Vocabulary {

    static final int MAX_SYMBOLS = 60;
    static final int MAX_TYPES = 64;

    private final List<EntityType> types = new ArrayList<>();
    private final Map<TermKey, Term> terms = new LinkedHashMap<>();
    /** Per type index, distinct entries in Dutch ([0]) and English ([1]). */
    private final int[][] entryCounts = new int[MAX_TYPES][2];
    private final java.util.Set<CountKey> counted = new java.util.HashSet<>();

    /** The types in index order: bit i of a term's type mask is {@code types().get(i)}. */
    List<EntityType> types() {
        return List.copyOf(types);
    }

    List<Term> terms() {
        return List.copyOf(terms.values());
    }

    /** Reported entries (before spelling variants) per {@code TYPE/language}, for docs and tests. */
    Map<String, Integer> entryCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (int bit = 0; bit < types.size(); bit++) {
            for (int lang = 0; lang < 2; lang++) {
                if (entryCounts[bit][lang] > 0) {
                    counts.put(types.get(bit).name() + (lang == 0 ? "/nl" : "/en"), entryCounts[bit][lang]);
                }
            }
        }
        return Map.copyOf(counts);
    }

    /**
     * Reads entries in the file format above.
     *
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if a line is malformed; the message names the line number
     */
    void parse(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        long typeMask = 0;
        int language = Term.ANY;
        boolean references = false;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String text = stripComment(line).strip();
            if (text.isEmpty()) {
                continue;
            }
            Where where = new Where(source, lineNo);
            if (text.startsWith("@")) {
                String[] parts = text.split("\\s+");
                switch (parts[0]) {
                    case "@language" -> language = parseLanguage(parts.length == 2 ? parts[1] : "", where);
                    case "@type" -> {
                        if (parts.length < 2) {
                            throw new IllegalArgumentException(where + ": @type needs at least one type name");
                        }
                        typeMask = 0;
                        for (int i = 1; i < parts.length; i++) {
                            typeMask |= 1L << typeIndex(EntityType.of(parts[i].toUpperCase(Locale.ROOT)));
                        }
                        references = false;
                    }
                    case "@references" -> {
                        references = true;
                        typeMask = 0;
                    }
                    default -> throw new IllegalArgumentException(where + ": unknown directive " + parts[0]);
                }
                continue;
            }
            for (String entry : text.split(",")) {
                if (!entry.isBlank()) {
                    add(entry.strip(), typeMask, language, references, where);
                }
            }
        }
    }

    /**
     * {@code s} with each run of whitespace as one space: what {@code replaceAll("\\s+", " ")} gives,
     * without compiling that pattern again for each of the thousands of entries read at engine start.
     */
    static String collapseSpaces(String s) {
        StringBuilder out = null;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isRegexSpace(c)) {
                int end = i + 1;
                while (end < n && isRegexSpace(s.charAt(end))) {
                    end++;
                }
                if (out == null && c == ' ' && end == i + 1) {
                    continue; // a single space stays as it is
                }
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, i);
                }
                out.append(' ');
                i = end - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** The chars {@code \s} matches in {@link java.util.regex.Pattern}'s default mode. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Adds one entry (markers allowed) of one type, as {@code SpecialCategoryDetector.Builder.addTerms} does. */
    void addEntry(String entry, EntityType type, int languageMask) {
        add(entry.strip(), 1L << typeIndex(type), languageMask, false, new Where("term", 0));
    }

    /** Adds an allow-list phrase: matched like an exception entry, in every language. */
    void addAllowed(String phrase) {
        String p = phrase.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("allow-list entries must not be blank");
        }
        add("!" + p, 0, Term.ANY, false, new Where("allow", 0));
    }

    int typeIndex(EntityType type) {
        int i = types.indexOf(type);
        if (i >= 0) {
            return i;
        }
        if (types.size() == MAX_TYPES) {
            throw new IllegalArgumentException("a vocabulary supports at most " + MAX_TYPES + " entity types");
        }
        types.add(type);
        return types.size() - 1;
    }

    private void add(String entry, long typeMask, int language, boolean references, Where where) {
        Term.Kind kind = references ? Term.Kind.REFERENCE : Term.Kind.TERM;
        boolean caseSensitive = false;
        boolean openLeft = false;
        boolean openRight = false;
        boolean needsCue = false;
        int b = 0;
        int e = entry.length();
        for (boolean more = true; more && b < e; ) {
            switch (entry.charAt(b)) {
                case '~' -> kind = Term.Kind.CUE;
                case '!' -> kind = Term.Kind.EXCEPTION;
                case '=' -> caseSensitive = true;
                case '*' -> openLeft = true;
                default -> more = false;
            }
            if (more) {
                b++;
            }
        }
        for (boolean more = true; more && e > b; ) {
            switch (entry.charAt(e - 1)) {
                case '*' -> openRight = true;
                case '?' -> needsCue = true;
                default -> more = false;
            }
            if (more) {
                e--;
            }
        }
        String body = collapseSpaces(entry.substring(b, e).strip());
        if (body.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty entry");
        }
        if (kind == Term.Kind.TERM && typeMask == 0) {
            throw new IllegalArgumentException(where + ": entry before any @type line");
        }
        if (kind == Term.Kind.CUE && typeMask == 0) {
            throw new IllegalArgumentException(where + ": a cue (~) belongs to a @type section");
        }
        int open = body.indexOf('[');
        int close = body.indexOf(']');
        if ((open < 0) != (close < 0) || open > close) {
            throw new IllegalArgumentException(where + ": unbalanced [ ] in entry");
        }
        List<String> variants = new ArrayList<>();
        int reportFrom = -1;
        int reportTo = -1;
        if (open >= 0) {
            String stripped = body.substring(0, open) + body.substring(open + 1, close) + body.substring(close + 1);
            reportFrom = open;
            reportTo = close - 1;
            if (reportTo <= reportFrom) {
                throw new IllegalArgumentException(where + ": empty [ ] in entry");
            }
            variants.add(stripped);
            openLeft = false;
            openRight = false;
        } else {
            variants.add(body);
            // Spelling variants: burn-out, burnout, burn out; parkinson's, parkinsons.
            if (body.indexOf('-') > 0) {
                variants.add(body.replace("-", ""));
                variants.add(body.replace('-', ' '));
            }
            for (int i = 0, n = variants.size(); i < n; i++) {
                if (variants.get(i).indexOf('\'') > 0) {
                    variants.add(variants.get(i).replace("'", ""));
                }
            }
        }
        if ((openLeft || openRight) && variants.get(0).length() < 3) {
            throw new IllegalArgumentException(where + ": entries marked * need at least 3 letters");
        }
        if (kind == Term.Kind.TERM) {
            for (int bit = 0; bit < MAX_TYPES; bit++) {
                if ((typeMask & (1L << bit)) != 0) {
                    for (int lang : new int[] {Term.NL, Term.EN}) {
                        if ((language & lang) != 0 && counted.add(new CountKey(bit, lang, body.toLowerCase(Locale.ROOT)))) {
                            entryCounts[bit][lang == Term.NL ? 0 : 1]++;
                        }
                    }
                }
            }
        }
        for (String v : variants) {
            byte[] symbols = new byte[v.length()];
            for (int i = 0; i < v.length(); i++) {
                int s = Folding.symbol(v.charAt(i));
                if (s <= 0) {
                    throw new IllegalArgumentException(where + ": unsupported character in entry (use letters, digits, space, - ' & / +)");
                }
                symbols[i] = (byte) s;
            }
            if (symbols.length > MAX_SYMBOLS) {
                throw new IllegalArgumentException(where + ": entries are at most " + MAX_SYMBOLS + " characters");
            }
            int from = reportFrom < 0 ? 0 : reportFrom;
            int to = reportTo < 0 ? symbols.length : reportTo;
            // Exceptions in a @type section drop only that type; allow-list entries (mask 0) drop every type.
            long mask = kind == Term.Kind.REFERENCE ? 0 : typeMask;
            TermKey key = new TermKey(kind, new String(symbols, java.nio.charset.StandardCharsets.ISO_8859_1), openLeft,
                    openRight, needsCue, caseSensitive ? v : "", from, to, language);
            Term previous = terms.get(key);
            if (previous != null) {
                mask |= previous.typeMask();
            }
            terms.put(key, new Term(symbols, v, kind, mask, language, openLeft, openRight, caseSensitive, needsCue, from, to));
        }
    }

    private static int parseLanguage(String value, Where where) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "nl" -> Term.NL;
            case "en" -> Term.EN;
            case "any" -> Term.ANY;
            default -> throw new IllegalArgumentException(where + ": @language is nl, en or any");
        };
    }

    /**
     * Where an entry was read, for error messages only: its text is made only when one is thrown, not
     * for each of the thousands of entries read at engine start. Never a map key, so a record is fine.
     */
    private record Where(String source, int line) {
        @Override
        public String toString() {
            return line == 0 ? source : source + ":" + line;
        }
    }

    /**
     * One entry of one type in one language, counted once however many variants and sections list it.
     * Explicit equals and hashCode: a record's generated ones bootstrap method handles, which the
     * interpreter runs slowly for the thousands of entries read at engine start.
     */
    private static final class CountKey {
        private final int typeIndex;
        private final int language;
        private final String lowerCaseBody;

        CountKey(int typeIndex, int language, String lowerCaseBody) {
            this.typeIndex = typeIndex;
            this.language = language;
            this.lowerCaseBody = lowerCaseBody;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CountKey k && k.typeIndex == typeIndex && k.language == language
                    && k.lowerCaseBody.equals(lowerCaseBody);
        }

        @Override
        public int hashCode() {
            return (typeIndex * 31 + language) * 31 + lowerCaseBody.hashCode();
        }
    }

    /**
     * What makes two entries one term: an entry listed twice, or under two types, is one term with both
     * types. Explicit equals and hashCode, as in {@link CountKey}.
     */
    private static final class TermKey {
        private final Term.Kind kind;
        private final String symbols;
        private final int flags;
        private final String caseSensitiveVariant;
        private final int reportFrom;
        private final int reportTo;
        private final int language;

        TermKey(Term.Kind kind, String symbols, boolean openLeft, boolean openRight, boolean needsCue,
                String caseSensitiveVariant, int reportFrom, int reportTo, int language) {
            this.kind = kind;
            this.symbols = symbols;
            this.flags = (openLeft ? 1 : 0) | (openRight ? 2 : 0) | (needsCue ? 4 : 0);
            this.caseSensitiveVariant = caseSensitiveVariant;
            this.reportFrom = reportFrom;
            this.reportTo = reportTo;
            this.language = language;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TermKey k && k.kind == kind && k.flags == flags && k.reportFrom == reportFrom
                    && k.reportTo == reportTo && k.language == language && k.symbols.equals(symbols)
                    && k.caseSensitiveVariant.equals(caseSensitiveVariant);
        }

        @Override
        public int hashCode() {
            int h = kind.ordinal();
            h = h * 31 + symbols.hashCode();
            h = h * 31 + flags;
            h = h * 31 + caseSensitiveVariant.hashCode();
            h = h * 31 + reportFrom;
            h = h * 31 + reportTo;
            return h * 31 + language;
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
