package dev.veil.detect.special;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds GDPR art. 9 special categories and art. 10 criminal data ({@link EntityType#HEALTH},
 * {@link EntityType#GENETIC}, {@link EntityType#BIOMETRIC}, {@link EntityType#ETHNIC_ORIGIN},
 * {@link EntityType#POLITICAL_OPINION}, {@link EntityType#RELIGION}, {@link EntityType#SEXUAL_ORIENTATION},
 * {@link EntityType#TRADE_UNION}, {@link EntityType#CRIMINAL}) in Dutch and English text, from curated
 * vocabularies that ship with Veil, plus any terms and types users add.
 *
 * <h2>Matching</h2>
 * One pass over the text through an automaton of every entry, on folded chars (case and diacritics
 * ignored, so {@code patiënt} matches {@code PATIENT}); offsets always point into the original text.
 * Dutch compounds are matched where the vocabulary allows it: {@code *kanker} as a head
 * ({@code longkanker}), {@code vakbond*} as a modifier ({@code vakbondslid}); a compound or hyphenated
 * word is reported whole ({@code borstkankerpatiënt}, {@code MS-patiënt}). Short inflection suffixes
 * are accepted after whole-word entries ({@code zwangere}, {@code activists}). A term can belong to
 * several types ({@code joods}: ethnic origin and religion); each is reported.
 *
 * <h2>Context rules</h2>
 * <ul>
 *   <li><b>Person linkage decides the score.</b> A term scores {@value SpecialScan#SCORE_IDENTIFIED} when
 *   its sentence or the one before holds a name or identifier found by an earlier detector
 *   ({@link DetectionInput#priorFindings()}: PERSON, EMAIL, NL_BSN...); {@value SpecialScan#SCORE_REFERENCE}
 *   when it holds a pronoun, possessive or role noun ({@code ik, mijn, hij, haar, I, my, she, collega,
 *   patiënt, employee}); otherwise {@value SpecialScan#SCORE_UNLINKED}. So the balanced policy
 *   (threshold 0.5) protects "Mijn collega is zwanger" and leaves "Wat zijn de symptomen van
 *   diabetes?" alone, while the strict policy (0.3) acts on both. Negation does not lower the
 *   score: "Jan heeft geen diabetes" is still health data about Jan.</li>
 *   <li><b>Generic role nouns do not link:</b> a role noun after an indefinite determiner
 *   ({@code een patiënt met diabetes}, {@code a patient with}, {@code every employee}) or in the plural
 *   ({@code patiënten}, {@code collega's}) is not a person reference.</li>
 *   <li><b>Ambiguous short terms need a cue.</b> Entries marked {@code ?} are reported only when a cue
 *   of their type, or an unambiguous term of it, is in the same sentence: {@code SP}, {@code DENK},
 *   {@code Volt}, {@code Groen} need {@code stem, lid, partij} ("Hij stemt SP" but not "de SP-formule");
 *   {@code MS} and {@code ALS} need {@code heeft, heb, diagnose}.</li>
 *   <li><b>Case-sensitive abbreviations</b> ({@code =MS}, {@code =PVV}) match only as written, and an
 *   all-capitals {@code ?} term directly followed by a capitalised word is a product name, not a
 *   term: "MS Teams", "MS Word".</li>
 *   <li><b>Idioms and look-alikes</b> are exceptions that drop any term they overlap: {@code ziek goed},
 *   {@code kankerweer}, {@code economische depressie}, {@code zit zwanger van}, {@code sick of},
 *   {@code Black Friday}, {@code labour costs}, {@code european union}. Whole-word matching keeps
 *   {@code gen} out of {@code tegen} and {@code homo} entries carry exceptions for {@code homogeen}.</li>
 * </ul>
 *
 * <h2>Extending</h2>
 * <pre>{@code
 * SpecialCategoryDetector detector = SpecialCategoryDetector.builder()
 *         .addTerms(EntityType.HEALTH, Language.NL, List.of("ziekte van Pompe", "pompe*"))
 *         .addTermsFrom(Path.of("our-terms.txt"))      // file format below
 *         .allow("Parkinson Plein", "Crohn & Co")       // never report these
 *         .build();
 * }</pre>
 * File format (UTF-8; comma-separated entries; {@code #} comments):
 * <pre>
 * &#64;language nl                 nl, en or any
 * &#64;type HEALTH                 following entries are of this type (several types allowed)
 * diabetes  kanker*  *kanker  =MS  SP?  ~stemt op  !kankerweer  is [zwart]
 * &#64;references                  pronouns and role nouns that link terms to a person
 * </pre>
 * ({@code term*} continues into a longer word, {@code *term} heads a compound, {@code =} case-sensitive,
 * {@code ?} needs a cue, {@code ~} cue, {@code !} exception, brackets report part of a phrase.)
 *
 * <p>Immutable and thread-safe: one instance serves every thread. Building compiles the automaton;
 * build once and reuse. Scans allocate nothing once a thread has warmed up.
 */
public final class SpecialCategoryDetector implements Detector {

    /** The stable detector id. */
    public static final String ID = "special.vocabulary";

    private static final String[] BUILT_IN = {"special-nl.txt", "special-en.txt"};

    private final SpecialScan.Compiled compiled;
    private final Set<EntityType> entityTypes;
    private final int termCount;

    private SpecialCategoryDetector(Vocabulary vocabulary) {
        List<Term> terms = vocabulary.terms();
        this.compiled = new SpecialScan.Compiled(new TermAutomaton(terms), vocabulary.types());
        Set<EntityType> reported = new LinkedHashSet<>();
        List<EntityType> types = vocabulary.types();
        for (Term t : terms) {
            if (t.kind() == Term.Kind.TERM) {
                for (int i = 0; i < types.size(); i++) {
                    if ((t.typeMask() & (1L << i)) != 0) {
                        reported.add(types.get(i));
                    }
                }
            }
        }
        this.entityTypes = Set.copyOf(reported);
        this.termCount = terms.size();
    }

    /** The detector with the built-in Dutch and English vocabularies, built once and shared. */
    public static SpecialCategoryDetector defaults() {
        return Holder.DEFAULTS;
    }

    /** A builder that starts from the built-in vocabularies. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return entityTypes;
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sink, "sink");
        CharSequence text = input.text();
        if (text.length() == 0) {
            return;
        }
        Language language = input.language();
        int mask = language == Language.NL ? Term.NL : language == Language.EN ? Term.EN : Term.ANY;
        List<Finding> prior = input.priorFindings();
        SpecialScan.forThread().run(compiled, text, mask, prior == null ? List.of() : prior, sink);
    }

    /** Number of compiled entries, with spelling variants. */
    int termCount() {
        return termCount;
    }

    @Override
    public String toString() {
        return "SpecialCategoryDetector[" + ID + ", " + termCount + " entries, types=" + entityTypes.size() + "]";
    }

    static Vocabulary builtInVocabulary() {
        Vocabulary v = new Vocabulary();
        for (EntityType type : EntityType.specialCategories().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
            v.typeIndex(type);
        }
        for (String resource : BUILT_IN) {
            try (InputStream in = SpecialCategoryDetector.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in vocabulary missing from the jar: " + resource);
                }
                v.parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in vocabulary " + resource, e);
            }
        }
        return v;
    }

    /** Entry counts of the built-in vocabularies per {@code TYPE/language}. */
    static Map<String, Integer> builtInEntryCounts() {
        return builtInVocabulary().entryCounts();
    }

    private static final class Holder {
        static final SpecialCategoryDetector DEFAULTS = new Builder().build();
    }

    /**
     * Builds a {@link SpecialCategoryDetector}. Not thread-safe. Entries use the markers of the file
     * format described on {@link SpecialCategoryDetector}.
     */
    public static final class Builder {
        private boolean builtIn = true;
        private final List<Step> steps = new ArrayList<>();

        private interface Step {
            void apply(Vocabulary v) throws IOException;
        }

        private Builder() {
        }

        /** Leaves out the built-in vocabularies: only what is added to this builder is matched. */
        public Builder withoutBuiltInVocabulary() {
            builtIn = false;
            return this;
        }

        /**
         * Adds entries of one type; {@code Language.AUTO} makes them apply to every language.
         *
         * @throws NullPointerException if an argument or an entry is null
         */
        public Builder addTerms(EntityType type, Language language, Collection<String> entries) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(language, "language");
            List<String> copy = List.copyOf(entries);
            int mask = language == Language.NL ? Term.NL : language == Language.EN ? Term.EN : Term.ANY;
            steps.add(v -> copy.forEach(entry -> v.addEntry(entry, type, mask)));
            return this;
        }

        /**
         * Adds entries from a reader in the vocabulary file format; the reader is read and closed by
         * {@link #build()}.
         *
         * @throws NullPointerException if {@code reader} is null
         */
        public Builder addTermsFrom(Reader reader) {
            Objects.requireNonNull(reader, "reader");
            steps.add(v -> {
                try (reader) {
                    v.parse(reader, "reader");
                }
            });
            return this;
        }

        /**
         * Adds entries from a UTF-8 file in the vocabulary file format, read by {@link #build()}.
         *
         * @throws NullPointerException if {@code file} is null
         */
        public Builder addTermsFrom(Path file) {
            Objects.requireNonNull(file, "file");
            steps.add(v -> {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    v.parse(r, file.getFileName() == null ? "file" : file.getFileName().toString());
                }
            });
            return this;
        }

        /**
         * Never reports a term inside these words or phrases (case and diacritics ignored, whole words;
         * end a phrase with {@code *} to also cover longer words starting with it).
         *
         * @throws NullPointerException if a phrase is null
         */
        public Builder allow(String... phrases) {
            List<String> copy = List.of(phrases);
            steps.add(v -> copy.forEach(v::addAllowed));
            return this;
        }

        /**
         * Compiles the vocabulary.
         *
         * @throws IllegalArgumentException if an entry or a file line is malformed (the message names it)
         * @throws UncheckedIOException if a file or reader cannot be read
         */
        public SpecialCategoryDetector build() {
            Vocabulary v = builtIn ? builtInVocabulary() : new Vocabulary();
            for (Step step : steps) {
                try {
                    step.apply(v);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read vocabulary", e);
                }
            }
            return new SpecialCategoryDetector(v);
        }
    }
}
