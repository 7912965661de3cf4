package dev.veil;

import static dev.veil.FindingAssertions.assertInvariants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VeilTest {

    private static final Veil VEIL = Veil.create();
    private static final String PROMPT = "Hoi, mail jan.jansen@voorbeeld.nl of bel 06-12345678. "
            + "IBAN NL91 ABNA 0417 1643 00, BSN 123456782.";

    @Test
    void replacesEachValueWithItsTypeLabelByDefault() {
        ProtectedText out = VEIL.protect(PROMPT);
        assertEquals("Hoi, mail [EMAIL] of bel [PHONE]. IBAN [IBAN], BSN [NL_BSN].", out.text());
        assertEquals(Map.of(EntityType.EMAIL, 1, EntityType.PHONE, 1, EntityType.IBAN, 1, EntityType.NL_BSN, 1),
                out.counts());
        assertInvariants(PROMPT, out.findings());
    }

    @Test
    void countsFollowTypeNamesAndToStringShowsThemWithoutText() {
        ProtectedText out = VEIL.protect(PROMPT);
        String printed = out.toString();
        assertEquals("ProtectedText[length=" + out.text().length()
                + ", counts={EMAIL=1, IBAN=1, NL_BSN=1, PHONE=1}]", printed);
        assertEquals(List.of(EntityType.EMAIL, EntityType.IBAN, EntityType.NL_BSN, EntityType.PHONE),
                List.copyOf(out.counts().keySet()));
        assertSame(out.counts(), out.counts(), "counted once");
        assertThrows(UnsupportedOperationException.class, () -> out.counts().put(EntityType.EMAIL, 0));
    }

    @Test
    void redactsWithTheDefaultOrAChosenString() {
        Policy policy = Policy.balanced().toBuilder().defaultAction(Action.REDACT)
                .action(EntityType.PHONE, Action.redact("<weg>")).build();
        String out = Veil.builder().policy(policy).build().protect(PROMPT).text();
        assertEquals("Hoi, mail [REDACTED] of bel <weg>. IBAN [REDACTED], BSN [REDACTED].", out);
    }

    @Test
    void masksKeepingTheShape() {
        Policy policy = Policy.balanced().toBuilder().defaultAction(Action.MASK).build();
        String out = Veil.builder().policy(policy).build().protect(PROMPT).text();
        assertEquals("Hoi, mail j**.******@v********.nl of bel **-******78. IBAN NL** **** **** **** 00, BSN *********.",
                out);
    }

    @Test
    void actionsAreNamedAsPolicyFilesAndCommandLinesWriteThem() {
        assertEquals(Action.PSEUDONYMIZE, Action.named("pseudonymize"));
        assertEquals(Action.MASK, Action.named(" Mask "));
        assertEquals(Action.REDACT, Action.named("REDACT"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Action.named("HIDE"));
        assertTrue(e.getMessage().contains("KEEP, REDACT"), e.getMessage());
    }

    @Test
    void keepLeavesATypeAlone() {
        Policy policy = Policy.balanced().toBuilder().action(EntityType.EMAIL, Action.KEEP).build();
        ProtectedText out = Veil.builder().policy(policy).build().protect(PROMPT);
        assertTrue(out.text().contains("jan.jansen@voorbeeld.nl"));
        assertFalse(out.counts().containsKey(EntityType.EMAIL));
    }

    @Test
    void blockRefusesThePromptNamingTypesButNoValues() {
        Policy policy = Policy.balanced().toBuilder().action(EntityType.NL_BSN, Action.BLOCK).build();
        Veil veil = Veil.builder().policy(policy).build();
        PromptBlockedException e = assertThrows(PromptBlockedException.class, () -> veil.protect(PROMPT));
        assertEquals(Set.of(EntityType.NL_BSN), e.blockedTypes());
        assertFalse(e.getMessage().contains("123456782"));
        assertEquals("Hoi, mail [EMAIL]", veil.protect("Hoi, mail jan@voorbeeld.nl").text());
    }

    @Test
    void blockAtOrAboveBlocksOnlyStrongFindings() {
        Policy policy = Policy.strict().toBuilder().blockAtOrAbove(EntityType.NL_BSN, 0.9).build();
        Veil veil = Veil.builder().policy(policy).build();
        assertEquals("nummer [NL_BSN]", veil.protect("nummer 111222333").text());
        assertThrows(PromptBlockedException.class, () -> veil.protect("BSN 111222333"));
    }

    @Test
    void aDetectorReportingATypeItDoesNotDeclareFailsClosedAndSaysWhich() {
        // A session reserves typed look-alikes only for declared types: an undeclared one could get a token
        // the user had typed ("CASE 1"), which would then restore to someone's data.
        Detector sloppy = detector("sloppy", EntityType.PERSON,
                (input, sink) -> sink.accept(5, 9, EntityType.of("CASE_FILE"), 0.9));
        Veil veil = Veil.builder().detector(sloppy).build();

        DetectionFailedException e = assertThrows(DetectionFailedException.class, () -> veil.protect("zaak 2024 van Jan"));

        assertEquals("sloppy", e.detectorId());
        assertTrue(e.getMessage().contains("entityTypes()"), e.getMessage());
        assertFalse(e.getMessage().contains("2024") || e.getMessage().contains("CASE"), "no text, no type name");
        Veil tolerant = Veil.builder().policy(Policy.balanced().toBuilder().tolerateFailureOf("sloppy").build())
                .detector(sloppy).build();
        assertEquals(List.of(), tolerant.scan("zaak 2024 van Jan").stream().filter(f -> f.detector().equals("sloppy")).toList());
    }

    @Test
    void aDetectorThatSwallowsTheRefusalOfAnUndeclaredTypeStillFailsClosed() {
        Detector swallowing = detector("swallowing", EntityType.PERSON, (input, sink) -> {
            try {
                sink.accept(6, 9, EntityType.of("CLIENT"), 0.99);
            } catch (IllegalArgumentException skipped) {
                // a detector that skips findings the engine refuses and goes on
            }
        });
        Veil veil = Veil.builder().withoutBuiltInDetectors().detector(swallowing).build();

        assertThrows(DetectionFailedException.class, () -> veil.protect("klant Jan belt"));
    }

    @Test
    void aLongerFindingOfAnotherTypeDoesNotHideABlockedType() {
        // The case-file span is longer and overlaps the start of the BSN: resolved by length alone it
        // would win, the prompt would be sent and the BSN's last digits with it.
        String text = "zaak AB-2024, BSN 111222333 graag";
        Detector cases = detector("case", EntityType.of("CASE_FILE"),
                (input, sink) -> sink.accept(0, 22, EntityType.of("CASE_FILE"), 0.9));
        Policy policy = Policy.balanced().toBuilder().action(EntityType.NL_BSN, Action.BLOCK).build();
        Veil veil = Veil.builder().policy(policy).detector(cases).build();
        List<Finding> found = veil.scan(text);
        // The BSN wins the overlap; the part of the case-file span before it stays protected.
        assertEquals(List.of(new Finding(0, 17, EntityType.of("CASE_FILE"), 0.9, "case"),
                new Finding(18, 27, EntityType.NL_BSN, 0.95, "nl_bsn")), found);
        assertThrows(PromptBlockedException.class, () -> veil.protect(text));
        Veil redacting = Veil.builder().detector(cases).build();
        assertEquals(List.of(new Finding(0, 22, EntityType.of("CASE_FILE"), 0.9, "case"),
                new Finding(22, 27, EntityType.NL_BSN, 0.95, "nl_bsn")), redacting.scan(text),
                "without BLOCK the longest wins, and the BSN's digits outside it stay protected");
        // A blocked finding elsewhere changes nothing for a multi-label span, with or without the cache.
        String both = "Onze zoon heeft het syndroom van Down.\n\nBSN 111222333";
        for (Veil v : List.of(Veil.builder().policy(policy).build(), Veil.builder().policy(policy).detectionCache().build())) {
            List<EntityType> types = v.scan(both).stream().map(Finding::type).toList();
            assertTrue(types.containsAll(List.of(EntityType.HEALTH, EntityType.GENETIC, EntityType.NL_BSN)), types.toString());
        }
    }

    @Test
    void blockAtOrAboveBlocksStrongFindingsOfATypeThePolicyOtherwiseKeeps() {
        Policy policy = Policy.strict().toBuilder().action(EntityType.NL_BSN, Action.KEEP)
                .blockAtOrAbove(EntityType.NL_BSN, 0.9).build();
        Veil veil = Veil.builder().policy(policy).build();
        assertEquals("nummer 111222333", veil.protect("nummer 111222333").text());
        assertEquals(List.of(), veil.scan("nummer 111222333"));
        assertThrows(PromptBlockedException.class, () -> veil.protect("BSN 111222333"));
        Veil uncached = Veil.builder().policy(policy).withoutDetectionCache().build();
        assertThrows(PromptBlockedException.class, () -> uncached.protect("BSN 111222333"));
    }

    @Test
    void thresholdsDecideWhatCounts() {
        String bare = "Referentie 111222333 graag vermelden";
        assertEquals(List.of(), VEIL.scan(bare));
        Policy low = Policy.balanced().toBuilder().threshold(EntityType.NL_BSN, 0.3).build();
        assertEquals(1, Veil.builder().policy(low).build().scan(bare).size());
    }

    @Test
    void allowListedValuesAreNeverFlagged() {
        Veil veil = Veil.builder().allow("Support@Voorbeeld.nl").build();
        String text = "Vragen? support@voorbeeld.nl, of privé jan@voorbeeld.nl";
        assertEquals("Vragen? support@voorbeeld.nl, of privé [EMAIL]", veil.protect(text).text());
    }

    @Test
    void denyListedValuesAreAlwaysFlaggedAsTheirType() {
        EntityType project = EntityType.of("PROJECT_CODE");
        Veil veil = Veil.builder().deny(project, "Blue Falcon").deny(EntityType.PERSON, "Kees").build();
        assertEquals("Project [PROJECT_CODE] met [PERSON]; bluefalcon niet.",
                veil.protect("Project blue falcon met Kees; bluefalcon niet.").text());
    }

    @Test
    void denyListedValuesMatchThemselvesWhateverTheirScriptFoldsTo() {
        // String.toLowerCase folds a final capital sigma to ς and İ to two chars; text is folded per char.
        Veil veil = Veil.builder().withoutBuiltInDetectors().deny(EntityType.PERSON, "ΟΔΥΣΣΕΥΣ", "İlker").build();
        assertEquals("Van [PERSON] en [PERSON], [PERSON] en [PERSON].",
                veil.protect("Van ΟΔΥΣΣΕΥΣ en İlker, Οδυσσευσ en ilker.").text());
    }

    @Test
    void overlapsResolveToTheLongestSpan() {
        Veil veil = Veil.builder().deny(EntityType.PERSON, "jan").build();
        assertEquals("Mail [EMAIL] aub", veil.protect("Mail jan@voorbeeld.nl aub").text());
    }

    @Test
    void thePartOfAFindingThatALongerRivalDoesNotCoverIsProtectedAsWell() {
        assertEquals("Bel [HEALTH] [PERSON]", VEIL.protect("Bel MS-patiënt-Jan de Vries").text());
        Veil veil = Veil.builder().deny(EntityType.of("CLIENT"), "Vries Holding").build();
        assertEquals("Factuur voor [PERSON] [CLIENT] BV", veil.protect("Factuur voor Jan de Vries Holding BV").text());
    }

    @Test
    void aMultiLabelSpanIsReportedWithEveryTypeAndReplacedOnce() {
        String text = "Mijn zoon heeft het syndroom van Down.";
        List<Finding> findings = assertInvariants(text, VEIL.scan(text));
        List<EntityType> types = findings.stream().map(Finding::type).toList();
        assertEquals(List.of(EntityType.HEALTH, EntityType.GENETIC), types);
        ProtectedText out = VEIL.protect(text);
        assertEquals("Mijn zoon heeft het [HEALTH].", out.text());
        assertEquals(Map.of(EntityType.HEALTH, 1, EntityType.GENETIC, 1), out.counts());
        Policy blockGenetic = Policy.balanced().toBuilder().action(EntityType.GENETIC, Action.BLOCK).build();
        assertThrows(PromptBlockedException.class, () -> Veil.builder().policy(blockGenetic).build().protect(text),
                "a co-label still counts for blocking");
    }

    @Test
    void emptyTextHasNoFindings() {
        assertEquals(List.of(), VEIL.scan(""));
        assertEquals("", VEIL.protect("").text());
    }

    @Test
    void nullArgumentsNameTheParameter() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> VEIL.protect(null));
        assertEquals("text", e.getMessage());
        assertEquals("language", assertThrows(NullPointerException.class, () -> VEIL.scan("x", null)).getMessage());
        assertEquals("policy", assertThrows(NullPointerException.class, () -> Veil.builder().policy(null)).getMessage());
    }

    @Test
    void textsOverTheLimitAreRefusedWithoutQuotingThem() {
        Veil small = Veil.builder().maxTextLength(10).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small.scan("jan@voorbeeld.nl"));
        assertFalse(e.getMessage().contains("jan"));
    }

    @Test
    void aFailingDetectorFailsTheCallClosedWithoutQuotingText() {
        Detector broken = detector("broken", (input, sink) -> {
            throw new IllegalStateException("cannot parse " + input.text());
        });
        Veil veil = Veil.builder().detector(broken).build();
        DetectionFailedException e = assertThrows(DetectionFailedException.class, () -> veil.protect("geheim 06-12345678"));
        assertEquals("broken", e.detectorId());
        assertFalse(e.getMessage().contains("geheim"));
        assertEquals(null, e.getCause());
    }

    @Test
    void aDetectorThrowingAnAssertionErrorOrAnUndeclaredCheckedExceptionFailsClosedWithoutQuotingText() {
        Detector asserting = detector("asserting", (input, sink) -> {
            throw new AssertionError("unexpected " + input.text());
        });
        DetectionFailedException e = assertThrows(DetectionFailedException.class,
                () -> Veil.builder().detector(asserting).build().protect("geheim 06-12345678"));
        assertEquals("asserting", e.detectorId());
        assertFalse(e.getMessage().contains("geheim"));
        // Kotlin and @SneakyThrows code throw checked exceptions a Java signature does not declare.
        Detector sneaky = detector("sneaky", (input, sink) -> VeilTest.<RuntimeException>sneakyThrow(
                new java.io.IOException("cannot read " + input.text())));
        e = assertThrows(DetectionFailedException.class,
                () -> Veil.builder().detector(sneaky).build().protect("geheim 06-12345678"));
        assertEquals("sneaky", e.detectorId());
        assertFalse(e.getMessage().contains("geheim"));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void aToleratedDetectorFailureSkipsOnlyItsFindings() {
        Detector broken = detector("broken", (input, sink) -> {
            sink.accept(0, 3, EntityType.PERSON, 1.0);
            throw new IllegalStateException("boom");
        });
        Policy policy = Policy.balanced().toBuilder().tolerateFailureOf("broken").build();
        // Without the name detector, so "Jan" could only have been found by the broken one.
        Veil veil = Veil.builder().policy(policy).withoutDetector("person.rules").detector(broken).build();
        assertEquals("Jan [PHONE]", veil.protect("Jan 06-12345678").text());
    }

    @Test
    void aDetectorOverItsTimeBudgetFailsTheCallUnlessTolerated() {
        Detector slow = detector("slow", (input, sink) -> {
            sink.accept(0, 3, EntityType.PERSON, 1.0);
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Veil strict = Veil.builder().detector(slow).detectorTimeBudget(Duration.ofMillis(20)).build();
        DetectionFailedException e = assertThrows(DetectionFailedException.class, () -> strict.protect("Jan 06-12345678"));
        assertEquals("slow", e.detectorId());
        assertTrue(e.getMessage().contains("time budget"));
        Policy tolerant = Policy.balanced().toBuilder().tolerateFailureOf("slow").build();
        Veil lenient = Veil.builder().policy(tolerant).withoutDetector("person.rules").detector(slow)
                .detectorTimeBudget(Duration.ofMillis(20)).build();
        assertEquals("Jan [PHONE]", lenient.protect("Jan 06-12345678").text());
        Veil generous = Veil.builder().detectorTimeBudget(Duration.ofSeconds(30)).build();
        assertEquals("Bel [PHONE]", generous.protect("Bel 06-12345678").text());
        assertThrows(IllegalArgumentException.class, () -> Veil.builder().detectorTimeBudget(Duration.ZERO));
    }

    @Test
    void aDetectorReportingABadSpanFailsClosed() {
        Detector outOfBounds = detector("oob", (input, sink) -> sink.accept(0, input.text().length() + 1, EntityType.PERSON, 1));
        assertThrows(DetectionFailedException.class, () -> Veil.builder().detector(outOfBounds).build().protect("abc"));
        Detector splitter = detector("split", (input, sink) -> sink.accept(0, 1, EntityType.PERSON, 1));
        assertThrows(DetectionFailedException.class, () -> Veil.builder().detector(splitter).build().protect("😀 x"));
    }

    @Test
    void customDetectorsSeeEarlierFindings() {
        List<Integer> seen = new ArrayList<>();
        Detector probe = detector("probe", (input, sink) -> seen.add(input.priorFindings().size()));
        Veil.builder().detector(probe).build().scan("jan@voorbeeld.nl en 06-12345678");
        assertEquals(List.of(2), seen);
    }

    @Test
    void duplicateDetectorIdsAreRejected() {
        Detector a = detector("same", (input, sink) -> { });
        assertThrows(IllegalArgumentException.class, () -> Veil.builder().detector(a).detector(a));
        Detector myEmail = detector("email", (input, sink) -> { });
        assertThrows(IllegalArgumentException.class, () -> Veil.builder().detector(myEmail).build(),
                "a custom detector may not silently sit next to the built-in one with its id");
        assertEquals(List.of("email"), Veil.builder().withoutBuiltInDetectors().detector(myEmail).build().detectorIds());
        assertTrue(Veil.builder().withoutDetector("email").detector(myEmail).build().detectorIds().contains("email"));
        Detector lookAlike = detector("session.look-alike", (input, sink) -> { });
        assertThrows(IllegalArgumentException.class, () -> Veil.builder().detector(lookAlike));
    }

    @Test
    void pathologicalInputIsScannedInLinearTime() {
        StringBuilder sb = new StringBuilder(10_000_000);
        String[] pieces = {"a@", "0", " ", ".", "-", "@@", "1.", "+3", "NL9", ":", "[at]", "(0"};
        Random random = new Random(42);
        while (sb.length() < 10_000_000) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        String huge = sb.toString();
        String digits = "1".repeat(5_000_000) + " " + "0 ".repeat(2_500_000);
        // Generous bound: a backtracking or quadratic scan would take minutes, a linear one seconds.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertInvariants(huge, VEIL.scan(huge));
            assertInvariants(digits, VEIL.scan(digits));
        });
    }

    @Test
    void randomUnicodeAndBinaryNoiseNeverBreakTheInvariants() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(400);
            for (int i = 0; i < len; i++) {
                int kind = random.nextInt(10);
                if (kind < 3) {
                    sb.append((char) random.nextInt(0x10000)); // includes unpaired surrogates and controls
                } else if (kind < 5) {
                    sb.appendCodePoint(0x1F600 + random.nextInt(80));
                } else {
                    sb.append("0123456789 +-.@()/:abcNLjan[at]".charAt(random.nextInt(31)));
                }
            }
            if (round % 10 == 0) {
                sb.append(" jan@voorbeeld.nl 06-12345678 ");
            }
            String text = sb.toString();
            List<Finding> findings = assertInvariants(text, VEIL.scan(text));
            String protectedText = VEIL.protect(text).text();
            if (round % 10 == 0) {
                assertFalse(protectedText.contains("jan@voorbeeld.nl"));
                assertTrue(findings.size() >= 2);
            }
        }
    }

    @Test
    void oneEngineServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String text = "Klant " + id + "-" + i + ": mail jan" + i + "@voorbeeld.nl, IBAN NL91ABNA0417164300";
                        String out = VEIL.protect(text).text();
                        if (!out.equals("Klant " + id + "-" + i + ": mail [EMAIL], IBAN [IBAN]")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noToStringOrExceptionContainsInputText() {
        String secret = "geheim.persoon@voorbeeld.nl";
        ProtectedText out = VEIL.protect("Mail " + secret);
        assertFalse(out.toString().contains("geheim"));
        assertFalse(VEIL.toString().contains("geheim"));
        for (Finding f : out.findings()) {
            assertFalse(f.toString().contains("geheim"));
        }
        Policy blockAll = Policy.balanced().toBuilder().defaultAction(Action.BLOCK).build();
        PromptBlockedException e = assertThrows(PromptBlockedException.class,
                () -> Veil.builder().policy(blockAll).build().protect("Mail " + secret));
        assertFalse(e.getMessage().contains("geheim"));
        assertFalse(e.toString().contains("geheim"));
    }

    @Test
    void policyPresetsAreNamedAndValidated() {
        assertEquals(Policy.balanced(), Policy.preset("balanced"));
        assertEquals(Policy.strict(), Policy.preset("strict"));
        assertThrows(IllegalArgumentException.class, () -> Policy.preset("lenient"));
        assertThrows(IllegalArgumentException.class, () -> Policy.builder().defaultThreshold(1.5));
        assertThrows(IllegalArgumentException.class, () -> EntityType.of("lower_case"));
    }

    private static Detector detector(String id, java.util.function.BiConsumer<DetectionInput, FindingSink> body) {
        return detector(id, EntityType.PERSON, body);
    }

    /** A detector that declares {@code type}, and does what {@code body} does. */
    private static Detector detector(String id, EntityType type,
            java.util.function.BiConsumer<DetectionInput, FindingSink> body) {
        return new Detector() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Set<EntityType> entityTypes() {
                return Set.of(type);
            }

            @Override
            public void detect(DetectionInput input, FindingSink sink) {
                body.accept(input, sink);
            }
        };
    }
}
