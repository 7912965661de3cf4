package dev.veil.detect.person;

import static dev.veil.detect.person.Lexicon.CUE;
import static dev.veil.detect.person.Lexicon.DISEASE;
import static dev.veil.detect.person.Lexicon.EPONYM;
import static dev.veil.detect.person.Lexicon.FIRST;
import static dev.veil.detect.person.Lexicon.GREETING;
import static dev.veil.detect.person.Lexicon.HEADER;
import static dev.veil.detect.person.Lexicon.LAST;
import static dev.veil.detect.person.Lexicon.MISC;
import static dev.veil.detect.person.Lexicon.ORG;
import static dev.veil.detect.person.Lexicon.PARTICLE;
import static dev.veil.detect.person.Lexicon.PLACE;
import static dev.veil.detect.person.Lexicon.SAID;
import static dev.veil.detect.person.Lexicon.TITLE;
import static dev.veil.detect.person.Lexicon.COMMON;
import static dev.veil.detect.person.Tokens.ABBR;
import static dev.veil.detect.person.Tokens.ALL_CAPS;
import static dev.veil.detect.person.Tokens.CAP;
import static dev.veil.detect.person.Tokens.INITIALS;
import static dev.veil.detect.person.Tokens.LINE;
import static dev.veil.detect.person.Tokens.LOWER;
import static dev.veil.detect.person.Tokens.PUNCT;
import static dev.veil.detect.person.Tokens.SENT;
import static dev.veil.detect.person.Tokens.SPACE;
import static dev.veil.detect.person.Tokens.WORD;

import dev.veil.EntityType;
import dev.veil.Language;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import java.util.Objects;
import java.util.Set;

/**
 * Finds person names in Dutch, Flemish and English text with bundled name lists, the shape of names
 * (capitals, initials, particles such as {@code van der}, hyphenated surnames) and the words around
 * them (titles such as {@code mevr.} and {@code Dr.}, cue words such as {@code collega} or
 * {@code called}, greetings, signatures and e-mail headers). Titles are not part of the reported span.
 *
 * <p>Scores: 0.85 and up for strong evidence (a title or cue word, a known first name with a surname,
 * initials with a surname); 0.5 to 0.7 for a single known name or an unknown capitalised run mid
 * sentence; below 0.5 for weak evidence that only the strict policy reports. Eponymous diseases
 * ({@code ziekte van Parkinson}), months, weekdays, countries, organisations with a legal-form word
 * and all-caps headings are not reported.
 *
 * <p>One linear pass over the text with no regular expressions; word lists load once per process.
 * Thread-safe: per-thread scratch arrays, no shared mutable state.
 */
public final class PersonDetector implements Detector {

    /** The stable detector id. */
    public static final String ID = "person.rules";

    private static final Set<EntityType> TYPES = Set.of(EntityType.PERSON);
    private static final int MAX_WORDS = 6;
    /** Words that start a clause rather than continue a name: prepositions, function words, verbs. */
    private static final int FUNCTION_WORD = Lexicon.LOCATIVE | Lexicon.DUTCH | Lexicon.ENGLISH | Lexicon.VERB;
    /** Members of a series looked at on each side of a word for a firm named after its founders. */
    private static final int FIRM_WALK = 8;
    /** Name likeness above which an unknown word counts as name-like, and below which as a thing (tuned on ned.train). */
    private static final double HI = 0.4;
    private static final double LO = 0.0;

    private final Lexicon lexicon;
    private final NameLikeness likeness;
    private final ThreadLocal<Tokens> scratch = ThreadLocal.withInitial(Tokens::new);

    private PersonDetector(Lexicon lexicon, NameLikeness likeness) {
        this.lexicon = lexicon;
        this.likeness = likeness;
    }

    /** The rule-based person detector with the bundled Dutch, Flemish and English lists. */
    public static PersonDetector create() {
        return new PersonDetector(Lists.LEXICON, Likeness.MODEL);
    }

    /** Loads the bundled lists on first use, once per class loader. */
    private static final class Lists {
        static final Lexicon LEXICON = new Lexicon.Builder()
                .addResource("first-names.txt", FIRST)
                .addResource("surnames.txt", LAST)
                .addResource("places.txt", PLACE)
                .addSections("context-words.txt")
                .addResource("ordinary-words.txt", Lexicon.DICT)
                .build();
    }

    /** Learnt from the bundled lists on first use, once per class loader. */
    private static final class Likeness {
        static final NameLikeness MODEL = new NameLikeness(Lists.LEXICON);
    }

