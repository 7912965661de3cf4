package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Action;
import dev.veil.EntityType;
import org.junit.jupiter.api.Test;

class PersonVariantsTest {

    private static String tokens(Session s, String text, String... names) {
        return Fixtures.protect(s, text, Action.PSEUDONYMIZE, EntityType.PERSON, names);
    }

    @Test
    void surfaceFormsOfOnePersonShareOneToken() {
        Session s = Fixtures.standalone();
        assertEquals("[PERSON_1] belde. Later schreef [PERSON_1] dat dhr. [PERSON_1] ziek is; [PERSON_1]'s auto en [PERSON_1].",
                tokens(s, "Jan de Vries belde. Later schreef J. de Vries dat dhr. De Vries ziek is; Jan's auto en De Vries.",
                        "Jan de Vries", "J. de Vries", "De Vries", "Jan's"));
        assertEquals("Jan de Vries", s.restore("[PERSON_1]"));
    }

    @Test
    void shortFormsLinkAcrossTurnsOnceTheFullNameWasSeen() {
        Session s = Fixtures.standalone();
        assertEquals("Mail van [PERSON_1].", tokens(s, "Mail van Anna Bakker.", "Anna Bakker"));
        assertEquals("Mevr. [PERSON_1] en [PERSON_1] zelf.", tokens(s, "Mevr. Bakker en Anna zelf.", "Mevr. Bakker", "Anna"));
    }

    @Test
    void aShortFormStaysItsOwnPersonWhenItCouldMeanTwo() {
        Session s = Fixtures.standalone();
        assertEquals("[PERSON_1] en [PERSON_2]", tokens(s, "Jan de Vries en Jan Jansen", "Jan de Vries", "Jan Jansen"));
        assertEquals("[PERSON_3] belde", tokens(s, "Jan belde", "Jan"), "two people called Jan: not guessed");
        assertEquals("Jan", s.restore("[PERSON_3]"));
        assertEquals("[PERSON_1]", tokens(s, "De Vries", "De Vries"), "only one De Vries: safe");
    }

    @Test
    void aShortFormLinkedToOnePersonIsNoLongerGuessedOnceASecondPersonFitsIt() {
        Session s = SessionTest.pseudonymizingSession("second-jan");
        assertEquals("Mail [PERSON_1].", s.protect("Mail Jan de Vries.").text());
        assertEquals("Bel [PERSON_1].", s.protect("Bel Jan.").text(), "one Jan so far: safe");
        assertEquals("Mail [PERSON_2].", s.protect("Mail Jan Jansen.").text());
        String later = s.protect("Bel Jan.").text();
        assertEquals("Bel [PERSON_3].", later, "two people called Jan now: not guessed");
        assertEquals("Bel Jan.", s.restore(later));
        assertEquals("Bel Jan de Vries.", s.restore("Bel [PERSON_1]."), "what was sent before still restores");
    }

    @Test
    void anInitialLinkedToOnePersonIsNoLongerGuessedOnceASecondPersonFitsIt() {
        Session s = Fixtures.standalone();
        tokens(s, "Jan de Vries", "Jan de Vries");
        assertEquals("[PERSON_1] belde", tokens(s, "J. de Vries belde", "J. de Vries"));
        assertEquals("[PERSON_2]", tokens(s, "Jannie de Vries", "Jannie de Vries"));
        assertEquals("[PERSON_3] belde", tokens(s, "J. de Vries belde", "J. de Vries"));
        assertEquals("J. de Vries belde", s.restore("[PERSON_3] belde"));
    }

    @Test
    void aShortFormKeepsItsOwnSurrogateOnceASecondPersonFitsIt() {
        Session s = Fixtures.standalone();
        String full = Fixtures.protect(s, "Jan de Vries", Action.SURROGATE, EntityType.PERSON, "Jan de Vries");
        String first = Fixtures.protect(s, "Jan", Action.SURROGATE, EntityType.PERSON, "Jan");
        assertEquals(full.split(" ")[0], first, "one Jan so far: his fake given name");
        String other = Fixtures.protect(s, "Jan Jansen", Action.SURROGATE, EntityType.PERSON, "Jan Jansen");
        String later = Fixtures.protect(s, "Jan", Action.SURROGATE, EntityType.PERSON, "Jan");
        assertNotEquals(first, later);
        assertNotEquals(other.split(" ")[0], later);
        assertEquals("Jan", s.restore(later));
        assertEquals("Jan", s.restore(first));
    }

    @Test
    void anImportedSessionStillStopsGuessingOnceASecondPersonFitsAShortForm() {
        Session s = SessionTest.pseudonymizingSession("export-jan");
        s.protect("Mail Jan de Vries.");
        s.protect("Bel Jan.");
        byte[] key = new byte[16];
        Session imported = SessionTest.pseudonymizingSession("import-jan");
        imported.importMapping(key, s.exportMapping(key));
        assertEquals("Mail [PERSON_2].", imported.protect("Mail Jan Jansen.").text());
        assertEquals("Bel [PERSON_3].", imported.protect("Bel Jan.").text());
    }

    @Test
    void twoPeopleWithOneFamilyNameKeepTheirOwnTokensAndTheBareSurnameIsNotGuessed() {
        Session s = Fixtures.standalone();
        String out = tokens(s, "Piet de Vries en Jan de Vries; De Vries zei J. de Vries",
                "Piet de Vries", "Jan de Vries", "De Vries", "J. de Vries");
        assertEquals("[PERSON_1] en [PERSON_2]; [PERSON_3] zei [PERSON_2]", out);
    }

    @Test
    void aShortFormSeenBeforeTheFullNameInOneTextStillLinks() {
        Session s = Fixtures.standalone();
        assertEquals("[PERSON_1] schreef: groet, [PERSON_1]", tokens(s, "De Vries schreef: groet, Jan de Vries",
                "De Vries", "Jan de Vries"));
    }

    @Test
    void surrogatesKeepTheShapeOfEachFormAndRestoreEachFormExactly() {
        Session s = Fixtures.standalone();
        String text = "Jan de Vries belde; dhr. De Vries en J. de Vries.";
        String out = Fixtures.protect(s, text, Action.SURROGATE, EntityType.PERSON, "Jan de Vries", "De Vries",
                "J. de Vries");
        assertFalse(out.contains("Vries"), out);
        assertTrue(out.contains("dhr. "), "the title stays");
        String[] parts = out.substring(0, out.indexOf(" belde")).split(" ", 2);
        assertNotEquals("Jan", parts[0]);
        assertEquals(text, s.restore(out));
    }

    @Test
    void aDutchNameGetsADutchSurrogate() {
        for (int i = 0; i < 20; i++) {
            Session s = Fixtures.standalone();
            String out = Fixtures.protect(s, "Gerrit van der Berg", Action.SURROGATE, EntityType.PERSON, "Gerrit van der Berg");
            String given = out.split(" ")[0];
            assertTrue(java.util.Arrays.asList(Surrogates.DUTCH_GIVEN).contains(given), out);
        }
    }
}
