package dev.veil.detect.special;

import static dev.veil.detect.special.Scans.person;
import static dev.veil.detect.special.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Language;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecialCategoryDetectorTest {

    private static final SpecialCategoryDetector DETECTOR = SpecialCategoryDetector.defaults();

    /** The values found in {@code text} with their types, e.g. "borstkanker=HEALTH". */
    private static Set<String> found(String text) {
        return scan(text).stream().map(f -> f.valueIn(text) + "=" + f.type()).collect(Collectors.toSet());
    }

    private static Finding only(String text, EntityType type) {
        List<Finding> of = scan(text).stream().filter(f -> f.type().equals(type)).toList();
        assertEquals(1, of.size(), () -> "one " + type + " finding expected, got " + of);
        return of.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Ik heb sinds vorig jaar diabetes en spuit insuline.|diabetes|HEALTH",
            "Mijn collega is zwanger en gaat in maart met verlof.|zwanger|HEALTH",
            "Hij heeft zich vanochtend ziek gemeld.|ziek gemeld|HEALTH",
            "Zij zit thuis met een burn-out.|burn-out|HEALTH",
            "Zij zit thuis met een burnout.|burnout|HEALTH",
            "Ik ben aan het re-integreren na mijn operatie.|re-integreren|HEALTH",
            "My colleague is pregnant and starts maternity leave in May.|pregnant|HEALTH",
            "My sister is a BRCA2 carrier, like me.|BRCA2|GENETIC",
            "Mijn vingerafdruk staat in het systeem van mijn werkgever.|vingerafdruk|BIOMETRIC",
            "Hij is van Marokkaanse afkomst.|van Marokkaanse afkomst|ETHNIC_ORIGIN",
            "Mijn buurman stemt al jaren op de PVV.|PVV|POLITICAL_OPINION",
            "She is a registered Democrat.|Democrat|POLITICAL_OPINION",
            "Mijn collega is moslim en vast tijdens de ramadan.|moslim|RELIGION",
            "I'm an atheist and don't want a church wedding.|atheist|RELIGION",
            "Mijn broer is vorig jaar uit de kast gekomen.|uit de kast gekomen|SEXUAL_ORIENTATION",
            "He came out to his parents last summer.|came out|SEXUAL_ORIENTATION",
            "Ik ben lid van de FNV sinds 2010.|FNV|TRADE_UNION",
            "She is a union member and wants a rep at the meeting.|union member|TRADE_UNION",
            "Mijn buurman heeft een strafblad.|strafblad|CRIMINAL",
            "He was convicted of fraud last year.|convicted|CRIMINAL",
    })
    void findsTermsAboutAPersonInDutchAndEnglish(String text, String value, String type) {
        Finding f = scan(text).stream()
                .filter(x -> x.valueIn(text).equals(value) && x.type().equals(EntityType.of(type)))
                .findFirst().orElseThrow(() -> new AssertionError(found(text).toString()));
        assertTrue(f.score() >= 0.5, "person-linked terms pass the balanced threshold");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Mijn moeder heeft borstkanker.|borstkanker|HEALTH",
            "Mijn buurman is kankerpatiënt.|kankerpatiënt|HEALTH",
            "Mijn buurman is borstkankerpatiënt.|borstkankerpatiënt|HEALTH",
            "Mijn zoon heeft suikerziekte.|suikerziekte|HEALTH",
            "Hij is suikerziektepatiënt.|suikerziektepatiënt|HEALTH",
            "Zij is vakbondslid.|vakbondslid|TRADE_UNION",
            "Ik heb mijn vakbondscontributie betaald.|vakbondscontributie|TRADE_UNION",
            "Mijn moeder heeft longkanker.|longkanker|HEALTH",
            "Hij is MS-patiënt.|MS-patiënt|HEALTH",
            "Zij is hiv-positief.|hiv-positief|HEALTH",
            "Mijn zus heeft een BRCA1-mutatie.|BRCA1-mutatie|GENETIC",
            "Hij is CDA-lid.|CDA-lid|POLITICAL_OPINION",
            "Ik ben net terug van zwangerschapsverlof.|zwangerschapsverlof|HEALTH",
    })
    void reportsDutchCompoundsAndHyphenatedWordsWhole(String text, String value, String type) {
        assertTrue(found(text).contains(value + "=" + type), () -> found(text).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Mijn collega is zwangere van een tweeling.|zwangere",
            "Ik heb last van depressieve klachten.|depressieve",
            "My colleagues are activists.|activists",
            "Zij heeft twee miskramen gehad.|miskramen",
    })
    void acceptsInflectedForms(String text, String value) {
        assertTrue(scan(text).stream().anyMatch(f -> f.valueIn(text).equals(value)), () -> found(text).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Mijn patient heeft last van PANIEKAANVALLEN.",
            "Mijn patiënt heeft last van paniekaanvallen.",
            "Mijn patiënt heeft last van paniekaanvallen.", // decomposed ë
            "Mijn patiënt heeft last van pa\u00ADniek\u00ADaanvallen.", // soft hyphens
            "Mijn patiënt heeft last van pa\u200Bniekaanvallen.", // zero-width space
            "Mijn patiënt heeft last van   paniekaanvallen.",
    })
    void ignoresCaseDiacriticsAndInvisibleCharsButReportsOriginalOffsets(String text) {
        Finding f = only(text, EntityType.HEALTH);
        String value = f.valueIn(text).replace("\u00AD", "").replace("\u200B", "");
        assertEquals("paniekaanvallen", value.toLowerCase(Locale.ROOT));
        assertEquals(0.7, f.score(), 1e-9);
    }

    @Test
    void matchesPhrasesAcrossRunsOfWhitespace() {
        String text = "Mijn collega heeft zich ziek \n  gemeld.";
        assertTrue(scan(text).stream().anyMatch(f -> f.valueIn(text).endsWith("ziek \n  gemeld")), () -> found(text).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Die nieuwe sneakers zijn ziek goed.",
            "Wat een kankerweer vandaag, ik blijf binnen.",
            "De economische depressie van de jaren dertig trof heel Europa.",
            "Zij zit zwanger van nieuwe ideeën.",
            "We zaten op het terras.",
            "Ik ben tegen het plan.",
            "Het mengsel moet homogeen zijn.",
            "Het transport van mijn pakket loopt vertraging op.",
            "Deze koffie heeft een heerlijk aroma.",
            "Ik heb MS Teams geïnstalleerd.",
            "Ik denk dat mijn plan werkt.",
            "Mijn fiets heeft 230 volt nodig, zei hij grappend.",
            "Het gras is groen na de regen.",
            "We moeten vooruit kijken.",
            "Zij zat vast in de file op de A2.",
            "I'm sick of this weather.",
            "That new album is sick.",
            "Our Labour costs went up this quarter.",
            "My Black Friday deals arrived.",
            "I wrote this sentence myself.",
            "Please be patient with me.",
            "I ordered Chinese food for my team.",
            "The European Union has 27 members, my teacher said.",
            "Mijn collega spreekt vloeiend Turks.",
            "Ik heb gestemd over de kantoorindeling.",
            "Mijn rijksregisternummer staat op mijn eID.",
    })
    void leavesIdiomsAndLookAlikesAlone(String text) {
        List<Finding> all = scan(text);
        assertTrue(all.isEmpty(), () -> "no special category expected, got " + found(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Wat zijn de symptomen van diabetes?",
            "Diabetes is een chronische ziekte.",
            "What are the symptoms of diabetes?",
            "Explain how a trade union negotiates a collective agreement.",
            "Welke partijen zitten in de Tweede Kamer? Wat vindt de PVV van asiel?",
            "Een patiënt met diabetes moet letten op de voeding.",
            "Patiënten met astma hebben vaak een puffer.",
            "Hoeveel collega's hebben een burn-out gehad?",
    })
    void scoresTermsWithoutAPersonBelowTheBalancedThreshold(String text) {
        List<Finding> all = scan(text);
        assertFalse(all.isEmpty(), "the strict policy still sees the term");
        for (Finding f : all) {
            assertEquals(0.35, f.score(), 1e-9, () -> f.valueIn(text) + " should be unlinked");
            assertTrue(f.score() >= 0.3 && f.score() < 0.5, "strict acts, balanced does not");
        }
    }

    @Test
    void scoresATermNearANameFromAnEarlierDetectorHighest() {
        String text = "Fatima el Amrani heeft een burn-out.";
        List<Finding> withName = scan(DETECTOR, text, Language.NL, List.of(person(text, "Fatima el Amrani")));
        assertEquals(0.9, withName.get(0).score(), 1e-9);
        List<Finding> without = scan(DETECTOR, text, Language.NL, List.of());
        assertEquals(0.35, without.get(0).score(), 1e-9, "a name the detector was not told about is not linked");
    }

    @Test
    void linksToAPersonInThePreviousSentenceButNotFurther() {
        String text = "Ik schrijf over Thomas Verbeek. Hij is ziek. Kanker is een vreselijke ziekte. Wat is kanker?";
        List<Finding> f = scan(DETECTOR, text, Language.NL, List.of(person(text, "Thomas Verbeek")));
        Map<Integer, Double> scoreAt = f.stream().collect(Collectors.toMap(Finding::start, Finding::score, Math::max));
        assertEquals(0.9, scoreAt.get(text.indexOf("ziek")), 1e-9, "name one sentence back");
        assertEquals(0.7, scoreAt.get(text.indexOf("Kanker")), 1e-9, "pronoun one sentence back");
        assertEquals(0.35, scoreAt.get(text.lastIndexOf("kanker")), 1e-9, "two sentences away");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Diabetes, zei ik|0.7",
            "Diabetes, zei ik.|0.7",
            "Diabetes, zei Ikea|0.35",
            "Diabetes, zei mijn|0.7",
            "Diabetes, zei mijnheer|0.35",
            "Diabetes, said I|0.7",
            "Diabetes, said Ian|0.35",
            "Diabetes, said he|0.7",
            "Diabetes, said hen|0.35",
    })
    void linksAPronounThatEndsTheTextButNotAWordItStarts(String text, double score) {
        assertEquals(score, only(text, EntityType.HEALTH).score(), 1e-9);
        assertEquals(score, only(text + "\n", EntityType.HEALTH).score(), 1e-9, "a line feed ends the word too");
    }

    @Test
    void identifierFindingsLinkLikeNames() {
        String text = "Klantnotitie bij BSN 123456782: cliënt ontvangt een Wajong-uitkering.";
        int i = text.indexOf("123456782");
        List<Finding> f = scan(DETECTOR, text, Language.NL,
                List.of(new Finding(i, i + 9, EntityType.NL_BSN, 0.95, "nl_bsn")));
        assertEquals(0.9, f.get(0).score(), 1e-9);
    }

    @Test
    void negationDoesNotMakeATermSafe() {
        String text = "Pieter Jansen heeft geen diabetes, de bloedsuiker was normaal.";
        List<Finding> f = scan(DETECTOR, text, Language.NL, List.of(person(text, "Pieter Jansen")));
        assertEquals("diabetes", f.get(0).valueIn(text));
        assertEquals(0.9, f.get(0).score(), 1e-9);
    }

    @Test
    void reportsEveryCategoryOfATermThatHasSeveral() {
        assertEquals(Set.of("Joods=ETHNIC_ORIGIN", "Joods=RELIGION"), found("Mijn buurvrouw is Joods."));
        assertEquals(Set.of("Jewish=ETHNIC_ORIGIN", "Jewish=RELIGION"), found("My neighbour is Jewish."));
        assertTrue(found("Mijn zoon heeft het syndroom van Down.").containsAll(
                Set.of("syndroom van Down=GENETIC", "syndroom van Down=HEALTH")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Hij stemt SP, net als zijn vader.|true",
            "De SP-formule staat in hoofdstuk drie van mijn boek.|false",
            "Ik stem dit jaar op DENK.|true",
            "Ik DENK dat het morgen regent.|false",
            "Mijn oom is lid van Groen.|true",
            "Mijn oom houdt van Groen in de tuin.|false",
            "Mijn vader heeft MS.|true",
            "Mijn vader werkt bij MS.|false",
            "Ik heb MS Word geopend.|false",
            "Mijn neef is lid van Volt.|true",
    })
    void ambiguousShortTermsNeedACueOfTheirType(String text, boolean expected) {
        assertEquals(expected, !scan(text).isEmpty(), () -> found(text).toString());
    }

    @Test
    void abbreviationsMatchOnlyInTheirOwnCase() {
        assertTrue(scan("Mijn vader heeft ms.").isEmpty(), "lower-case ms is not multiple sclerosis");
        assertTrue(scan("Hij stemt Pvv.").isEmpty(), "PVV is case-sensitive");
        assertFalse(scan("Hij stemt PVV.").isEmpty());
    }

    @Test
    void englishOnlyTermsAreSkippedForDutchTextAndTheOtherWayRound() {
        String en = "My colleague is pregnant.";
        assertTrue(scan(DETECTOR, en, Language.NL, List.of()).isEmpty());
        assertFalse(scan(DETECTOR, en, Language.EN, List.of()).isEmpty());
        String nl = "Mijn collega is zwanger.";
        assertTrue(scan(DETECTOR, nl, Language.EN, List.of()).isEmpty());
        assertFalse(scan(DETECTOR, nl, Language.AUTO, List.of()).isEmpty());
    }

    @Test
    void usersAddTermsAndTypesWithoutRebuildingVeil() {
        EntityType grievance = EntityType.of("GRIEVANCE");
        SpecialCategoryDetector d = SpecialCategoryDetector.builder()
                .addTerms(EntityType.HEALTH, Language.NL, List.of("ziekte van Pompe", "pompe*"))
                .addTerms(grievance, Language.AUTO, List.of("klacht ingediend", "*klacht"))
                .build();
        String text = "Mijn collega heeft de ziekte van Pompe en heeft een klacht ingediend.";
        Set<String> values = scan(d, text, Language.NL, List.of()).stream()
                .map(f -> f.valueIn(text) + "=" + f.type()).collect(Collectors.toSet());
        assertTrue(values.containsAll(Set.of("ziekte van Pompe=HEALTH", "klacht ingediend=GRIEVANCE")), values::toString);
        assertTrue(d.entityTypes().contains(grievance));
        assertTrue(d.entityTypes().containsAll(EntityType.specialCategories()));
    }

    @Test
    void usersAddTermsFromAFileOrReader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("terms.txt");
        Files.writeString(file, """
                # our own terms
                @language nl
                @type HEALTH
                ziekte van Pompe, pompe*   # a rare disease
                @type CRIMINAL
                =PZ?, ~verdachte
                !PZ Zeeland
                """);
        SpecialCategoryDetector d = SpecialCategoryDetector.builder().withoutBuiltInVocabulary()
                .addTermsFrom(file)
                .addTermsFrom(new StringReader("@type TRADE_UNION\n=Alliantie\n@references\nmijn\n"))
                .build();
        String text = "Mijn broer heeft Pompe, zit in PZ als verdachte en is lid van Alliantie.";
        Set<String> values = scan(d, text, Language.NL, List.of()).stream()
                .map(f -> f.valueIn(text) + "=" + f.type() + "@" + f.score()).collect(Collectors.toSet());
        assertEquals(Set.of("Pompe=HEALTH@0.7", "PZ=CRIMINAL@0.7", "Alliantie=TRADE_UNION@0.7"), values);
        String excepted = "Mijn broer zat in PZ Zeeland, hij was er verdachte.";
        assertTrue(scan(d, excepted, Language.NL, List.of()).isEmpty());
    }

    @Test
    void allowListRemovesFalseAlarmsOfEveryType() {
        SpecialCategoryDetector d = SpecialCategoryDetector.builder().allow("Joods Cultureel Kwartier", "kanker*").build();
        assertTrue(scan(d, "Ik werk bij het Joods Cultureel Kwartier.", Language.NL, List.of()).isEmpty());
        assertTrue(scan(d, "Mijn moeder heeft kanker.", Language.NL, List.of()).isEmpty());
        assertFalse(scan(d, "Mijn moeder heeft diabetes.", Language.NL, List.of()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@type", "@language fr", "@nonsense", "diabetes", "@type HEALTH\nab*", "@type HEALTH\nkanker€",
            "@type HEALTH\nis [] zwart", "@type HEALTH\n~"})
    void rejectsMalformedVocabularyWithoutQuotingInput(String file) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpecialCategoryDetector.builder().withoutBuiltInVocabulary().addTermsFrom(new StringReader(file)).build());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void shipsAtLeastThreeHundredHealthTermsAndFortyPerOtherCategoryPerLanguage() {
        Map<String, Integer> counts = SpecialCategoryDetector.builtInEntryCounts();
        for (EntityType type : EntityType.specialCategories()) {
            for (String lang : List.of("nl", "en")) {
                int n = counts.getOrDefault(type.name() + "/" + lang, 0);
                int min = type.equals(EntityType.HEALTH) ? 300 : 40;
                assertTrue(n >= min, type + "/" + lang + " has " + n + " entries, want " + min);
            }
        }
    }

    @Test
    void describesItselfWithoutVocabularyOrText() {
        assertEquals("special.vocabulary", DETECTOR.id());
        assertTrue(DETECTOR.toString().startsWith("SpecialCategoryDetector[special.vocabulary"));
        assertEquals(EntityType.specialCategories(), DETECTOR.entityTypes());
    }
}