    static Lexicon bundledLexicon() {
        return Lists.LEXICON;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return TYPES;
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sink, "sink");
        Tokens t = scratch.get();
        if (t.text() != null) {
            // A sink that scans again on this thread must not overwrite the outer scan's tokens.
            t = new Tokens();
        }
        try {
            t.tokenize(input.text(), lexicon);
            Language language = input.language();
            // AUTO: the rules of the language whose function words dominate (de, het, een against the, and, of).
            t.dutch = language == Language.NL || language != Language.EN && !t.mostlyEnglish;
            scan(t, sink);
        } finally {
            t.clear();
        }
    }

    private void scan(Tokens t, FindingSink sink) {
        int n = t.n;
        boolean headerLine = false;
        int lastPersonEnd = -10; // token index after the last reported person, for "Jan en Piet"
        int pendingStart = -1;
        int pendingEnd = -1;
        double pendingScore = 0;
        int i = 0;
        int[] starts = t.starts;
        int nStarts = t.nStarts;
        int next = 0;
        while (true) {
            // Tokens not in the list fail canStart and open no line: nothing to do but step over them.
            while (next < nStarts && starts[next] < i) {
                next++;
            }
            if (next == nStarts) {
                break;
            }
            i = starts[next];
            if (t.is(i, LINE)) {
                headerLine = t.kind[i] == WORD && t.has(i, HEADER) && t.punct(i + 1, ':');
            }
            if (!canStart(t, i)) {
                i++;
                continue;
            }
            int end = extend(t, i);
            if (end < 0) {
                i++;
                continue;
            }
            int first = i;
            if (end - first > 2 && titledThing(t, first)) {
                first += 2; // "De Morgen Kristof Demasure", "De Morgen Justitieminister Ram": a newspaper's name before a byline
            }
            // An ordinary capitalised word before a name is not part of it: "Gisteren Jan Smit" at a sentence
            // start, "Algemeen Beikirch" (a pure dictionary word) anywhere.
            while (first < end - 1 && t.kind[first] == WORD
                    && ((t.is(first, SENT) ? isOrdinary(t, first, end) : notGivenBeforeGiven(t, first, end))
                    || (t.lex[first] & (FIRST | LAST | PARTICLE | Lexicon.DICT)) == Lexicon.DICT
                    && !t.has(first + 1, Lexicon.DICT))) { // but "Cockle Bay", "Consul Place" stay whole
                first++;
                while (first < end && t.kind[first] == PUNCT) {
                    first++;
                }
            }
            first = afterRole(t, first, end);
            if (end - first > 2 && titledThing(t, first)) {
                first += 2; // "Brussel De Morgen Peter-Jan Bogaert": the same after a place
            }
            first = givenNameInside(t, first, end);
            if (first >= end || !endsOnName(t, first, end)) {
                i = Math.max(i + 1, first);
                continue;
            }
            double score = score(t, first, end, headerLine, lastPersonEnd);
            if (score < 0.85 && particlesBefore(t, first, end - 1) && t.kind[end - 1] == WORD
                    && !t.has(end - 1, PLACE | COMMON | MISC | EPONYM) && t.isKnownFamilyName(end - 1)
                    && !inCompound(t, first, end)) {
                // "Guy Verhofstadt ... Verhofstadt zei", "Paul De Grauwe ... De Grauwe :": a later bare
                // mention of a person found before.
                score = 0.85;
            }
            if (score >= 0.85 && end - first >= 2 && t.kind[end - 1] == WORD && !t.has(end - 1, COMMON | PLACE)
                    && !(t.has(first, PARTICLE) && end - first == 2 && wordShape(t, end - 1))) {
                // Not "De Pacers", "de Oegandezen": a plural after an article names a group.
                t.rememberFamilyName(end - 1);
            } else if (score >= 0.7 && end - first == 1 && t.kind[first] == WORD
                    && !t.has(first, COMMON | PLACE | MISC | Lexicon.DICT) && addressed(t, first)) {
                // "collega Garzelli", "dhr. Garzelli": the same word is that person elsewhere too. Not after a
                // speech verb alone: firms speak in the news too ("volgens Hoverspeed").
                t.rememberFamilyName(first);
            }
            if (score >= 0.25) {
                // Hold each finding until the next is scored: in "Gaetane, Hannah and Anthony" a weak first
                // item joined to a strong next one is a person too. Not to a next one that is weak itself:
                // "steden Barentu en Tessenay", "zoals Digital City , Netscape Netcenter en CompuServe".
                if (pendingEnd >= 0 && score >= 0.6 && pendingScore < 0.6 && coordinated(t, pendingEnd, first)
                        && !(pendingEnd - pendingStart == 1 && (t.lex[pendingStart] & (FIRST | LAST | Lexicon.DICT)) == Lexicon.DICT)) {
                    // Not "minister van Toerisme , Adi Koila": an ordinary word no list holds stays a word.
                    pendingScore = 0.6;
                }
                t.keep(pendingStart, pendingEnd, pendingScore);
                pendingStart = first;
                pendingEnd = end;
                pendingScore = score;
                if (score >= 0.5) {
                    lastPersonEnd = end;
                }
            }
            i = end;
        }
        t.keep(pendingStart, pendingEnd, pendingScore);
        bracketedInitials(t);
        if (t.nKnown > 0) {
            mentionsOfKnownFamilyNames(t);
        }
        wordsUsedAsPlacesOrThings(t);
        rankedItems(t);
        for (int f = 0; f < t.nFound; f++) {
            sink.accept(t.start[t.foundFirst[f]], t.end[t.foundEnd[f] - 1], EntityType.PERSON, t.foundScore[f]);
        }
    }

    /**
     * "-- 6 . Verbrugghe -- 17 . Rebellin ( Ita ) 10:21 -- 7 . Merckx 7:32": in a ranked result list,
     * one with at least two ranks before a name and a country code, a capitalised word after any rank
     * names the next rider or player, also without a country code and before a time or a score.
     */
    private void rankedItems(Tokens t) {
        int ranked = 0;
        for (int f = 0; f < t.nFound && ranked < 2; f++) {
            int e = t.foundEnd[f];
            if (rank(t, t.foundFirst[f]) && e + 1 < t.n && t.punct(e, '(') && countryCode(t, e + 1)) {
                ranked++;
            }
        }
        if (ranked < 2) {
            return;
        }
        int found = t.nFound;
        int f = 0;
        for (int k = 2; k < t.n; k++) {
            if (!rank(t, k) || t.kind[k] != WORD || !isNameWord(t, k) || t.has(k, PLACE | COMMON | MISC | ORG)
                    || (t.lex[k] & (FIRST | LAST | Lexicon.DICT)) == Lexicon.DICT) {
                continue;
            }
            while (f < found && t.foundEnd[f] <= k) {
                f++;
            }
            if (f < found && t.foundFirst[f] <= k) {
                if (t.foundFirst[f] == k && t.foundScore[f] < 0.6 && !role(t, t.foundEnd[f] - 1)
                        && rankedItemEnd(t, t.foundEnd[f])) {
                    t.foundScore[f] = 0.6;
                }
                continue;
            }
            int end = Math.max(extend(t, k), k + 1);
            if (f < found && t.foundFirst[f] <= end || role(t, end - 1) || !rankedItemEnd(t, end)) {
                continue; // "164 . Rabobank Gianluca Bortolami", "36 . Sportdirecteur :", "108 . Polti 126 .": a team or role
            }
            t.keep(k, end, 0.6);
        }
        if (t.nFound > found) {
            t.sortFound();
        }
    }

    /**
     * What may follow a ranked name: the end of the line, a dash, a bracket, a comma, a time or score
     * ("0:23", "7,5"), or lower-case words ("allen z.t."). Not a colon, another capitalised word or a
     * bare number, which follow the name of a team or a role.
     */
    private static boolean rankedItemEnd(Tokens t, int e) {
        if (e >= t.n || t.is(e, LINE)) {
            return true;
        }
        if (t.kind[e] == PUNCT) {
            return !t.punct(e, ':');
        }
        if (t.kind[e] == Tokens.NUM) {
            return t.punct(e + 1, ':') || t.punct(e + 1, ',');
        }
        return t.kind[e] == WORD && t.is(e, LOWER) && !t.has(e, PARTICLE); // not "6 . Ronde van Duitsland"
    }

    /** Token {@code k} follows a rank: a number and a dot ("6 . Verbrugghe", "17. Rebellin"). */
    private static boolean rank(Tokens t, int k) {
        return k >= 2 && t.punct(k - 1, '.') && t.kind[k - 2] == Tokens.NUM && !t.is(k - 1, LINE);
    }

    /**
     * Capitals in brackets that are nobody's initials: news agencies, countries and everyday
     * abbreviations that close a sentence ("… bij te lezen. (PDF)").
     */
    private static final Set<String> BRACKETED_ABBREVIATIONS = Set.of(
        "AFP", "ANP", "AP", "BNO", "DPA", "EFE", "UPI", "BBC", "CNN", "NOS", "VRT", "RTL", "VTM", "RTBF",
        "EU", "VN", "UN", "VS", "US", "USA", "UK", "NL", "BE", "NB", "PS", "CC", "BCC", "FYI", "BTW", "ASAP",
        "OK", "PDF", "DOC", "XLS", "CSV", "PPT", "ZIP", "JPG", "PNG", "MB", "GB", "KB", "TBD", "TBA", "EOD",
        "FAQ", "AI", "IT", "ICT", "HR", "CEO", "CFO", "CTO", "KPI", "ROI", "NV", "BV", "VZW", "CET", "CEST",
        "UTC", "GMT", "EUR", "USD", "NVT", "ZSM");

    /**
     * "… aldus de minister. (PJB)": two to four letters in brackets, at least two of them capitals,
     * right after the end of a sentence or alone at the start of a line, are the writer's initials under
     * a news item or a note. Within a sentence the same brackets hold a party, country or firm ("de
     * liberalen (VLD) willen"), so only that position counts.
     */
    private static void bracketedInitials(Tokens t) {
        int found = t.nFound;
        // Initials start with a capital: only words with one are looked at.
        for (int c = 0; c < t.nCapital; c++) {
            int k = t.capital[c];
            if (k < 1 || k + 1 >= t.n || t.kind[k] != WORD || !t.punct(k - 1, '(') || !t.punct(k + 1, ')')
                    || !initialsShape(t, k)) {
                continue;
            }
            int before = k - 2;
            boolean afterSentence = t.is(k - 1, LINE) || before < 0
                    || t.kind[before] == PUNCT && ".!?\"'\u201d\u2019".indexOf(t.chars()[t.start[before]]) >= 0;
            // "... voor deze wagen ( PMA ) Ook voor deze ...": the next item starts right after the brackets.
            int after = k + 2;
            boolean beforeSentence = after >= t.n || t.is(after, LINE)
                    || t.kind[after] == WORD && t.is(after, CAP) && !t.has(after, FIRST);
            if (!(afterSentence || beforeSentence) || foundAt(t, k, found)
                    || BRACKETED_ABBREVIATIONS.contains(t.text().subSequence(t.start[k], t.end[k]).toString())) {
                continue;
            }
            t.keep(k, k + 1, 0.6);
        }
        if (t.nFound > found) {
            t.sortFound();
        }
    }

    /** Two to four letters, the first and at least one more a capital: "MR", "PJB", "FSt". */
    private static boolean initialsShape(Tokens t, int k) {
        int a = t.start[k];
        int len = t.end[k] - a;
        if (len < 2 || len > 4) {
            return false;
        }
        char[] text = t.chars();
        int capitals = 0;
        for (int i = a; i < a + len; i++) {
            char c = text[i];
            if (c < 'A' || c > 'z' || c > 'Z' && c < 'a') {
                return false;
            }
            capitals += c <= 'Z' ? 1 : 0;
        }
        return capitals >= 2 && text[a] <= 'Z';
    }

    /** Whether token {@code k} lies in one of the first {@code found} findings. */
    private static boolean foundAt(Tokens t, int k, int found) {
        for (int f = 0; f < found; f++) {
            if (t.foundFirst[f] <= k && k < t.foundEnd[f]) {
                return true;
            }
        }
        return false;
    }

    /**
     * "in Brescia", "de Pacers", "the Beatles": a capitalised word right after a preposition of place
     * or a lower-case article names a place or a thing there, and most likely everywhere else in the
     * same text; its weak single-word findings are dropped below the default threshold.
     */
    private static void wordsUsedAsPlacesOrThings(Tokens t) {
        if (t.nFound == 0) {
            return;
        }
        int things = 0;
        for (int c = 0; c < t.nCapital && things < t.thing.length; c++) {
            int k = t.capital[c];
            if (k >= 1 && t.kind[k] == WORD && t.is(k, CAP) && !t.is(k, LINE) && !t.has(k, FIRST | LAST) && thingMarker(t, k - 1)
                    && !(t.has(k - 1, Lexicon.DICT) && attributive(t, k + 1))) {
                t.thing[things] = k;
                t.thingHash[things] = t.textHash(k);
                things++;
            }
        }
        // A word that names a person somewhere with context ("Volgens Garzelli") is no thing anywhere.
        for (int f = 0; f < t.nFound && things > 0; f++) {
            int k = t.foundFirst[f];
            if (t.foundEnd[f] == k + 1 && t.kind[k] == WORD && (t.foundScore[f] >= 0.85 || hasContext(t, k))) {
                int j = thingIndex(t, k, things);
                if (j >= 0) {
                    t.thing[j] = t.thing[--things];
                    t.thingHash[j] = t.thingHash[things];
                    f = -1; // the same word may stand as a thing more than once: look again
                }
            }
        }
        for (int f = 0; f < t.nFound && things > 0; f++) {
            int k = t.foundFirst[f];
            if (t.foundEnd[f] == k + 1 && t.foundScore[f] < 0.85 && t.foundScore[f] >= 0.5 && t.kind[k] == WORD
                    && thingIndex(t, k, things) >= 0) {
                t.foundScore[f] = 0.4;
            }
        }
    }

    /** The index among the first {@code things} thing words that spells as token {@code k}, or -1. */
    private static int thingIndex(Tokens t, int k, int things) {
        int h = t.textHash(k);
        for (int j = 0; j < things; j++) {
            if (t.thingHash[j] == h && t.sameText(k, t.thing[j])) {
                return j;
            }
        }
        return -1;
    }

    /** "collega Garzelli", "dhr. Garzelli", "Beste Garzelli": a title, cue word or greeting right before. */
    private static boolean addressed(Tokens t, int k) {
        int prev = prevWord(t, k);
        return prev >= 0 && t.has(prev, TITLE | CUE | GREETING) && prevIsAdjacent(t, prev, k);
    }

    /** "Volgens Garzelli", "collega Garzelli", "Garzelli zegt": a word next to context names a person. */
    private static boolean hasContext(Tokens t, int k) {
        int prev = prevWord(t, k);
        return prev >= 0 && t.has(prev, TITLE | CUE | GREETING | SAID) || t.has(k + 1, SAID);
    }

    /**
     * "the Castro novel", "the Sokolov family": in English a name before a common noun, after an
     * article, qualifies the noun; the article belongs to the noun, not to the name.
     */
    private static boolean attributive(Tokens t, int next) {
        return !t.dutch && next < t.n && t.kind[next] == WORD && t.is(next, LOWER) && t.has(next, Lexicon.DICT)
                && !t.has(next, Lexicon.VERB | SAID | PARTICLE | COMMON);
    }

    /** A lower-case locative preposition or article that is not a name particle after a given name. */
    private static boolean thingMarker(Tokens t, int m) {
        if (t.kind[m] != WORD || !t.is(m, LOWER)) {
            return false;
        }
        if (t.has(m, Lexicon.LOCATIVE)) {
            return true;
        }
        if (!article(t, m)) {
            return false;
        }
        // "mevrouw de Vries", "Jan de Vries": there "de" is a particle of the name.
        return m == 0 || !(t.kind[m - 1] == WORD && (t.is(m - 1, CAP) || t.has(m - 1, TITLE | CUE)));
    }

    /**
     * "Casagrande voelt hete adem van Garzelli ... Francesco Casagrande": a family name that a strong
     * full-name mention ties to a person names that person everywhere in the text, also before the full
     * name (headlines, summaries) and where it stands alone mid-sentence with no other evidence.
     */
    private static void mentionsOfKnownFamilyNames(Tokens t) {
        int f = 0;
        int found = t.nFound;
        for (int c = 0; c < t.nCapital; c++) {
            int k = t.capital[c];
            if (t.kind[k] != WORD || !t.is(k, CAP) || t.has(k, PLACE | COMMON | MISC | EPONYM | ORG)
                    || !t.isKnownFamilyName(k) || inCompound(t, k, k + 1)) {
                continue;
            }
            while (f < found && t.foundEnd[f] <= k) {
                f++;
            }
            if (f < found && t.foundFirst[f] <= k) {
                if (t.foundScore[f] < 0.85 && t.foundEnd[f] == k + 1 && particlesBefore(t, t.foundFirst[f], k)) {
                    t.foundScore[f] = 0.85;
                }
                if (t.foundFirst[f] == k && t.foundEnd[f] == k + 1) {
                    t.foundFirst[f] = sameParticles(t, k, f > 0 ? t.foundEnd[f - 1] : 0);
                }
                continue;
            }
            boolean joined = (k + 1 < t.n && t.kind[k + 1] == WORD && t.is(k + 1, CAP) && !t.is(k + 1, LINE))
                    || (k > 0 && t.kind[k - 1] == WORD && t.is(k - 1, CAP) && !t.is(k, LINE) && !t.has(k - 1, PARTICLE));
            // "de Ronde van Frankrijk", "deze Kriek", "de Pacers": after a lower-case article an ordinary or
            // plural word is a thing or a group, whatever it names elsewhere.
            boolean thing = k > 0 && t.kind[k - 1] == WORD && t.is(k - 1, LOWER) && article(t, k - 1)
                    && (t.has(k, Lexicon.DICT) || wordShape(t, k));
            if (!joined && !thing) {
                t.keep(sameParticles(t, k, f > 0 ? t.foundEnd[f - 1] : 0), k + 1, 0.85);
            }
        }
        t.sortFound();
    }

    /**
     * "Hildegard van Hove ... Maar van Hove beseft", "De Gucht ... neemt de Gucht": the lower-case
     * particles before a bare mention belong to the name when the full mention had the same ones.
     * Returns where the mention at {@code k} starts, not before {@code floor}.
     */
    private static int sameParticles(Tokens t, int k, int floor) {
        int known = t.knownFamilyName(k);
        int a = k;
        int b = known;
        while (a - 1 >= floor && b - 1 >= 0 && a - 1 != b && t.kind[a - 1] == WORD && t.is(a - 1, LOWER)
                && t.has(a - 1, PARTICLE) && t.kind[b - 1] == WORD && t.has(b - 1, PARTICLE)
                && t.sameTextIgnoringCase(a - 1, b - 1)) {
            a--;
            b--;
        }
        if (known < 0 || a == k) {
            return k;
        }
        // The full mention had them as a particle: after a given name or initial ("Hildegard van Hove"), or
        // capitalised mid-sentence ("De Gucht"); not as an article or preposition ("de Pacers", "van Mao").
        int before = b - 1;
        boolean given = before >= 0 && (t.kind[before] == ABBR && t.is(before, INITIALS) || t.kind[before] == WORD
                && t.is(before, CAP) && !t.has(before, FUNCTION_WORD | PLACE | COMMON | MISC | ORG)
                && (t.has(before, FIRST) || !t.is(before, SENT) && !t.has(before, Lexicon.DICT)));
        return given || t.is(b, CAP) && !t.is(b, SENT) ? a : k;
    }

    /**
     * "Buitenlandse Zaken Louis Michel", "Export Vlaanderen Jan Peeters": capitalised words that are
     * no given names, before a given name that is followed by another name, name a thing (a ministry,
     * a firm), not the person: the name starts at the given name. Returns the new start.
     */
    private static int givenNameInside(Tokens t, int first, int end) {
        if (end - first < 3 || t.has(first, FIRST) || t.kind[first] != WORD || t.has(first, PARTICLE)) {
            return first;
        }
        for (int k = first + 1; k + 1 < end; k++) {
            if (t.kind[k] != WORD || t.has(k, PARTICLE) && !t.is(k, CAP)) {
                return first;
            }
            if (t.has(k, FIRST) && !t.has(k, COMMON | PARTICLE | PLACE) && t.kind[k + 1] == WORD) {
                return k;
            }
            if (t.has(k, FIRST)) {
                return first;
            }
        }
        return first;
    }

    /** Whether tokens {@code [first, last)} are all name particles (none at all counts too): "De", "van der". */
    private static boolean particlesBefore(Tokens t, int first, int last) {
        for (int j = first; j < last; j++) {
            if (t.kind[j] != WORD || !t.has(j, PARTICLE)) {
                return false;
            }
        }
        return true;
    }

    /** "Braziliaan Ayrton Senna", "Justitie Marc Verwilghen": an unknown word before a known given name. */
    private static boolean notGivenBeforeGiven(Tokens t, int i, int end) {
        return (t.lex[i] & FIRST) == 0 && i + 2 < end && t.has(i + 1, FIRST) && !t.has(i + 1, COMMON | PARTICLE)
                && t.kind[i + 2] == WORD;
    }

    private boolean isOrdinary(Tokens t, int i, int end) {
        int f = t.lex[i];
        if ((f & (COMMON | MISC | CUE | GREETING | SAID | TITLE | PLACE)) != 0 && (f & FIRST) == 0
                || (f & (Lexicon.LOCATIVE | MISC)) != 0) {
            return true;
        }
        if ((f & COMMON) != 0 && i + 1 < end && t.has(i + 1, FIRST) && !t.has(i + 1, COMMON)) {
            return true; // "Alleen Frank Rijkaard": a common word that some list also has as a given name
        }
        // "Gisteren Jan Peeters": an unknown word before a known first name is not part of the name.
        return (f & (FIRST | LAST)) == 0 && i + 1 < end && t.has(i + 1, FIRST)
                && ((f & Lexicon.DICT) != 0 || nameLike(t, i) < LO); // but "Jožef Albin", "Cormac Allan" are names
    }

    private boolean canStart(Tokens t, int i) {
        byte k = t.kind[i];
        if (k == ABBR) {
            return t.is(i, INITIALS) && (!t.has(i, Lexicon.NOT_INITIAL | TITLE) || letterBeforeName(t, i));
        }
        if (k != WORD) {
            return false;
        }
        if (t.is(i, CAP)) {
            if (t.has(i, PARTICLE)) {
                return leadingParticle(t, i) && followedByParticlesAndName(t, i);
            }
            return isNameWord(t, i) && !t.has(i, HEADER | CUE);
        }
        // "mevrouw van Dijk": a lower-case particle starts a name right after a title or cue word.
        if (!(t.is(i, LOWER) && t.has(i, PARTICLE) && i > 0 && followedByParticlesAndName(t, i))) {
            return false;
        }
        // "de naam van Gilles De Bilde" starts at Gilles: after a cue word the particle must lead to a surname.
        int j = i;
        while (j < t.n && t.has(j, PARTICLE) && !t.is(j, CAP)) {
            j++;
        }
        // "dochter van Monsanto", "minister van Justitie": after a cue word a lone lower-case van is the
        // preposition; only more particles ("collega van der Berg") still start a name there.
        return t.has(i - 1, TITLE) || (t.has(i - 1, CUE) && !t.has(j, FIRST) && j - i >= 2);
    }

    /**
     * "P. de Vries", "Bel P. Jansen": a capital letter and a dot before a name or a particle is an
     * initial, even a letter that also abbreviates a page ("p. 12").
     */
    private boolean letterBeforeName(Tokens t, int i) {
        return t.kind[i] == ABBR && t.end[i] - t.start[i] == 2 && Character.isUpperCase(t.chars()[t.start[i]])
                && i + 1 < t.n && !t.is(i + 1, LINE) && t.kind[i + 1] == WORD
                && (t.has(i + 1, PARTICLE) || isNameWord(t, i + 1));
    }

    private boolean isNameWord(Tokens t, int i) {
        if (t.kind[i] != WORD || !t.is(i, CAP)) {
            return false;
        }
        if (t.has(i, MISC) && t.has(i, FIRST | LAST)) {
            if (hyphenedToGivenName(t, i)) {
                return true; // "Jeanne-Claude", "Jean-Claude Juncker": a double given name, not the chatbot
            }
            // "Frans Steenhoudt", "June Carter": a month or language that is also a name, before a surname.
            return i + 1 < t.n && t.is(i + 1, CAP) && !t.is(i + 1, LINE) && t.kind[i + 1] == WORD
                    && (t.has(i + 1, LAST) || (t.lex[i + 1] == 0 && (surnameShape(t, i + 1) || nameLike(t, i + 1) > HI))
                    || dutchGivenName(t, i, i + 1));
        }
        return !t.has(i, ORG | MISC | TITLE | SAID | DISEASE | GREETING)
                && t.end[i] - t.start[i] > 1 && !(t.has(i, PARTICLE) && followedByParticlesAndName(t, i))
                && !codeShape(t, i);
    }

    /**
     * "Sint-Michiels", "Tobin-heffing", "Nissan-baas": a bare family name glued by a hyphen to a capitalised
     * word before it or to any word after it is part of a compound that names a place or thing, as "James
     * Bond-films" in {@link #score}. After a lower-case word it still names the person ("kabinet-Aelvoet").
     */
    private static boolean inCompound(Tokens t, int first, int end) {
        boolean before = first >= 2 && t.punct(first - 1, '-') && !t.is(first - 1, SPACE) && !t.is(first, SPACE)
                && t.kind[first - 2] == WORD && t.is(first - 2, CAP);
        boolean after = end + 1 < t.n && t.punct(end, '-') && !t.is(end, SPACE) && !t.is(end + 1, SPACE)
                && t.kind[end + 1] == WORD;
        return before || after;
    }

    /** A given name glued by a hyphen to the given name before it: the Claude of "Jeanne-Claude". */
    private static boolean hyphenedToGivenName(Tokens t, int i) {
        return i >= 2 && t.has(i, FIRST) && t.punct(i - 1, '-') && !t.is(i - 1, SPACE) && !t.is(i, SPACE)
                && t.kind[i - 2] == WORD && t.is(i - 2, CAP) && t.has(i - 2, FIRST) && !t.has(i - 2, COMMON | MISC);
    }

    /** "Txd1", "Kg7", "A6", "T6e7": a word that ends in a digit is a chess move, a model or a grid square. */
    private static boolean codeShape(Tokens t, int i) {
        char c = t.chars()[t.end[i] - 1];
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    /**
     * "Frans Ieven", "Frans Verbergt": Dutch writes months and languages in lower case unless they start
     * a sentence or a name, so in Dutch text such a word that is also a given name, before a capitalised
     * word that names no place, thing or role, is the given name. Not in English, where "In May Congress"
     * and "In June Apple" are months.
     */
    private static boolean dutchGivenName(Tokens t, int given, int last) {
        return t.dutch && !t.is(given, SENT) && t.is(last, CAP) && t.kind[last] == WORD && !brandShape(t, last)
                && !t.has(last, PLACE | COMMON | MISC | ORG | EPONYM | TITLE | CUE | GREETING | SAID | HEADER | DISEASE);
    }

    /** Capitalised particles that start a surname: Van Dijk, De Smet, Vanden Bossche, Di Rupo, El Idrissi. */
    private static boolean leadingParticle(Tokens t, int i) {
        char[] s = t.chars();
        int a = t.start[i];
        int len = t.end[i] - a;
        if (len < 2 || len > 6) {
            return false;
        }
        char c0 = Character.toLowerCase(s[a]);
        char c1 = Character.toLowerCase(s[a + 1]);
        // Excludes articles and pronouns that head titles and sentences: Het, Den, Der, Des, Du, La, Le.
        return switch (len) {
            case 2 -> (c0 == 'd' && (c1 == 'e' || c1 == 'i' || c1 == 'a')) || (c0 == 'e' && c1 == 'l')
                    || (c0 == 'a' && c1 == 'l') || (c0 == 'm' && c1 == 'c');
            case 3 -> (c0 == 'v' && c1 == 'a') || (c0 == 'v' && c1 == 'o')
                    || (c0 == 'd' && c1 == 'e' && Character.toLowerCase(s[a + 2]) == 'l') // Del Piero
                    || (c0 == 't' && c1 == 'e') || (c0 == 'm' && c1 == 'a');
            default -> c0 == 'v' && c1 == 'a';
        };
    }

    /**
     * "Lippens van Knokke", "Moeras van Ensor", "woordvoerder Verstraete van Sidmar": a lone lower-case
     * "van" after a word that is no given name means "of" or "from"; after a given name or initial it
     * starts the family name ("Jan van Dijk", "J. van Dijk").
     */
    private static boolean vanAfterNonGivenName(Tokens t, int i, int j) {
        return j > i && t.kind[j - 1] == WORD && !t.has(j - 1, FIRST) && t.is(j, LOWER)
                && is(t.chars(), t, j, "van") && !(j + 1 < t.n && t.has(j + 1, PARTICLE));
    }

    /**
     * "Les Bleus", "Les Perles de Pluie", "Le Mans", "La Louvière", "La Grande Boucle": in Dutch text a
     * capitalised French article that follows no other capitalised word heads the name of a team, place,
     * event or restaurant. After a given name it is a particle of the family name ("Marine Le Pen").
     */
    private static boolean frenchArticleLed(Tokens t, int first, int end) {
        int a = end - first >= 2 && frenchArticle(t, first) ? first : first - 1;
        if (a < 0 || a < first - 1 || !frenchArticle(t, a) || a == first - 1 && t.is(first, LINE)) {
            return false;
        }
        int before = a - 1;
        return before < 0 || t.is(a, LINE) || t.kind[before] != WORD || !t.is(before, CAP);
    }

    private static boolean frenchArticle(Tokens t, int i) {
        char[] s = t.chars();
        return t.kind[i] == WORD && Character.isUpperCase(s[t.start[i]])
                && (is(s, t, i, "le") || is(s, t, i, "la") || is(s, t, i, "les"));
    }

    /** A capitalised De or Het and a TITLED word: "De Morgen", "Het Nieuwsblad", "De Lijn". */
    private static boolean titledThing(Tokens t, int i) {
        return i + 1 < t.n && t.kind[i] == WORD && t.is(i, CAP) && t.has(i + 1, Lexicon.TITLED)
                && (is(t.chars(), t, i, "de") || is(t.chars(), t, i, "het"));
    }

    /**
     * "koning Albert II", "Boudewijn I", "paus Johannes Paulus II", "Benedictus XII": a regnal number after
     * the one-word name of a monarch or pope, or after a given name and one more name. A lone "I" only in
     * Dutch text and after a given name: in English it is the pronoun ("Hi Tom, I ...").
     */
    private static boolean regnalNumber(Tokens t, int j, int names) {
        if (names < 1 || t.kind[j - 1] != WORD || !romanNumeral(t, j)) {
            return false;
        }
        boolean lone = t.end[j] - t.start[j] == 1;
        if (lone && !t.dutch) {
            return false;
        }
        if (names >= 2) { // "Johannes Paulus", also after a capitalised title: "Pope John Paul II"
            return t.kind[j - 2] == WORD && t.has(j - 2, FIRST) && !t.has(j - 2, COMMON)
                    && (t.lex[j - 1] & (FIRST | LAST)) != 0;
        }
        return t.has(j - 1, FIRST) || !lone && (t.lex[j - 1] & (FIRST | LAST)) != 0;
    }

    /** I to XXXX: "II", "XII"; a lone "I" too, see {@link #regnalNumber}. */
    private static boolean romanNumeral(Tokens t, int j) {
        if (t.kind[j] != WORD || t.end[j] - t.start[j] > 4 || t.is(j, LINE)) {
            return false;
        }
        for (int c = t.start[j]; c < t.end[j]; c++) {
            char ch = t.chars()[c];
            if (ch != 'I' && ch != 'V' && ch != 'X') {
                return false;
            }
        }
        return true;
    }

    /** A lone capital without a dot between two names, as in "Juliusz A Kwiatkowski". */
    private static boolean middleLetter(Tokens t, int j) {
        // Typed without capitals ("benjamin a seiler") a lower-case letter between two names counts too.
        boolean letter = t.end[j] - t.start[j] == 1 && (t.kind[j] == WORD || t.kind[j] == ABBR)
                || t.kind[j] == ABBR && t.end[j] - t.start[j] == 2 && t.chars()[t.start[j] + 1] == '.';
        char c = t.chars()[t.start[j]];
        return letter && (t.kind[j] == WORD && Character.isUpperCase(c) || Character.isLowerCase(c) && t.caseless)
                && j + 1 < t.n && t.kind[j + 1] == WORD && t.is(j + 1, CAP) && !t.is(j + 1, LINE);
    }

    /**
     * A capitalised role before a name is not part of it: "Algemeen Gouverneur Quaden",
     * "Justitieminister Ram Jathmalami". Returns the start after the last role word that has only
     * words that are no given names before it in the span and a name word after it.
     */
    private int afterRole(Tokens t, int first, int end) {
        int start = first;
        for (int k = first; k + 1 < end; k++) {
            if (t.kind[k] == WORD && t.is(k, LOWER) && t.has(k, PARTICLE)) {
                continue; // "de Mexicaan Barragán"
            }
            if (t.kind[k] != WORD || t.has(k, FIRST)) {
                break;
            }
            if (role(t, k) && t.kind[k + 1] == WORD && isNameWord(t, k + 1)) {
                start = k + 1;
            }
        }
        return start;
    }

    /**
     * A capitalised role: a cue word ("Gouverneur") or a compound of a role ("Justitieminister",
     * "Sportchef", "Sportdirecteur") that no name list holds. A role word that is also a given name is
     * not one.
     */
    private static boolean role(Tokens t, int i) {
        if (t.kind[i] != WORD || t.has(i, FIRST)) {
            return false;
        }
        if (t.has(i, CUE)) {
            return true;
        }
        if ((t.lex[i] & (FIRST | LAST)) != 0) {
            return false;
        }
        char[] s = t.chars();
        int e = t.end[i];
        return e - t.start[i] >= 8 && (endsWith(s, e, "minister") || endsWith(s, e, "chef")
                || endsWith(s, e, "directeur") || endsWith(s, e, "voorzitter") || endsWith(s, e, "woordvoerder")
                || endsWith(s, e, "trainer") || endsWith(s, e, "president") || endsWith(s, e, "secretaris")
                || endsWith(s, e, "leider") || endsWith(s, e, "commissaris"));
    }

    /** Whether token {@code w} is a place name joined by token {@code joint}, a comma, "en" or "and". */
    private static boolean coordinatedPlace(Tokens t, int w, int joint) {
        return w >= 0 && w < t.n && t.kind[w] == WORD && t.is(w, CAP) && (t.lex[w] & (PLACE | FIRST | LAST)) == PLACE
                && (t.punct(joint, ',') || t.kind[joint] == WORD && (is(t.chars(), t, joint, "en") || is(t.chars(), t, joint, "and")));
    }

    /** Heads that name things, also at the end of a compound: bank in "zakenbank", bedrijf in "houtkapbedrijf". */
    private static final String[] THING_ENDINGS = {
        "bedrijf", "groep", "partij", "agentschap", "tentoonstelling", "voorstelling", "gezelschap", "programma",
        "uitgeverij", "producent", "fabrikant", "distributeur", "concern", "holding", "keten", "maatschappij",
        "vereniging", "organisatie", "instelling", "orkest", "festival", "tijdschrift", "weekblad", "dagblad",
        "krant", "zender", "omroep", "merk", "winkel", "warenhuis", "restaurant", "hotel", "museum", "theater",
        "ziekenhuis", "luchthaven", "station", "album", "roman", "film", "show", "reeks", "serie", "pakket",
        "software", "website", "fonds", "bank", "verzekeraar", "operator", "aandeel", "koor", "bureau", "centrum",
        "galerie", "project", "computer", "comedy", "universiteit", "parochie", "operatie", "toneelstuk", "magazine"};

    /** Heads that name things only as a whole word (as endings they would match "verband" or "plant"). */
    private static final Set<String> THING_WORDS = Set.of(
        "stad", "dorp", "dorpje", "rivier", "boek", "vzw", "gemeente", "provincie", "regio", "eiland", "streek",
        "district", "rubriek", "dossier", "overheid", "team", "club", "band", "company", "firm", "album", "song",
        "movie", "book", "novel", "series", "brand", "city", "town", "village", "river", "island", "app", "party",
        "fund", "newspaper", "magazine", "label", "agency", "store", "shop", "channel", "station");

    /**
     * "het bedrijf Bauduin-Cambier", "zakenbank Morgan Stanley", "de goochelshow Abracadabra", "the band
     * Queen": a lower-case noun right before a capitalised run that names a firm, group, place, work or
     * show makes the run its name. Persons follow role nouns instead ("collega", "zanger").
     */
    private static boolean thingHead(Tokens t, int i) {
        if (t.kind[i] != WORD || !t.is(i, LOWER) || t.has(i, CUE | TITLE)) {
            return false;
        }
        char[] s = t.chars();
        int e = t.end[i];
        int len = e - t.start[i];
        // Looked up by length and by last letter: no string is made, and only a few entries are compared.
        if (len < THING_WORDS_BY_LENGTH.length) {
            for (String word : THING_WORDS_BY_LENGTH[len]) {
                if (is(s, t, i, word)) {
                    return true;
                }
            }
        }
        char last = Character.toLowerCase(s[e - 1]);
        if (last >= 'a' && last <= 'z') {
            for (String ending : THING_ENDINGS_BY_LAST[last - 'a']) {
                if (len >= ending.length() && endsWith(s, e, ending)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String[][] THING_WORDS_BY_LENGTH = byKey(THING_WORDS.toArray(new String[0]), 16, String::length);
    private static final String[][] THING_ENDINGS_BY_LAST = byKey(THING_ENDINGS, 26, w -> w.charAt(w.length() - 1) - 'a');

    /** {@code words} grouped by {@code key} (0 to {@code keys - 1}; words whose key is out of range are dropped). */
    private static String[][] byKey(String[] words, int keys, java.util.function.ToIntFunction<String> key) {
        String[][] groups = new String[keys][0];
        for (String w : words) {
            int k = key.applyAsInt(w);
            if (k >= 0 && k < keys) {
                groups[k] = java.util.Arrays.copyOf(groups[k], groups[k].length + 1);
                groups[k][groups[k].length - 1] = w;
            }
        }
        return groups;
    }

    /** Whether particles starting at {@code i} lead to a capitalised name word: "van der Berg". */
    private boolean followedByParticlesAndName(Tokens t, int i) {
        int j = i;
        int count = 0;
        while (j < t.n && t.kind[j] != PUNCT && t.has(j, PARTICLE) && count < 3
                && (j == i || !t.is(j, LINE))) {
            j++;
            count++;
        }
        return j < t.n && j > i && !t.is(j, LINE) && t.kind[j] == WORD && t.is(j, CAP)
                && !t.has(j, PARTICLE | ORG | MISC | TITLE) && (t.lex[j] & (PLACE | FIRST | LAST)) != PLACE
                // "van de Gemeentelijke Holding", "van de Gentse beweging": after "van de" an adjective is no
                // family name; but "De Grauwe", "Paul de Grauwe" are.
                && !(count >= 2 && t.is(i, LOWER) && (t.lex[j] & (FIRST | LAST)) == 0 && t.dutch
                && (adjectiveShape(t, j) || demonymShape(t, j)) && j + 1 < t.n && t.kind[j + 1] == WORD
                && !t.is(j + 1, LINE));
    }

    /** Extends a name from {@code i}; returns the token index after it, or -1. */
    private int extend(Tokens t, int i) {
        int j = i;
        int words = 0;
        int lastName = -1;
        int names = 0;
        boolean seenName = false;
        boolean givenSeen = false;
        while (j < t.n && words < MAX_WORDS) {
            if (j > i && t.is(j, LINE)) {
                break;
            }
            byte k = t.kind[j];
            // "Vanessa P. Hertzog": between two names a one-letter abbreviation is an initial, not a page.
            boolean middle = k == ABBR && t.is(j, INITIALS) && t.end[j] - t.start[j] == 2 && !t.has(j, TITLE)
                    && (seenName || letterBeforeName(t, j));
            if (k == ABBR && t.is(j, INITIALS) && (middle || !t.has(j, TITLE | Lexicon.NOT_INITIAL))
                    && (!seenName || (j + 1 < t.n && isNameWord(t, j + 1) && !t.is(j + 1, LINE)))) {
                j++;
                words++;
                continue;
            }
            if (seenName && middleLetter(t, j)) {
                j++;
                words++;
                continue;
            }
            if (seenName && t.caseless && k == WORD && t.end[j] - t.start[j] == 1 && t.punct(j + 1, '.')
                    && !t.is(j + 1, SPACE) && j + 2 < t.n && t.kind[j + 2] == WORD && t.is(j + 2, CAP)
                    && !t.is(j + 2, LINE)) {
                j += 2; // "eric g. samoylova", "hyuuma t. maida" typed without capitals
                words++;
                continue;
            }
            if (regnalNumber(t, j, names) || names == 1 && t.has(j - 1, FIRST) && k == ABBR && t.is(j, INITIALS)
                    && t.end[j] - t.start[j] == 2 && !(j + 1 < t.n && isNameWord(t, j + 1))) {
                // "koning Albert II", "Leopold II"; "Ronny M.", "Hans G.": a given name with a regnal
                // number, or with the initial of a family name withheld.
                lastName = j + 1;
                break;
            }
            // "Alain Devos De Previa kreeg": after a given name and a family name, a capitalised particle
            // starts the next sentence (a byline); "Anna Maria De Smet" keeps it.
            // But "Dominique Monami-Van Roost": glued by a hyphen, it starts the second half of a double name.
            boolean bylineEnd = names >= 2 && givenSeen && t.is(j, CAP) && !t.has(j - 1, FIRST) && t.kind[j - 1] == WORD;
            if (k == WORD && t.has(j, PARTICLE) && followedByParticlesAndName(t, j) && !bylineEnd
                    && (!t.is(j, CAP) || j == i || leadingParticle(t, j)) && !vanAfterNonGivenName(t, i, j)) {
                j++;
                words++;
                continue;
            }
            if (isNameWord(t, j)) {
                // "Bart Steenhaut De gitarist", "Ruben Mooijman China", "Tony Landuyt Integendeel": after a
                // full name, a capitalised article, place or ordinary word starts the next sentence (a byline).
                if (names >= 2 && (t.has(j, PLACE) || (t.lex[j] & (FIRST | LAST)) == 0 && t.has(j, Lexicon.DICT)
                        && (t.lex[j - 1] & (FIRST | LAST)) == LAST || t.has(j, PARTICLE) && !followedByParticlesAndName(t, j))) {
                    break;
                }
                // "Valerie Hardie Voorstanders noemen": after a given name and a family name, an unknown
                // capitalised word starts something else.
                if (names >= 2 && givenSeen && !t.has(j - 1, FIRST) && (t.lex[j] & (FIRST | LAST)) == 0
                        && t.kind[j - 1] == WORD && !(t.punct(j - 2, '-') && !t.is(j - 1, SPACE))) {
                    break;
                }
                // "Robert Melders Alleen zwaargewicht", "Paul Geerts In de zomer": after a given name and a
                // family name, a sentence-initial ordinary word starts the next sentence, even if some list
                // also has it as a name.
                if (names >= 2 && givenSeen && t.has(j, COMMON) && !t.has(j - 1, FIRST) && t.kind[j - 1] == WORD
                        && (!t.has(j, LAST) || t.has(j, FUNCTION_WORD))) {
                    break; // but "Maria Jansen Bakker", "Emma Watson Brown": a family name that is also a word
                }
                // "Agnes Goyvaerts Een ...", "Bart Eeckhout Ook": an ordinary word after a name starts a new
                // sentence or heading (joined lines, bylines), it does not continue the name.
                if (names >= 1 && (t.lex[j] & (COMMON | MISC)) != 0 && !hyphenedToGivenName(t, j)
                        && ((t.lex[j] & (FIRST | LAST)) == 0
                        || names >= 2 && (t.lex[j] & FIRST) == 0 && t.kind[j - 1] == WORD && !t.has(j - 1, FIRST)
                        && !(givenSeen && t.has(j, LAST) && !t.has(j, FUNCTION_WORD)))) {
                    break; // but "Maria Jansen Bakker", "Emma Watson Brown": a family name that is also a word
                }
                // "Felicien Vervaecke Joop Zoetemelk", "Dierckxsens Jean-Marie Leblanc": after a family name,
                // a given name followed by another name starts the next person.
                if (names >= 1 && t.kind[j - 1] == WORD && !t.has(j - 1, FIRST | PARTICLE) && t.has(j, FIRST)
                        && !t.has(j, COMMON) && (!t.has(j, LAST) || names >= 2 && t.has(i, FIRST))
                        && j + 1 < t.n && !t.is(j + 1, LINE) && isNameWord(t, j + 1)) {
                    break;
                }
                givenSeen |= t.has(j, FIRST) && !t.has(j, COMMON);
                j++;
                words++;
                names++;
                seenName = true;
                lastName = j;
                // "Jansen-de Vries", "Peter-Jan": a hyphen glued on both sides keeps the name going.
                if (j + 1 < t.n && t.punct(j, '-') && !t.is(j, SPACE) && !t.is(j + 1, SPACE)
                        && t.kind[j + 1] == WORD) {
                    j++;
                }
                continue;
            }
            break;
        }
        return lastName;
    }

    private static boolean endsOnName(Tokens t, int first, int end) {
        int last = end - 1;
        if (last > first && (t.kind[last - 1] == WORD && romanNumeral(t, last)
                || t.has(last - 1, FIRST) && t.kind[last] == ABBR && t.is(last, INITIALS))) {
            return true; // "Albert II", "Benedictus XII" (as extend found them), "Ronny M."
        }
        return t.kind[last] == WORD && t.is(last, CAP);
    }

    private double score(Tokens t, int first, int end, boolean headerLine, int lastPersonEnd) {
        int nInit = 0;
        int nName = 0;
        int nParticle = 0;
        int firstName = -1;
        int lastWord = end - 1;
        if (lastWord > first && t.kind[lastWord - 1] == WORD && romanNumeral(t, lastWord)) {
            lastWord--; // "Benedictus XII": the number tells nothing of the name
        }
        int unionFlags = 0;
        for (int j = first; j <= lastWord; j++) {
            if (t.kind[j] == ABBR || (t.kind[j] == WORD && t.end[j] - t.start[j] == 1)) {
                nInit++;
            } else if (t.kind[j] == WORD && t.has(j, PARTICLE) && !isNameWord(t, j)) {
                nParticle++;
            } else if (t.kind[j] == WORD) {
                nName++;
                unionFlags |= t.lex[j];
                if (firstName < 0) {
                    firstName = j;
                }
            }
        }
        if (firstName < 0) {
            return 0; // "Belga De I", "Hoofdstuk van de V": particles and a numeral name nobody
        }
        boolean sent = t.is(first, SENT);
        boolean quoted = quoted(t, first, end);
        boolean mention = t.punct(first - 1, '@') && !t.is(first, SPACE) && mentionsSomeone(t, first, end, nName, firstName);
        int prev = prevWord(t, first);
        int next = end < t.n ? end : -1;

        // Not a person: eponymous diseases, organisations, streets, country codes.
        if (prev >= 0 && (t.has(prev, DISEASE) || (t.has(prev, PARTICLE) && t.has(prevWord(t, prev), DISEASE)))) {
            return 0;
        }
        if (next >= 0 && (t.has(next, DISEASE) || (t.punct(next, '\'') && t.has(next + 2, DISEASE)))) {
            return 0;
        }
        boolean titled = prev >= 0 && prev == first - 1 && t.has(prev, TITLE);
        if (!titled && first > 0 && t.kind[first - 1] == Tokens.NUM && !t.is(first, LINE) && next >= 0
                && !t.is(next, LINE) && (t.kind[next] == Tokens.NUM || t.has(next, ORG))) {
            return 0; // "5551 Tjalling Harkeswei 125", "594 Hegedûs Gyula utca 76": a street between numbers
        }
        if (next >= 0 && t.has(next, ORG) && !titled && !(nName >= 2 && t.has(firstName, FIRST))) {
            return 0; // "Bakker Logistiek BV", "Bond Street"; but "Mrs. Barbara Yudina Apt. 675" is a person
        }
        if (nName == 1 && nInit == 0 && t.has(firstName, EPONYM) && !(prev >= 0 && t.has(prev, TITLE))
                && !coordinated(t, lastPersonEnd, first)) {
            return 0; // "Parkinson", but not "Monjeau, Graves and Reed"
        }
        if (prev >= 0 && t.kind[prev] == WORD && t.is(prev, CAP) && t.has(prev, ORG) && prev == first - 1) {
            return 0;
        }
        if (nName == 1 && end - first == 1 && t.punct(first - 1, '(') && countryCode(t, first)) {
            return 0;
        }
        if (first >= 3 && t.punct(first - 1, '/') && t.punct(first - 3, '(') && countryCode(t, first - 2)) {
            return 0; // "Garzelli ( Ita / Mercatone Uno )", "Orsanic / Vis ( Arg / Ned )": a team or second country
        }
        // Places and streets in addresses. Never after a title, cue word, greeting or header ("Patiënt:
        // Chukwuemeka Obi, Texas 75001", "Meneer Vanderkerk"), and never a given name with more after it
        // ("PO Box 123, John Smith will collect", "Dirk Hoogkerk"): a person is worth more than a place.
        boolean introduced = titled || prev >= 0 && (t.has(prev, CUE | GREETING) || nameIntro(t, prev)
                || t.has(prev, HEADER) && t.punct(prev + 1, ':')) || headerLine; // "To:", not "moved to"
        boolean givenAndMore = nName >= 2 && (t.lex[firstName] & (FIRST | PLACE)) == FIRST;
        if (!introduced && !givenAndMore && !t.is(first, LINE) && (t.lex[firstName] & (FIRST | PLACE)) != FIRST
                && afterUnitNumber(t, first)) {
            return 0; // "Suite 632 Črni Vrh", "Apt. 267, Lascano": what follows a unit number is a place
        }
        if (!introduced && !givenAndMore && placeTail(t, end)) {
            return 0; // "Lascano, Uruguay 80694", "Hellendoorn, OV 21072": a place before its country or code
        }
        if (!introduced && t.kind[lastWord] == WORD && (t.lex[lastWord] & (FIRST | LAST)) == 0
                && streetShape(t, lastWord, givenAndMore)) {
            return 0; // "C. Beerninckstraat", "Hersnapvej 75": a street named after someone is a street
        }
        if (!introduced && arrivedAt(t, first) && (t.lex[firstName] & (FIRST | LAST)) == 0
                && !t.has(first, PARTICLE) && !possessive(t, end)) {
            return 0; // "arrived at Khandallah", "moved here from Kenosha", "verhuisde naar Hasselt"
        }
        if (nName == 1 && nInit == 0 && (t.lex[firstName] & (PLACE | FIRST | LAST)) == PLACE
                && !(prev >= 0 && t.has(prev, TITLE))) {
            return 0;
        }

        double context = 0;
        if (prev >= 0 && prev == first - 1 && t.has(prev, TITLE)) {
            context = 0.95;
        } else if (prev >= 0 && t.has(prev, CUE) && prevIsAdjacent(t, prev, first) && !label(t, prev)) {
            context = 0.9;
        } else if (prev >= 0 && t.has(prev, GREETING) && (prev == first - 1 || prev == first - 2)) {
            context = 0.9;
        } else if (prev >= 0 && prev == first - 1 && nameIntro(t, prev)) {
            context = 0.9;
        } else if (headerLine && !(nName == 1 && nInit == 0 && t.has(firstName, PLACE))) {
            context = 0.85;
        } else if (mention) {
            context = 0.9; // "@Jan de Vries kun je kijken?", "Thanks @Garzelli": a mention addresses someone
        } else if (quoted && introducedBeforeQuote(t, first)) {
            context = 0.9; // "Mijn collega 'Piet Jansen'", "Beste \"Anouk\"": the quotes do not hide the cue
        }

        if (context > 0 && nName == 1 && nInit == 0 && nParticle == 0 && context < 0.95
                && (t.lex[firstName] & (COMMON | MISC | Lexicon.DICT)) != 0 && (t.lex[firstName] & FIRST) == 0
                && ((t.lex[firstName] & LAST) == 0 || t.has(firstName, COMMON) && !mention)) {
            // "auteur Verder blijkt", "collega Op", "auteur Maar als": a cue before an ordinary word (even
            // one that is a family name somewhere) names nobody. But "@Bakker" is someone's handle.
            context = 0;
        }
        if (context > 0 && context < 0.95 && nName == 1 && nInit == 0 && nParticle == 0 && end - first == 1
                && t.has(firstName, Lexicon.LOCATIVE | Lexicon.DUTCH | Lexicon.ENGLISH) && t.has(firstName, Lexicon.DICT)
                && next >= 0 && t.kind[next] == WORD && t.is(next, LOWER)) {
            // "auteur In een mededeling", "auteur In beide steden": a preposition or other function word
            // that starts the next sentence, even one that is a given name somewhere.
            context = 0;
        }
        if (context > 0 && context < 0.95 && nName == 1 && nInit == 0 && nParticle == 0
                && (t.lex[firstName] & (FIRST | LAST)) == 0 && wordShape(t, firstName)
                && !endsWith(t.chars(), t.end[firstName], "ly")) { // but "Vader Whately"
            context = 0; // "auteur Kleuterleidsters mogen", "auteur Oorspronkelijk was": too long for the word list
        }

        if (context == 0 && t.dutch && end - first >= 3 && t.kind[first] == WORD && t.punct(first + 1, '-')
                && !t.is(first + 1, SPACE) && is(t.chars(), t, first, "sint")) {
            return 0; // "Sint-Michiels", "Sint-Pieters-Kapelle", "Sint-Agatha-Berchem": a town or parish
        }
        if (context == 0 && t.dutch && frenchArticleLed(t, first, end)) {
            return 0; // "Les Bleus", "Le Bourget", "La Grande Boucle": a team, place or event
        }
        if (context == 0 && t.dutch && end - first == 1 && t.kind[first] == WORD && t.has(first, PARTICLE)
                && t.has(first, Lexicon.DUTCH) && next >= 0 && t.kind[next] == WORD && t.is(next, LOWER)) {
            return 0; // "Van onze medewerker", "Van enig financiële stimulans": the preposition, a sentence start
        }
        if (context == 0 && t.dutch && end - first == 1 && t.kind[first] == WORD && t.has(first, Lexicon.DUTCH)
                && t.has(first, Lexicon.DICT) && (t.lex[first] & (FIRST | PARTICLE)) == 0) {
            return 0; // "publicatie Maar volgens Hoverspeed", "publicatie Wel vindt": a function word, capitalised
        }
        double base;
        int ff = t.lex[firstName];
        int lf = t.lex[lastWord];
        // "Douglas De Coninck", "Georgia Jansen": a given name that is also a place, before a known family name.
        boolean givenFirst = (ff & FIRST) != 0 && ((ff & PLACE) == 0 || (lf & (LAST | PLACE)) == LAST && nName >= 2)
                && ((ff & MISC) == 0 || (lf & LAST) != 0 || (lf == 0 && surnameShape(t, lastWord))
                        || dutchGivenName(t, firstName, lastWord));
        if (nInit > 0 && nName >= 1) {
            base = (lf & PLACE) != 0 && (lf & LAST) == 0 ? 0.6 : 0.9;
        } else if (nName >= 2) {
            boolean lastFam = ((lf & LAST) != 0 || (lf == 0 && t.dutch && surnameShape(t, lastWord)))
                    && (lf & (COMMON | PLACE)) == 0;
            boolean leading = t.kind[first] == WORD && t.has(first, PARTICLE) && t.is(first, CAP);
            // "Zwarte Woud", "Hoge Raad", "Franse Dordogne"; but "Sybille Decoo" is a person.
            boolean adjective = t.dutch && (ff & (FIRST | LAST)) == 0 && adjectiveShape(t, firstName)
                    && ((ff & Lexicon.DICT) != 0 || (lf & (Lexicon.DICT | PLACE)) != 0 || demonymShape(t, firstName))
                    // "het Zuid-Franse Millau", "het Franse Degremont": an adjective of origin, even one
                    // that is a family name somewhere, before a place or firm.
                    || t.dutch && (ff & FIRST) == 0 && demonymShape(t, firstName)
                    // "Broederlijk Delen", "Natuurwandeling Bijen": an ordinary derivation no list holds.
                    || (ff & (FIRST | LAST)) == 0 && wordShape(t, firstName) && !endsWith(t.chars(), t.end[firstName], "ly");
            if (givenFirst && ((ff & COMMON) == 0 || lastFam)) {
                base = 0.9;
            } else if (nName == 2 && nParticle == 0 && (ff & (FIRST | COMMON | PLACE)) == (FIRST | COMMON) && !sent
                    && lf == 0 && t.kind[lastWord] == WORD && !wordShape(t, lastWord) && !brandShape(t, lastWord)
                    && (t.dutch && surnameShape(t, lastWord) || foreignLetters(t, lastWord, lastWord + 1)
                    || nameLike(t, lastWord) > HI)) {
                // "van Mark Uytterhoeven", "met Ben Sidran": mid-sentence, a given name that is also a word
                // (mark, ben) before an unknown word that looks like a family name.
                base = 0.7;
            } else if (leading) {
                // "De Koude Oorlog", "De Grote Carrousel": a capitalised article before several words is a title.
                base = 0.35;
            } else if (adjective || (unionFlags & (PLACE | COMMON | MISC)) != 0
                    || (ff & (FIRST | LAST | Lexicon.DICT)) == Lexicon.DICT && (lf & Lexicon.DICT) != 0) {
                base = 0.3; // "Zwarte Woud", "Franse Dordogne", "Tower Bridge", "Cockle Bay"
            } else if (nParticle > 0) {
                // "Gonzales de Galdeano" names a person; "Kaart van Burgerlijke Verdienste" does not.
                base = lastFam ? 0.75 : 0.35;
            } else if (lastFam || (unionFlags & FIRST) != 0) {
                base = 0.7;
            } else if ((unionFlags & LAST) != 0) {
                // "Deep Purple", "Rode Duivels", "Katoen Natie": a family name before an ordinary word that
                // no list has as a name is a band, team or firm more often than a person.
                base = (lf & (FIRST | LAST | Lexicon.DICT)) == Lexicon.DICT && (ff & FIRST) == 0 ? 0.3 : 0.5;
            } else {
                // Two unknown capitalised words: as often a title, place or company as a person, unless
                // neither is an ordinary word ("Slobodan Milosevic", "Chuan Leekpai").
                base = (unionFlags & Lexicon.DICT) == 0 ? 0.55 : 0.45;
            }
        } else if (nParticle > 0) {
            // "Van Dijk", "De Smet", "Vanden Bossche", "de Vries" after a title.
            boolean fam = (lf & LAST) != 0 && (lf & COMMON) == 0;
            boolean word = (lf & (COMMON | MISC)) != 0 && (lf & (FIRST | LAST)) == 0
                    || t.dutch && (lf & (FIRST | LAST)) == 0 && (adjectiveShape(t, lastWord) || demonymShape(t, lastWord))
                    || t.dutch && (lf & FIRST) == 0 && demonymShape(t, lastWord) && next >= 0 && t.kind[next] == WORD
                    && t.is(next, LOWER) && !t.has(next, Lexicon.VERB | SAID); // "De Franse ambassadeur"
            // "De Morgen", "De Tour": an article before an ordinary word is a title or a name of a thing.
            base = word ? 0.3 : sent ? (fam ? 0.6 : 0.3) : (fam ? 0.85 : 0.6);
            if (nParticle == 1 && lastWord == first + 1 && titledThing(t, first)) {
                return 0; // "De Morgen", "Het Nieuwsblad", "De Lijn": a newspaper or a body, also after a cue
            }
        } else {
            base = single(t, firstName, sent, prev, next);
        }
        if (base > 0 && base < 0.75 && (unionFlags & FIRST) == 0) {
            // "in Addis Abeba", "naar Aalst", "224 Bond Street": places and addresses, not people.
            if (prev >= 0 && prev == first - 1 && t.has(prev, Lexicon.LOCATIVE) && (unionFlags & LAST) == 0) {
                base -= 0.2;
            } else if (first > 0 && t.kind[first - 1] == Tokens.NUM && !t.is(first, LINE)) {
                base -= 0.2;
            } else if (next >= 0 && t.kind[next] == Tokens.NUM && !t.is(next, LINE) && !t.punct(next - 1, ',')) {
                base -= 0.2; // "Eyrarodda 66", "Pod Floriánem 1677": a street and house number
            } else if (prev >= 0 && prev == first - 1 && article(t, prev) && !attributive(t, end)) {
                base -= 0.2; // "the Asc Partners Orchestra", "het Vrije Leven"
            }
        }
        if (base > 0 && base < 0.8 && next >= 0 && t.punct(next, '(') && countryCode(t, next + 1)) {
            base = 0.8; // "Antonin Magne ( Fra )": a result list
        }
        if (base >= 0.4 && base < 0.6 && nName >= 2 && (unionFlags & (PLACE | COMMON | MISC)) == 0
                && foreignLetters(t, first, end)) {
            base += 0.15; // "Hafþór Smárason", "Esat Jeknić": letters Dutch and English words do not use
        }
        if (base > 0 && base < 0.75 && !t.dutch && possessive(t, end)) {
            base += 0.15; // "Szczepańska's killers": English possessive on a capitalised run
        }
        if (t.caseless && context == 0) {
            // Without capitals only a given name followed by a family name is good evidence; two family
            // names that are also ordinary words are ordinary words ("credit card", "people call").
            boolean pair = nName >= 2 && ((ff & FIRST) != 0 || (ff & (LAST | Lexicon.DICT)) == LAST)
                    && (lf & LAST) != 0; // "aksel kristensen"
            base = pair ? 0.7 : Math.min(base, 0.3);
        }
        if (context == 0 && nName == 1 && nInit == 0 && nParticle == 0 && (ff & (FIRST | LAST)) == LAST && first > 0
                && t.punct(first - 1, '&') && first > 1 && t.kind[first - 2] == WORD && t.is(first - 2, CAP)) {
            base = Math.min(base, 0.45); // "Coopers & Lybrand", "Hill & Knowlton": a firm
        }
        if (context == 0 && !t.dutch && (ff & FIRST) == 0 && prev >= 0 && prev == first - 1
                && (is(t.chars(), t, prev, "became") || is(t.chars(), t, prev, "becomes"))) {
            base = Math.min(base, 0.45); // "which later became Zillow in 2014": a firm's new name
        }
        if (context == 0 && first == lastPersonEnd && nName == 1 && t.kind[first] == WORD && t.is(first, CAP)
                && t.has(first, PARTICLE) && (lf & LAST) == 0) { // but "Ingrid Jansen Van Der Linden"
            base = Math.min(base, 0.45); // "Alain Devos De Previa kreeg": the byline ended, a sentence starts
        }
        if (context == 0 && nName >= 2 && prev >= 0 && prev == first - 1 && is(t.chars(), t, prev, "the")
                && allDictionaryWords(t, first, end)) {
            base = Math.min(base, 0.3); // "The Princess Royal", "the Rose Garden": a title or a thing
        }
        if (context == 0 && !t.dutch && firmOfSurnames(t, first, end, nName, nInit, ff)) {
            base = Math.min(base, 0.3); // "at Jones, Mitchell and Williams", "for Ellis-Ingram": a firm
        }
        double score = context > 0 ? Math.max(context, base) : base;
        if (next >= 0 && t.punct(next, '-') && !t.is(next, SPACE) && next + 1 < t.n && t.is(next + 1, LOWER)
                && !t.is(next + 1, SPACE) && t.lex[next + 1] != 0
                && ((t.lex[next + 1] & (FIRST | LAST)) == 0 || t.has(next + 1, Lexicon.DICT))) {
            // "James Bond-films", "Clinton-adviseur": a name inside a compound; but "Hauta-aho" is a name.
            score = Math.min(score, 0.45);
        }
        if (context == 0 && nName == 1 && nInit == 0 && next >= 0 && t.kind[next] == Tokens.NUM && !t.is(next, LINE)
                && t.is(next, SPACE) && t.end[next] - t.start[next] <= 4 && Character.isDigit(t.chars()[t.start[next]])) {
            score = Math.min(score, 0.45); // "Radio 1", "Anno 2000", "Ned 3": a channel, product or year, not a person
        }
        if (context == 0 && nName == 1 && nInit == 0 && nParticle == 0 && (ff & FIRST) == 0
                && (coordinatedPlace(t, first - 2, first - 1) || coordinatedPlace(t, end + 1, end))) {
            score = Math.min(score, 0.45); // "tussen Genua en Brescia", "Rwanda en Oeganda": a place among places
        }
        if (context == 0 && prev >= 0 && prev == first - 1 && thingHead(t, prev)) {
            score = Math.min(score, 0.45); // "het bedrijf Bauduin-Cambier", "zakenbank Morgan Stanley", "the band Queen"
        }
        if (quoted && context == 0 && (quotedSeries(t, first, end) && !jsonString(t, first, end) || !(givenFirst && (ff & (COMMON | PLACE | MISC)) == 0
                && nName >= 2 && (lf & LAST) != 0 && (lf & (PLACE | MISC)) == 0))) {
            // "' Junglebook '", "' La Traviata '", "Tube Snake Boogie": a title in quotes. But a given name
            // and a family name are a person in quotes too (met "Jan de Vries", “Emma Johnson”), unless
            // they are one of a series of quoted titles: roses "' Leander ' , ' Constance Spry ' of ' Kiftsgate '".
            score = Math.min(score, 0.45);
        }
        if (score > 0 && score < 0.6 && lastPersonEnd >= 0 && coordinated(t, lastPersonEnd, first)) {
            score = 0.6;
        }
        return Math.min(score, 0.99);
    }

    private double single(Tokens t, int w, boolean sent, int prev, int next) {
        int f = t.lex[w];
        if (t.dutch && (f & (Lexicon.DICT | FIRST | LAST)) == (Lexicon.DICT | LAST)) {
            f |= COMMON; // "Baan", "Laken", "Morgen": a family name somewhere, an ordinary word here first
        }
        if (contraction(t, w)) {
            return 0; // "Don't", "Won't"
        }
        if (w > 0 && t.kind[w - 1] == WORD && t.is(w - 1, CAP) && t.has(w - 1, MISC | ORG)) {
            return 0; // "Vlaams Blok", "Universiteit Gent": the capitalised word before makes it a name of a thing
        }
        boolean known = (f & (FIRST | LAST)) != 0;
        boolean said = (next >= 0 && t.has(next, SAID)) || (prev >= 0 && t.has(prev, SAID) && prev == w - 1);
        // "Bové werd", "zou Elián": subject before or right after a finite verb.
        boolean verb = (next == w + 1 && t.has(next, Lexicon.VERB)) || (prev == w - 1 && t.has(prev, Lexicon.VERB))
                || (t.dutch && prev == w - 1 && pastTense(t, prev));
        boolean country = next >= 0 && t.punct(next, '(') && countryCode(t, next + 1);
        // Dialogue and address: "Alice: Who are you?", "Bryce, can I ...".
        boolean vocative = sent && next >= 0 && (t.punct(next, ':') || t.punct(next, ','));
        if ((f & PLACE) != 0) {
            return 0;
        }
        if ((f & FIRST) != 0 && t.punct(w - 1, ',') && next == w + 1
                && (t.punct(next, '!') || t.punct(next, '?') || t.punct(next, '.'))) {
            return 0.7; // "Don't go to town, Mark!": a given name addressed at the end (not "Tbilisi, Georgia.")
        }
        if (t.dutch && (f & FIRST) == 0 && !said && next == w + 1 && t.kind[next] == WORD && t.is(next, LOWER)
                && !t.has(next, Lexicon.VERB | PARTICLE) && demonymShape(t, w)) {
            return 0; // "Franse ambassadeur", "Engelse club": an adjective of origin before its noun
        }
        if ((f & (COMMON | MISC)) != 0 && (f & (FIRST | LAST)) == 0) {
            return 0;
        }
        if (sent) {
            if ((f & Lexicon.DICT) != 0 && !known) {
                return 0; // "Integendeel", "Scherpschutter" at a sentence start: an ordinary word
            }
            if (known && (f & COMMON) == 0) {
                return said || country || vocative ? 0.7 : ((f & FIRST) != 0 || verb ? 0.55 : 0.4);
            }
            if ((f & COMMON) != 0) {
                return country ? 0.6 : said ? 0.4 : 0; // "6 . Frigo ( Ita )": a result line
            }
            if (demonymShape(t, w) || wordShape(t, w)) {
                return 0;
            }
            if ((t.dutch && surnameShape(t, w)) || foreignLetters(t, w, w + 1)) {
                return said || verb || country ? 0.55 : 0.3;
            }
            boolean afterNumber = w >= 2 && t.punct(w - 1, '.') && t.kind[w - 2] == Tokens.NUM;
            if (nameLike(t, w) > HI && !afterNumber) { // not "Király u. 15. Lyss, 50662": an address
                // "Ramotti is een van de weinige ouders", "Tomomi is from Hawkins", "Warrane, can I";
                // weakly otherwise, so "Usamov and Bowers were" can still join it to the next name.
                return verb || vocative || said || country ? 0.5 : 0.3;
            }
            return said || country ? 0.5 : verb ? 0.45 : 0;
        }
        if (!known && (f & Lexicon.DICT) != 0 && t.dutch) {
            // "Jongeren is", "van Verkeer": Dutch capitalises no common noun mid-sentence, but a heading,
            // a ministry or a title does; an ordinary word alone is weak evidence of a person.
            return said || country ? 0.5 : 0.4;
        }
        if (known) {
            if ((f & COMMON) != 0) {
                return said || country ? 0.6 : 0.45;
            }
            if (said || country) {
                return 0.8;
            }
            return (f & FIRST) != 0 ? 0.7 : 0.6;
        }
        if (said || country) {
            return 0.7;
        }
        if (demonymShape(t, w) || wordShape(t, w)) {
            return 0;
        }
        double like = nameLike(t, w);
        if ((t.dutch && surnameShape(t, w)) || foreignLetters(t, w, w + 1)) {
            return like < LO ? 0.45 : verb ? 0.6 : 0.55; // Vandenbroucke, Merckx, Barragán
        }
        // "bij Garzelli", "van Tonkov" look like names; "van Invensys", "naar Brescia" do not.
        return like > HI ? (verb ? 0.6 : 0.55) : like < LO ? 0.35 : verb ? 0.55 : 0.4;
    }

    private double nameLike(Tokens t, int w) {
        return brandShape(t, w) ? -1 : likeness.score(t.text(), t.start[w], t.end[w]);
    }

    /**
     * "PostNL", "ChatGPT", "LinkedIn", "QuizPeople": a capital after a lower-case letter inside the word
     * marks a brand; names have one only after a prefix (McDonald, MacArthur, DeVries, LeBlanc, DiCaprio).
     */
    private static boolean brandShape(Tokens t, int w) {
        char[] s = t.chars();
        int a = t.start[w];
        for (int i = a + 1; i < t.end[w]; i++) {
            if (Character.isUpperCase(s[i]) && Character.isLowerCase(s[i - 1])) {
                int prefix = i - a;
                boolean namePrefix = prefix == 2 && (startsWith(s, a, t.end[w], "mc") || startsWith(s, a, t.end[w], "de")
                        || startsWith(s, a, t.end[w], "di") || startsWith(s, a, t.end[w], "le") || startsWith(s, a, t.end[w], "la")
                        || startsWith(s, a, t.end[w], "da") || startsWith(s, a, t.end[w], "du"))
                        || prefix == 3 && (startsWith(s, a, t.end[w], "mac") || startsWith(s, a, t.end[w], "van"))
                        || prefix >= 5 && startsWith(s, a, t.end[w], "vander");
                if (!namePrefix) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "stelde Cortebeeck", "vernietigde Bové", "verwerkte Cellarius": a Dutch weak past tense (-de, -te)
     * right before a capitalised word puts the subject after the verb. Not after an article or possessive,
     * where the same ending is an inflected adjective ("de oude Bové").
     */
    private static boolean pastTense(Tokens t, int v) {
        if (v < 0 || t.kind[v] != WORD || !t.is(v, LOWER) || t.lex[v] != 0 && !t.has(v, Lexicon.VERB)) {
            return false;
        }
        char[] s = t.chars();
        int e = t.end[v];
        if (e - t.start[v] < 5 || !(endsWith(s, e, "de") || endsWith(s, e, "te"))) {
            return false;
        }
        int before = v - 1;
        return before < 0 || t.kind[before] != WORD || !(article(t, before) || t.has(before, COMMON));
    }

    /**
     * ". auteur Tien jaar geleden", ". auteur Glaverbel kende": a cue word that starts a sentence in lower
     * case, in text that otherwise has capitals, is a field label of a news item or form, and the
     * capitalised word after it starts the text, not a name. "Collega Jan" at a sentence start is capitalised.
     */
    private static boolean label(Tokens t, int cue) {
        return t.is(cue, SENT) && t.is(cue, LOWER) && !t.caseless && cue > 0;
    }

    /** "my name is Jan", "call me Tom", "ik heet Anouk", "naam: Pieter". */
    private static boolean nameIntro(Tokens t, int prev) {
        int before = prev - 1;
        if (before < 0 || t.kind[before] != WORD) {
            return false;
        }
        char[] s = t.chars();
        return (is(s, t, prev, "is") && (is(s, t, before, "name") || is(s, t, before, "naam")))
                || (is(s, t, prev, "me") && (is(s, t, before, "call") || is(s, t, before, "calls")
                || is(s, t, before, "noem") || is(s, t, before, "noemt") || is(s, t, before, "noemen")));
    }

    private static boolean is(char[] s, Tokens t, int i, String lower) {
        int a = t.start[i];
        if (t.end[i] - a != lower.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (Character.toLowerCase(s[a + k]) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean article(Tokens t, int i) {
        char[] s = t.chars();
        return is(s, t, i, "the") || is(s, t, i, "a") || is(s, t, i, "an") || is(s, t, i, "de")
                || is(s, t, i, "het") || is(s, t, i, "een") || is(s, t, i, "this") || is(s, t, i, "deze");
    }

    /** Words that follow an annotation in pasted code: "@Test void works()", "@Autowired private Service". */
    private static final Set<String> CODE_WORDS = Set.of("public", "private", "protected", "static", "final",
            "void", "class", "interface", "abstract", "default", "fun", "val", "var", "def", "async");

    /**
     * Whether "@" before {@code [first, end)} addresses a person ("@Jan de Vries", "@Bakker kun je
     * kijken?") rather than marks code or a brand: not an annotation ("@Test void", "@SuppressWarnings(",
     * "@Bean" alone on its line), not a CamelCase word, and a lone word only if a list holds it as a name.
     */
    private static boolean mentionsSomeone(Tokens t, int first, int end, int nName, int firstName) {
        if (brandShape(t, first) || end < t.n && t.punct(end, '(') && !t.is(end, SPACE)) {
            return false;
        }
        if (end < t.n && t.kind[end] == WORD && CODE_WORDS.contains(t.text().subSequence(t.start[end], t.end[end]).toString())) {
            return false;
        }
        if (nName >= 2) {
            return true;
        }
        boolean aloneOnItsLine = (end >= t.n || t.is(end, LINE)) && (first < 2 || t.is(first - 1, LINE));
        return !aloneOnItsLine && (t.lex[firstName] & (FIRST | LAST)) != 0;
    }

    /** "collega 'Piet Jansen'", "Beste \"Anouk\"": a title, cue or greeting right before the opening quote. */
    private static boolean introducedBeforeQuote(Tokens t, int first) {
        int q = prevWord(t, first - 1);
        return q >= 0 && (t.has(q, TITLE | CUE | GREETING) && prevIsAdjacent(t, q, first - 1)
                || q == first - 2 && nameIntro(t, q));
    }

    /** Whether the quoted span {@code [first, end)} has another quoted item right before or after it, joined by a comma, and or or. */
    private static boolean quotedSeries(Tokens t, int first, int end) {
        int close = end;
        boolean after = close + 2 < t.n && (t.punct(close + 1, ',') || joiner(t, close + 1))
                && isQuote(t, close + 2);
        boolean before = first >= 3 && (t.punct(first - 2, ',') || joiner(t, first - 2)) && isQuote(t, first - 3);
        return after || before;
    }

    /**
     * Whether the quoted span {@code [first, end)} is a JSON string: inside a bracket or brace that is
     * still open (on any line above too: pretty-printed JSON), quoted with {@code "} or {@code '} (Python
     * prints its lists that way), and its closing quote followed by {@code , ] } :} or nothing. A series
     * of those ({@code {"name": "Jan de Vries", "email": ...}}, {@code ["Jan de Vries", "Piet Jansen"]}) is
     * data pasted into a prompt, not a series of quoted titles ({@code songs [1] are "Penny Lane",
     * "Eleanor Rigby" and ...} stays one: its bracket is closed).
     */
    private static boolean jsonString(Tokens t, int first, int end) {
        char[] s = t.chars();
        char open = s[t.start[first - 1]];
        if (open != '"' && open != '\'') {
            return false;
        }
        if (end + 1 < t.n) {
            char after = s[t.start[end + 1]];
            if (t.kind[end + 1] != PUNCT || after != ',' && after != ']' && after != '}' && after != ':') {
                return false;
            }
        }
        return t.insideBrackets(first - 1);
    }

    /** and, en, or, of: a word that joins the items of a series. */
    private static boolean joiner(Tokens t, int i) {
        char[] s = t.chars();
        return t.kind[i] == WORD && (is(s, t, i, "and") || is(s, t, i, "en") || is(s, t, i, "or") || is(s, t, i, "of"));
    }

    private static boolean isQuote(Tokens t, int i) {
        if (t.kind[i] != PUNCT) {
            return false;
        }
        char c = t.chars()[t.start[i]];
        return "'\"\u2018\u2019\u201C\u201D\u201E\u00AB\u00BB".indexOf(c) >= 0;
    }

    private static boolean quoted(Tokens t, int first, int end) {
        if (first == 0 || end >= t.n || t.kind[first - 1] != PUNCT || t.kind[end] != PUNCT) {
            return false;
        }
        char open = t.chars()[t.start[first - 1]];
        char close = t.chars()[t.start[end]];
        return (open == '\'' || open == '"' || open == '\u2018' || open == '\u201C' || open == '\u00AB' || open == '\u201E')
                && (close == '\'' || close == '"' || close == '\u2019' || close == '\u201D' || close == '\u00BB');
    }

    private static boolean contraction(Tokens t, int w) {
        char[] s = t.chars();
        int e = t.end[w];
        return e + 1 < t.length() && (s[e] == '\'' || s[e] == '\u2019') && s[e + 1] == 't'
                && s[e - 1] == 'n';
    }

    /** An English possessive right after the span: {@code 's} or {@code ’s}. */
    private static boolean possessive(Tokens t, int end) {
        return end + 1 < t.n && (t.punct(end, '\'') || t.punct(end, '\u2019')) && !t.is(end, SPACE)
                && t.kind[end + 1] == WORD && t.end[end + 1] - t.start[end + 1] == 1
                && t.chars()[t.start[end + 1]] == 's';
    }

    /** Whether {@code first} follows a number (and maybe a comma) after an address word: Suite, Apt., Box. */
    private static boolean afterUnitNumber(Tokens t, int first) {
        int k = first - 1;
        if (k >= 0 && t.punct(k, ',')) {
            k--;
        }
        if (k < 1 || t.kind[k] != Tokens.NUM) {
            return false;
        }
        int w = k - 1;
        if (w >= 0 && t.punct(w, '.') && w > 0) {
            w--; // "Apt. 608"
        }
        if (w < 0 || !(t.kind[w] == WORD || t.kind[w] == ABBR) || !t.is(w, CAP)) {
            return false;
        }
        char[] s = t.chars();
        return is(s, t, w, "suite") || is(s, t, w, "apt") || is(s, t, w, "apt.") || is(s, t, w, "box")
                || is(s, t, w, "psc") || is(s, t, w, "unit") || is(s, t, w, "flat") || is(s, t, w, "floor");
    }

    /**
     * Whether a country or region follows {@code end} (after an optional comma) with a postal code, or a
     * two-letter region code with a postal code or country: ", Uruguay 80694", ", AT 31295",
     * ", CO Uruguay", " Spain 61709".
     */
    private static boolean placeTail(Tokens t, int end) {
        int k = end;
        if (k < t.n && t.punct(k, ',')) {
            k++;
        }
        if (k + 1 >= t.n || t.kind[k] != WORD || t.is(k, LINE)) {
            return false;
        }
        int after = k + 1;
        boolean code = t.end[k] - t.start[k] == 2 && t.is(k, ALL_CAPS);
        if (code) {
            return t.kind[after] == Tokens.NUM && !t.is(after, LINE) || t.kind[after] == WORD && t.has(after, PLACE);
        }
        return t.is(k, CAP) && (t.lex[k] & (PLACE | FIRST | LAST)) == PLACE && t.kind[after] == Tokens.NUM
                && !t.is(after, LINE) && t.end[after] - t.start[after] >= 4;
    }

    /**
     * Streets and buildings named after someone. A street word no family name ends in (Beerninckstraat,
     * Hersnapvej, Storgatan) is a street anywhere; one that family names also end in (Terlaan,
     * Vanderkerk, Vandezaal, Boudewijnstadion) only before a house number or after a lower-case article
     * ("de Elisabethzaal"), and not after a given name ("Kim Vandezaal"). Not -gade: Darrigade.
     */
    private static boolean streetShape(Tokens t, int w, boolean afterGivenName) {
        char[] s = t.chars();
        int e = t.end[w];
        if (e - t.start[w] < 7) {
            return false;
        }
        if (endsWith(s, e, "straat") || endsWith(s, e, "steenweg") || endsWith(s, e, "gracht")
                || endsWith(s, e, "strasse") || endsWith(s, e, "straße") || endsWith(s, e, "vej")
                || endsWith(s, e, "gatan") || endsWith(s, e, "vägen")) {
            return true;
        }
        boolean ambiguous = endsWith(s, e, "laan") || endsWith(s, e, "plein") || endsWith(s, e, "dreef")
                || endsWith(s, e, "singel") || endsWith(s, e, "gasse") || endsWith(s, e, "katu")
                || endsWith(s, e, "zaal") || endsWith(s, e, "stadion") || endsWith(s, e, "kerk")
                || endsWith(s, e, "ziekenhuis") || endsWith(s, e, "instituut") || endsWith(s, e, "gebouw");
        if (!ambiguous || afterGivenName) {
            return false;
        }
        boolean number = w + 1 < t.n && t.kind[w + 1] == Tokens.NUM && !t.is(w + 1, LINE);
        int first = w;
        while (first > 0 && w - first < MAX_WORDS && t.kind[first - 1] == WORD && t.is(first - 1, CAP)) {
            first--;
        }
        boolean article = first > 0 && t.kind[first - 1] == WORD && t.is(first - 1, LOWER) && article(t, first - 1);
        return number || article;
    }

    /**
     * "arrived at X", "moved here from X", "grew up in X", "flew to X", "verhuisde naar X": a verb of
     * going or living, maybe an adverb, and a preposition right before {@code first}.
     */
    private static boolean arrivedAt(Tokens t, int first) {
        int p = first - 1;
        if (p < 1 || t.kind[p] != WORD || !t.is(p, LOWER)) {
            return false;
        }
        char[] s = t.chars();
        if (!(t.has(p, Lexicon.LOCATIVE) || is(s, t, p, "to") || is(s, t, p, "at") || is(s, t, p, "into")
                || is(s, t, p, "te"))) { // not "bij": "woont bij De Vries" is at someone's place
            return false;
        }
        int v = p - 1;
        if (v >= 1 && t.kind[v] == WORD && (is(s, t, v, "here") || is(s, t, v, "there") || is(s, t, v, "back")
                || is(s, t, v, "up") || is(s, t, v, "hier") || is(s, t, v, "terug") || is(s, t, v, "daar"))) {
            v--;
        }
        return v >= 0 && t.kind[v] == WORD && t.has(v, Lexicon.MOTION);
    }

    private static boolean allDictionaryWords(Tokens t, int first, int end) {
        for (int j = first; j < end; j++) {
            if (t.kind[j] != WORD || !t.has(j, Lexicon.DICT)) {
                return false;
            }
        }
        return true;
    }

    /**
     * English firm names made of family names: three bare names in a series after "at", "for" or
     * "the", or before an organisation word ("a year at Jones, Mitchell and Williams"), or two joined by
     * a hyphen after "at", "for", "became" or "joined" ("I work for Ellis-Ingram").
     */
    private static boolean firmOfSurnames(Tokens t, int first, int end, int nName, int nInit, int ff) {
        if (nInit > 0) {
            return false;
        }
        if (nName == 2 && end - first == 3 && t.punct(first + 1, '-') && !t.is(first + 1, SPACE)
                && !t.is(first + 2, SPACE) && (t.lex[end - 1] & (FIRST | LAST)) != FIRST && first > 0
                && t.kind[first - 1] == WORD && (is(t.chars(), t, first - 1, "at") || is(t.chars(), t, first - 1, "for")
                || is(t.chars(), t, first - 1, "became") || is(t.chars(), t, first - 1, "joined"))) {
            return true; // "I work for Ellis-Ingram"; but "Ellis-Ingram called about the invoice"
        }
        if (nName != 1 || end - first != 1) {
            return false;
        }
        // The series around this word: single capitalised words joined by commas, "and" or "&". Walked
        // at most FIRM_WALK members each way, so a long list costs linear time; a firm is never that long.
        int lo = first;
        while (lo - 2 >= 0 && first - lo < 2 * FIRM_WALK && (t.punct(lo - 1, ',') || isAnd(t, lo - 1))
                && member(t, lo - 2)) {
            lo -= 2;
        }
        int hi = first;
        while (hi + 2 < t.n && hi - first < 2 * FIRM_WALK && (t.punct(hi + 1, ',') || isAnd(t, hi + 1))
                && member(t, hi + 2)) {
            hi += 2;
        }
        if (first - lo >= 2 * FIRM_WALK || hi - first >= 2 * FIRM_WALK) {
            return false; // a long list of names, not a firm
        }
        if ((lo > 0 && t.kind[lo - 1] == WORD && t.is(lo - 1, CAP) && !article(t, lo - 1))
                || (hi + 1 < t.n && t.kind[hi + 1] == WORD && t.is(hi + 1, CAP) && !t.has(hi + 1, ORG))) {
            return false; // "Mary Jones, Bob Brown and ...": part of a longer name
        }
        // The firm is the run from just after the previous "and" to the member after the next one:
        // "A, B and C" (and "Ezxbrl, Henderson, Hicks and Brown" in "... and Brown and Abt Associates").
        // Lists of people look the same ("our 3 founders: Kónya, Becker and Vasquez", "They had 6:
        // Romi, Erik, Amy..."), so a firm needs a preposition or "the" before it, or an organisation
        // word or possessive after it, and no given name in it.
        int runStart = lo;
        for (int sep = lo + 1; sep < hi; sep += 2) {
            if (isAnd(t, sep)) {
                int runEnd = sep + 1;
                if (first >= runStart && first <= runEnd && (runEnd - runStart) / 2 + 1 >= 3) {
                    return firmContext(t, runStart, runEnd) && noGivenNames(t, runStart, runEnd);
                }
                runStart = sep + 1;
            }
        }
        return false;
    }

    private static boolean firmContext(Tokens t, int lo, int hi) {
        char[] s = t.chars();
        int p = lo - 1;
        if (p >= 0 && t.kind[p] == WORD && (is(s, t, p, "at") || is(s, t, p, "for") || is(s, t, p, "the"))) {
            return true; // "a year at ...", "I work for ...", "The ... Orchestra"; not "with", "by", "of"
        }
        if (p >= 1 && is(s, t, p, "from") && t.kind[p - 1] == WORD && (is(s, t, p - 1, "is") || is(s, t, p - 1, "are")
                || is(s, t, p - 1, "was") || is(s, t, p - 1, "were") || is(s, t, p - 1, "am"))) {
            return true; // "Tomomi is from Hawkins, Richardson and Santana": where someone works
        }
        int n = hi + 1;
        if (n < t.n && t.kind[n] == WORD && t.has(n, ORG)) {
            return true;
        }
        // "Owens, Duran and Oneal's Mrs. Kathrine Filemonsen": someone's title after the possessive.
        return possessive(t, n) && n + 2 < t.n && (t.kind[n + 2] == WORD || t.kind[n + 2] == ABBR)
                && t.has(n + 2, TITLE); // but "Smith, Jones and Brown's kids"
    }

    private static boolean noGivenNames(Tokens t, int lo, int hi) {
        for (int m = lo; m <= hi; m += 2) {
            if ((t.lex[m] & (FIRST | LAST)) == FIRST) {
                return false;
            }
        }
        return true;
    }

    private static boolean member(Tokens t, int i) {
        return t.kind[i] == WORD && t.is(i, CAP) && !t.has(i, PARTICLE);
    }

    private static boolean isAnd(Tokens t, int i) {
        if (t.punct(i, '&')) {
            return true;
        }
        char[] s = t.chars();
        return t.kind[i] == WORD && (is(s, t, i, "and") || is(s, t, i, "en"));
    }

    /** "(Ita)", "(Bel/Lotto)": a sports result line puts a country code after a rider's name. */
    private static boolean countryCode(Tokens t, int i) {
        return i < t.n && t.kind[i] == WORD && t.end[i] - t.start[i] == 3 && t.is(i, CAP)
                && (t.punct(i + 1, ')') || t.punct(i + 1, '/'));
    }

    /** Capitalised adjectives of origin (Belgische, Franse, Amerikaanse) are not names. */
    private static boolean demonymShape(Tokens t, int w) {
        char[] s = t.chars();
        int e = t.end[w];
        int len = e - t.start[w];
        return len > 4 && (endsWith(s, e, "se") || endsWith(s, e, "sche") || endsWith(s, e, "ese")
                || endsWith(s, e, "ans") && !(t.dutch && endsWith(s, e, "mans")) // but Appelmans, Huysmans
                || endsWith(s, e, "iër") || endsWith(s, e, "iërs"));
    }

    private static boolean foreignLetters(Tokens t, int first, int end) {
        char[] s = t.chars();
        for (int i = t.start[first], e = t.end[end - 1]; i < e; i++) {
            char c = s[i];
            if (c >= 0x100 && c < 0x250 || "øØåÅæþðñãõáóúíçÁÓÚÍÇ".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shapes typical of Flemish and Dutch family names and rare in ordinary words: a fused particle
     * (Vandenbroucke, Vanderpoorten, Verhofstadt, Dewael) or an old spelling ending (Merckx, Goossens,
     * Claeys, Maertens, Deckers).
     */
    private static boolean surnameShape(Tokens t, int w) {
        char[] s = t.chars();
        int a = t.start[w];
        int e = t.end[w];
        if (e - a < 5) {
            return false;
        }
        boolean fused = startsWith(s, a, e, "vande") || startsWith(s, a, e, "vanden") || startsWith(s, a, e, "vander")
                || (startsWith(s, a, e, "ver") && e - a >= 7) || (startsWith(s, a, e, "de") && e - a >= 6
                && Character.isLowerCase(s[a + 2]) && "aeiouy".indexOf(s[a + 2]) < 0);
        boolean ending = endsWith(s, e, "ckx") || endsWith(s, e, "cx") || endsWith(s, e, "ssens") || endsWith(s, e, "aert")
                || endsWith(s, e, "aerts") || endsWith(s, e, "aeys") || endsWith(s, e, "eys") || endsWith(s, e, "ijns")
                || endsWith(s, e, "yns") || endsWith(s, e, "ghe") || endsWith(s, e, "kens") || endsWith(s, e, "mans")
                || endsWith(s, e, "ouck") || endsWith(s, e, "aeck") || endsWith(s, e, "aecke") || endsWith(s, e, "ynck");
        return fused || ending;
    }

    private static boolean startsWith(char[] s, int a, int e, String prefix) {
        if (e - a <= prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(s[a + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Inflected Dutch adjectives and demonyms before a noun: Zwarte, Hoge, Franse, Britse, Vlaamse. */
    private static boolean adjectiveShape(Tokens t, int w) {
        char[] s = t.chars();
        int e = t.end[w];
        return e - t.start[w] >= 5 && (s[e - 1] == 'e' || endsWith(s, e, "ische"));
    }

    /** Dutch and English derivational endings of ordinary words: Aanvankelijk, Screening, Deurwaarders. */
    private static boolean wordShape(Tokens t, int w) {
        char[] s = t.chars();
        int e = t.end[w];
        if (e - t.start[w] < 6) {
            return false;
        }
        return endsWith(s, e, "lijk") || endsWith(s, e, "ing") || endsWith(s, e, "heid") || endsWith(s, e, "tie")
                || endsWith(s, e, "teit") || endsWith(s, e, "schap") || endsWith(s, e, "ers") || endsWith(s, e, "isch")
                || endsWith(s, e, "ment") || endsWith(s, e, "ness") || endsWith(s, e, "tion") || endsWith(s, e, "ies")
                || endsWith(s, e, "ly") || endsWith(s, e, "anen") || endsWith(s, e, "ieren") || endsWith(s, e, "ezen")
                || endsWith(s, e, "straat") || endsWith(s, e, "laan") || endsWith(s, e, "plein") || endsWith(s, e, "dreef")
                || endsWith(s, e, "steenweg") || endsWith(s, e, "kaai") || endsWith(s, e, "gracht") || endsWith(s, e, "singel");
    }

    private static boolean endsWith(char[] s, int e, String suffix) {
        int k = suffix.length();
        if (e < k) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            if (Character.toLowerCase(s[e - k + i]) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int prevWord(Tokens t, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 4; j--) {
            if (t.kind[j] == WORD || t.kind[j] == ABBR) {
                return j;
            }
            if (t.kind[j] == PUNCT && !(t.punct(j, ',') || t.punct(j, ':') || (j == i - 1 && t.punct(j, '?')))) {
                return -1;
            }
        }
        return -1;
    }

    /** A cue word counts right before the name, or with a colon or comma between: "Patiënt: Jan". */
    private static boolean prevIsAdjacent(Tokens t, int prev, int first) {
        return prev == first - 1 || (prev == first - 2
                && (t.punct(prev + 1, ':') || t.punct(prev + 1, ',') || t.punct(prev + 1, '?')));
    }

    /** "Jan en Piet", "Anna, Bram and Carl": a name joined to the previous person by and/en/comma. */
    private static boolean coordinated(Tokens t, int lastPersonEnd, int first) {
        if (first - lastPersonEnd != 1) {
            return false;
        }
        int j = lastPersonEnd;
        if (t.punct(j, ',') || t.punct(j, '&')) {
            return true;
        }
        if (t.kind[j] != WORD) {
            return false;
        }
        char[] s = t.chars();
        int len = t.end[j] - t.start[j];
        return (len == 2 && Character.toLowerCase(s[t.start[j]]) == 'e' && s[t.start[j] + 1] == 'n')
                || (len == 3 && Character.toLowerCase(s[t.start[j]]) == 'a' && s[t.start[j] + 1] == 'n'
                && s[t.start[j] + 2] == 'd');
    }

    @Override
    public String toString() {
        return "PersonDetector[" + ID + "]";
    }
}
