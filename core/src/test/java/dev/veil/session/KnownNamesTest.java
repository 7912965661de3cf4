package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Policy;
import dev.veil.ProtectedText;
import dev.veil.Veil;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class KnownNamesTest {

    private static final Veil VEIL = Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).build();
    /** The name rules never start a name in capitals, nor read one as a value of this JSON: */
    private static final String MISSED = "Bel JAN DE VRIES terug over {\"aan\": [\"x\", \"jan de vries\"]}.";

    @Test
    void aFullNameTheSessionProtectedIsProtectedAgainWhereTheDetectorsMissIt() {
        assertTrue(VEIL.scan(MISSED).stream().noneMatch(f -> f.type().equals(EntityType.PERSON)),
                "the detectors alone miss both: " + VEIL.scan(MISSED));
        Session s = VEIL.session("known");
        assertEquals("Mijn naam is [PERSON_1].", s.protect("Mijn naam is Jan de Vries.").text());

        ProtectedText out = s.protect(MISSED);

        assertEquals("Bel [PERSON_1] terug over {\"aan\": [\"x\", \"[PERSON_1]\"]}.", out.text());
        assertEquals(2, out.counts().get(EntityType.PERSON), "counted as found");
        assertTrue(s.restore(out.text()).startsWith("Bel Jan de Vries terug"), s.restore(out.text()));
        assertEquals(MISSED, VEIL.session("other").protect(MISSED).text(), "another session knows nothing");
    }

    @Test
    void onlyWholeWordsOfFullNamesNotShortFormsOrLongerWords() {
        Session s = VEIL.session("whole-words");
        s.protect("Mijn naam is Jan de Vries, en De Vries is mijn achternaam.");
        String text = "De jan de vriesjes en xjan de vries, de vries en JAN zijn geen namen hier.";

        ProtectedText out = s.protect(text);

        assertTrue(out.findings().stream().noneMatch(f -> "session.known-name".equals(f.detector())), out.findings().toString());
    }

    @Test
    void aNameGluedToMoreNameIsSomeoneElses() {
        Session s = VEIL.session("glued");
        s.protect("Mijn naam is Jan de Vries.");

        ProtectedText out = s.protect("Bel JAN DE VRIES-BAKKER of O'JAN DE VRIES, niet jan de vries\u0301.");

        assertTrue(out.findings().stream().noneMatch(f -> "session.known-name".equals(f.detector())), out.findings().toString());
    }

    @Test
    void manyKnownNamesWithOnePrefixAreOneWalkPerWordStart() {
        Session s = VEIL.session("many");
        StringBuilder names = new StringBuilder();
        for (int k = 0; k < 300; k++) {
            names.append("Mijn collega Jan Jansen").append((char) ('a' + k % 26)).append((char) ('a' + k / 26)).append(" belt. ");
        }
        s.protect(names);

        ProtectedText out = s.protect("jan jansenab en JAN JANSENZK, jan jansen zelf niet.");

        assertEquals(2, out.findings().stream().filter(f -> "session.known-name".equals(f.detector())).count(),
                out.findings().toString());
    }

    @Test
    void aKnownNameInsideAnotherFindingIsLeftToThatFinding() {
        Session s = VEIL.session("inside");
        s.protect("Mijn naam is Jan de Vries.");
        ProtectedText out = s.protect("Mail jan.de.vries@voorbeeld.nl of JAN DE VRIES zelf.");

        assertEquals("Mail [EMAIL_1] of [PERSON_1] zelf.", out.text());
        List<Finding> known = out.findings().stream().filter(f -> "session.known-name".equals(f.detector())).toList();
        assertEquals(1, known.size(), known.toString());
    }

    @Test
    void withSurrogatesTheKnownNameGetsTheSameFake() {
        Veil surrogates = Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(Action.SURROGATE).build()).build();
        Session s = surrogates.session("fakes");
        String first = s.protect("Mijn naam is Jan de Vries.").text();
        String fake = first.substring("Mijn naam is ".length(), first.length() - 1);
        assertFalse(fake.contains("Vries"), fake);

        String again = s.protect("Bel JAN DE VRIES terug.").text();

        assertEquals("Bel " + fake + " terug.", again);
        assertEquals("Bel Jan de Vries terug.", s.restore(again));
    }

    @Test
    void aTextSeenBeforeIsSearchedAgainOnceTheSessionLearnsAName() {
        Session s = VEIL.session("remembered");
        s.protect("Mijn naam is Piet Bakker.");
        assertEquals(MISSED, s.protect(MISSED).text(), "no known name in it yet");
        assertEquals(MISSED, s.protect(MISSED).text(), "the same answer from memory");

        s.protect("En ik ben Jan de Vries.");

        assertEquals("Bel [PERSON_2] terug over {\"aan\": [\"x\", \"[PERSON_2]\"]}.", s.protect(MISSED).text());
        assertEquals("Bel [PERSON_2] terug over {\"aan\": [\"x\", \"[PERSON_2]\"]}.", s.protect(MISSED).text(),
                "remembered for the new names");
    }

    @Test
    void namesAddedOneByOneFindWhatAllAtOnceFindAndAnEarlierSetIsUnchanged() {
        List<String> all = List.of("jan de vries", "jan de vriesman", "jan de", "janne de vries", "piet de vries",
                "p. de vries", "\u00e9mile zola", "an de v", "jan de vries-bakker");
        String text = "Jan de Vries, JAN DE VRIESMAN en jan de vries-bakker zagen Janne de Vries, P. de Vries, "
                + "\u00c9mile Zola, piet de vries, An de V en jan de.";
        KnownNames atOnce = KnownNames.of(all);
        KnownNames stepwise = KnownNames.NONE;
        KnownNames[] steps = new KnownNames[all.size()];
        for (int k = 0; k < all.size(); k++) {
            stepwise = stepwise.with(List.of(all.get(k)));
            steps[k] = stepwise;
        }
        assertEquals(all.size(), stepwise.size());
        assertEquals(atOnce.find(text, List.of()), stepwise.find(text, List.of()));
        assertEquals(List.of("Jan de Vries", "JAN DE VRIESMAN", "jan de vries-bakker", "Janne de Vries", "P. de Vries",
                "\u00c9mile Zola", "piet de vries", "An de V", "jan de"),
                atOnce.find(text, List.of()).stream().map(f -> f.valueIn(text)).toList());
        for (int k = 0; k < all.size(); k++) {
            assertEquals(KnownNames.of(all.subList(0, k + 1)).find(text, List.of()), steps[k].find(text, List.of()),
                    "the set after " + (k + 1) + " names still finds only those");
        }
        assertEquals(List.of(), KnownNames.NONE.find(text, List.of()));
    }

    @Test
    void findingsAreRememberedByKeyAndStayBounded() {
        KnownNames names = KnownNames.of(List.of("jan de vries"));
        String one = "Bel JAN DE VRIES.";
        String other = "Nu jan de vries bellen.";
        List<Finding> inOne = List.of(new Finding(4, 16, EntityType.PERSON, 1.0, KnownNames.DETECTOR));
        List<Finding> inOther = List.of(new Finding(3, 15, EntityType.PERSON, 1.0, KnownNames.DETECTOR));
        Object key = new Object();
        assertEquals(inOne, names.find(one, List.of(), key));
        assertEquals(inOne, names.find(other, List.of(), key), "a key seen before is answered from memory");
        assertEquals(inOther, names.find(other, List.of(), new Object()));
        assertEquals(inOther, names.find(other, List.of(), null), "without a key, searched");
        assertEquals(2, names.remembered());
        // The same text with other findings (a detector the policy tolerates failing found nothing the
        // first time): a known name must not overlap them, so the text is searched again.
        List<Finding> mail = List.of(new Finding(4, 16, EntityType.EMAIL, 0.99, "email"));
        assertEquals(List.of(), names.find(one, mail, key));
        assertEquals(inOne, names.find(one, List.of(), key));
        for (int k = 0; k < KnownNames.MAX_REMEMBERED + 10; k++) {
            names.find(one, List.of(), k);
        }
        assertTrue(names.remembered() <= KnownNames.MAX_REMEMBERED, "at most " + KnownNames.MAX_REMEMBERED);
        assertEquals("KnownNames[1]", names.toString(), "neither names nor texts");
    }

    @Test
    void aReSentTextKeepsItsKnownNameProtectedWhenATolerantPolicySkipsAFailingDetector() {
        // A known name is left to a detector that finds it, and found by the session where none does:
        // what the session remembers of a text holds only for the same findings.
        AtomicBoolean failing = new AtomicBoolean();
        Detector flaky = new Detector() {
            @Override
            public String id() {
                return "flaky";
            }

            @Override
            public Set<EntityType> entityTypes() {
                return Set.of(EntityType.PERSON);
            }

            @Override
            public void detect(DetectionInput input, FindingSink sink) {
                if (failing.get()) {
                    throw new IllegalStateException("over its time budget");
                }
                String text = input.text().toString();
                for (int i = text.indexOf("Jan de Vries"); i >= 0; i = text.indexOf("Jan de Vries", i + 1)) {
                    sink.accept(i, i + 12, EntityType.PERSON, 0.9);
                }
            }
        };
        Veil veil = Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL.toBuilder().tolerateFailureOf("flaky").build())
                .withoutBuiltInDetectors().detector(flaky).build();
        String text = "Bel Jan de Vries.";
        for (boolean failsFirst : new boolean[] {false, true}) {
            Session s = veil.session("flaky-" + failsFirst);
            assertEquals("Ik ben [PERSON_1].", s.protect("Ik ben Jan de Vries.").text());
            failing.set(failsFirst);
            assertEquals("Bel [PERSON_1].", s.protect(text).text());
            failing.set(!failsFirst);
            assertEquals("Bel [PERSON_1].", s.protect(text).text(), failsFirst ? "the detector is back" : "it failed");
            failing.set(false);
        }
    }
}
