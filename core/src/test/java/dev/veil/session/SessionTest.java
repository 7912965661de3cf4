package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Policy;
import dev.veil.ProtectedText;
import dev.veil.Veil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTest {

    static final Policy PSEUDONYMIZE_ALL = Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build();
    private static final Veil VEIL = Veil.builder().policy(PSEUDONYMIZE_ALL).build();

    /** A session of an engine that pseudonymises every type (the "P engine" of the README examples). */
    static Session pseudonymizingSession(String id) {
        return VEIL.session(id);
    }

    @Test
    void replacesEachValueWithATypedTokenAndRestoresTheReply() {
        Session s = VEIL.session("chat-1");
        ProtectedText p = s.protect("Mail jan.jansen@voorbeeld.nl of bel 06-12345678 over NL91 ABNA 0417 1643 00.");
        assertEquals("Mail [EMAIL_1] of bel [PHONE_1] over [IBAN_1].", p.text());
        assertEquals("Ik mail jan.jansen@voorbeeld.nl en bel 06-12345678.",
                s.restore("Ik mail [EMAIL_1] en bel [PHONE_1]."));
    }

    @Test
    void sameValueGetsTheSameTokenOnEveryTurnAndANewValueTheNextNumber() {
        Session s = VEIL.session("chat-turns");
        assertEquals("Mail [EMAIL_1].", s.protect("Mail a.smit@voorbeeld.nl.").text());
        assertEquals("Of [EMAIL_2] en [EMAIL_1]?", s.protect("Of b.smit@voorbeeld.nl en A.Smit@voorbeeld.nl?").text());
        assertEquals("a.smit@voorbeeld.nl, b.smit@voorbeeld.nl", s.restore("[EMAIL_1], [EMAIL_2]"));
    }

    @Test
    void aNameWrittenWithOtherWhitespaceIsTheSamePerson() {
        Session s = VEIL.session("spacing");
        String first = s.protect("Gesprek met Jan de Vries over het contract.").text();
        String token = first.substring(first.indexOf('['), first.indexOf(']') + 1);

        // (The detector never reads a name across a line break, so those are not tried here.)
        for (String spaced : new String[] {"Jan  de Vries", "Jan\tde Vries", "Jan de \t Vries"}) {
            String again = s.protect("Daarna belde " + spaced + " terug.").text();
            assertEquals("Daarna belde " + token + " terug.", again, spaced);
        }
    }

    @Test
    void leavesTokensOfOtherSessionsInventedTokensAndOutOfRangeNumbersAlone() {
        Session alice = VEIL.session("alice");
        Session bob = VEIL.session("bob");
        alice.protect("mail alice@voorbeeld.nl");
        assertEquals("Mail [EMAIL_1] please", bob.restore("Mail [EMAIL_1] please"));
        bob.protect("mail bob@voorbeeld.nl");
        assertEquals("bob@voorbeeld.nl [EMAIL_2] [EMAIL_0] [PHONE_1] [EMAIL_1x]",
                bob.restore("[EMAIL_1] [EMAIL_2] [EMAIL_0] [PHONE_1] [EMAIL_1x]"));
        assertEquals("alice@voorbeeld.nl", alice.restore("[EMAIL_1]"));
    }

    @Test
    void neverRestoresATokenLookAlikeTheUserTypedBeforeItWasIssued() {
        Session s = VEIL.session("paste");
        ProtectedText p = s.protect("Template: Dear [EMAIL_1], see EMAIL 2. My mail: me@voorbeeld.nl");
        assertFalse(p.text().contains("[EMAIL_1]]"));
        assertTrue(p.text().endsWith("My mail: [EMAIL_3]"), "skips the numbers the user typed");
        String reply = "Dear [EMAIL_1], see EMAIL 2, and [EMAIL_3].";
        assertEquals("Dear [EMAIL_1], see EMAIL 2, and me@voorbeeld.nl.", s.restore(reply));
    }

    @Test
    void aMappingIsASnapshotThatLaterTokensDoNotChange() {
        Session s = VEIL.session("snapshots");
        s.protect("mail a@voorbeeld.nl");
        Mapping first = s.mapping();
        s.protect("mail b@voorbeeld.nl");
        Mapping second = s.mapping();
        s.protect("bel 06-12345678 of mail a@voorbeeld.nl");
        Mapping third = s.mapping();

        assertEquals("a@voorbeeld.nl [EMAIL_2] [PHONE_1]", restore(first, "[EMAIL_1] [EMAIL_2] [PHONE_1]"));
        assertEquals("a@voorbeeld.nl b@voorbeeld.nl [PHONE_1]", restore(second, "[EMAIL_1] [EMAIL_2] [PHONE_1]"));
        assertEquals("a@voorbeeld.nl b@voorbeeld.nl 06-12345678", restore(third, "[EMAIL_1] [EMAIL_2] [PHONE_1]"));
        assertEquals("Mapping[tokens=1, surrogates=0]", first.toString());
        assertEquals("Mapping[tokens=3, surrogates=0]", third.toString());
        // Types are carried over, not rebuilt, while no new type is issued.
        assertTrue(first.types() == second.types(), "the same set while only EMAIL was issued");
        assertFalse(second.types().sameNames(third.types()), "PHONE is new");
        List<dev.veil.Finding> typed = new ArrayList<>();
        first.lookAlikes("zie EMAIL_2 en EMAIL_1".toCharArray(), typed);
        assertEquals(1, typed.size(), "only the token the snapshot held is a look-alike in it");
        s.close();
        // A snapshot held past the end (a stream restorer's) restores nothing: the values are gone.
        assertEquals("[EMAIL_1] [EMAIL_2] [PHONE_1]", restore(third, "[EMAIL_1] [EMAIL_2] [PHONE_1]"));
        assertEquals("[EMAIL_1]", restore(first, "[EMAIL_1]"));
    }

    @Test
    void aTokenIssuedAgainForAnotherValueIsRefusedAndChangesNothing() {
        // Unreachable through exportMapping/importMapping (the codec refuses counters that lag their
        // tokens); a state installed directly shows that the vault refuses rather than remap a token.
        Vault.State lagging = new Vault.State();
        lagging.valueByToken.put("EMAIL_1", "a@voorbeeld.nl");
        lagging.tokenByValue.put("EMAIL\u0000a@voorbeeld.nl", "EMAIL_1");
        Vault vault = new Vault(null);
        vault.install(lagging);
        Vault.Item other = new Vault.Item(EntityType.EMAIL, "b@voorbeeld.nl", false, false);

        assertThrows(IllegalStateException.class, () -> vault.protect("mail", null, List.of(), List.of(other)));

        assertEquals("a@voorbeeld.nl", restore(vault.mapping(), "[EMAIL_1]"));
        assertEquals(1, vault.size());
    }

    private static String restore(Mapping mapping, String reply) {
        StringBuilder out = new StringBuilder();
        mapping.restore(reply, 0, true, out, new StringBuilder());
        return out.toString();
    }

    @Test
    void findsEveryTypedTokenThatRestoreWouldReplaceHoweverFarFromOtherDigits() {
        Session s = VEIL.session("look-alikes");
        s.protect("mail a@voorbeeld.nl en b@voorbeeld.nl, bel 06-12345678, IBAN NL91 ABNA 0417 1643 00, "
                + "BSN 111222333");
        Mapping mapping = s.mapping();
        assertTrue(s.restore("[NL_BSN_1]").equals("111222333"), "a type with two segments is in the session");
        String[] pieces = {"[EMAIL_1]", "EMAIL_2", "email-1", "<PHONE_1>", "IBAN 1", "[EMAIL_3]", "\\[EMAIL\\_1\\]",
            "&lt;&lt;PHONE_1&gt;&gt;", "EMAIL", "_", "-", " ", "1", "42", "x", "[", "]", "\n", "e", "Iban",
            "NL_BSN_1", "nl-bsn-1", "[NL BSN 1]", "NL\\_BSN\\_1", "bsn_1", "NL", "BSN", "0", "07",
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. "};
        java.util.Random random = new java.util.Random(11);
        for (int t = 0; t < 3000; t++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                String piece = pieces[random.nextInt(pieces.length)];
                text.append(piece.startsWith("Lorem") ? piece.repeat(1 + random.nextInt(4)) : piece);
            }
            List<dev.veil.Finding> found = new java.util.ArrayList<>();
            mapping.lookAlikes(text.toString().toCharArray(), found);
            // Restore scans every position; the look-alikes, put back as their values, must give the same.
            StringBuilder rebuilt = new StringBuilder();
            int at = 0;
            for (dev.veil.Finding f : found) {
                rebuilt.append(text, at, f.start()).append(s.restore(text.substring(f.start(), f.end())));
                at = f.end();
            }
            rebuilt.append(text, at, text.length());
            assertEquals(s.restore(text), rebuilt.toString(), text.toString());
        }
    }

    @Test
    void anIssuedTokenTheUserTypesLaterRestoresToWhatTheUserTyped() {
        Session s = VEIL.session("typed-later");
        s.protect("mail jan@voorbeeld.nl");
        ProtectedText p = s.protect("Wat betekent <email-1> in jouw antwoord?");
        assertEquals("Wat betekent [EMAIL_2] in jouw antwoord?", p.text());
        assertTrue(p.findings().isEmpty(), "a look-alike is not personal data");
        assertEquals("<email-1> is jan@voorbeeld.nl", s.restore("[EMAIL_2] is [EMAIL_1]"));
    }

    @Test
    void aTextWithATypedTokenSentAgainIsWrittenTheSameAndStillRestoresToWhatTheUserTyped() {
        // The history a chat sends every turn: the vault remembers the text's replacements, and the typed
        // token, found anew each time, still gets its own.
        Session s = VEIL.session("typed-again");
        s.protect("mail jan@voorbeeld.nl");
        String text = "Stuur <email-1> door naar piet@voorbeeld.nl, zegt Jan.";
        String first = s.protect(text).text();
        assertEquals("Stuur [EMAIL_3] door naar [EMAIL_2], zegt [PERSON_1].", first);
        for (int turn = 0; turn < 3; turn++) {
            s.protect("nog een vraag " + turn);
            assertEquals(first, s.protect(text).text());
        }
        assertEquals("<email-1> en piet@voorbeeld.nl", s.restore("[EMAIL_3] en [EMAIL_2]"));
    }

    @Test
    void aTypedTokenOfATypeWithTheLongestPossibleNameIsSeenAsTyped() {
        // Look-alike search skips words whose length no type's last segment has; a 64-char name is compared.
        EntityType longest = EntityType.of("K" + "X".repeat(63));
        Veil veil = Veil.builder().policy(PSEUDONYMIZE_ALL).deny(longest, "Project Zonnebloem").build();
        Session s = veil.session("longest-type");
        assertEquals("Over [" + longest.name() + "_1].", s.protect("Over Project Zonnebloem.").text());

        ProtectedText typed = s.protect("Wat is " + longest.name() + "_1 precies?");

        assertFalse(typed.text().contains(longest.name() + "_1 "), typed.text());
        assertEquals("Wat is " + longest.name() + "_1 precies?", s.restore(typed.text()));
    }

    @Test
    void aNumberAfterAnOrdinaryWordReservesNothingSoLongDocumentsNeverFillASession() {
        // 60,000 "Ordernummer N": no type ends in ORDERNUMMER, so none of them could be a typed token.
        Session s = VEIL.session("orders");
        for (int turn = 0; turn < 6; turn++) {
            StringBuilder text = new StringBuilder("Bestellingen van jan@voorbeeld.nl:");
            for (int i = 0; i < 10_000; i++) {
                text.append(" Ordernummer ").append(1 + turn * 10_000 + i).append(',');
            }
            assertTrue(s.protect(text).text().startsWith("Bestellingen van [EMAIL_1]:"));
        }
        assertEquals("Mail [EMAIL_2]", s.protect("Mail piet@voorbeeld.nl").text(), "no number was skipped");
    }

    @Test
    void aNumberAfterTheNameOfACustomDetectorsTypeIsReservedLikeABuiltInOne() {
        dev.veil.detect.Detector cases = caseFiles("AB-2024");
        Session s = Veil.builder().policy(PSEUDONYMIZE_ALL).detector(cases).build().session("cases");

        assertEquals("Zie file 1 en file-2.", s.protect("Zie file 1 en file-2.").text());
        assertEquals("Dossier [CASE_FILE_3].", s.protect("Dossier AB-2024.").text(), "1 and 2 were typed");
        assertEquals("Zie file 1 en AB-2024.", s.restore("Zie file 1 en [CASE_FILE_3]."));
    }

    @Test
    void aSessionWithAnImportedMappingReservesLookAlikesOfItsTypesTooEvenIfTheEngineNeverReportsThem() {
        // Engine A issued CASE_FILE_1; engine B (default detectors) imports that mapping and sees the user
        // type CASE_FILE_2 before the literal CASE_FILE_1: the token it issues for it must not be CASE_FILE_2.
        dev.veil.detect.Detector cases = caseFiles("DOSSIER-77");
        byte[] key = new byte[32];
        Session a = Veil.builder().policy(PSEUDONYMIZE_ALL).detector(cases).build().session("a");
        assertEquals("zie [CASE_FILE_1]", a.protect("zie DOSSIER-77").text());
        Session b = VEIL.session("imported-case-files");
        b.importMapping(key, a.exportMapping(key));

        String typed = "Mijn notities: CASE_FILE_2. En CASE_FILE_1 typte ik zelf.";
        String sent = b.protect(typed).text();

        assertEquals(typed, b.restore(sent), sent);
    }

    @Test
    void aTokenLookAlikeInATurnWithNothingToProtectIsNeverIssuedLater() {
        Session s = VEIL.session("typed-alone");
        String typed = s.protect("Zeg letterlijk [EMAIL_1] terug aub").text();
        assertEquals("mail [EMAIL_2]", s.protect("mail geheim@voorbeeld.nl").text());
        assertEquals("Zeg letterlijk [EMAIL_1] terug aub", s.restore(typed));
    }

    @Test
    void aTextSentAgainUnderItsKeyIsNotReadForLookAlikesAgainButKeepsThemReserved() {
        Vault vault = new Vault(null);
        String typed = "Zeg letterlijk EMAIL 2 terug";
        Object key = new Object();
        vault.protect(typed, key, List.of(), List.of());
        // The key stands for the text: under it, the engine promises the same text, so another text
        // under the same key is not read. Its "EMAIL 3" is not reserved; the first text's "EMAIL 2" stays.
        vault.protect("Zeg letterlijk EMAIL 3 terug", key, List.of(), List.of());
        vault.protect(typed, new Object(), List.of(), List.of());
        List<String> issued = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Vault.Item mail = new Vault.Item(EntityType.EMAIL, "x" + k + "@voorbeeld.nl", false, false);
            issued.add(vault.protect("mail", null, List.of(), List.of(mail)).replacements()[0]);
        }
        assertEquals(List.of("[EMAIL_1]", "[EMAIL_3]", "[EMAIL_4]"), issued);
    }

    @Test
    void withTheDetectionCacheATextThatOnlyBeginsLikeOneSeenBeforeIsReadForLookAlikes() {
        // The cached engine hands the session the key its cache pass made for the whole text; a key of
        // the shared first paragraph only would skip the second text and leave its EMAIL 3 unreserved.
        Veil cached = Veil.builder().policy(PSEUDONYMIZE_ALL).detectionCache().build();
        Session s = cached.session("cached-keys");
        String paragraph = "Dit is een lange alinea zonder persoonsgegevens over de planning van het project. ".repeat(4);
        s.protect(paragraph + "\n\nZeg letterlijk EMAIL 2 terug");
        s.protect(paragraph + "\n\nZeg letterlijk EMAIL 3 terug");
        s.protect(paragraph + "\n\nZeg letterlijk EMAIL 4 terug\n\n");
        s.protect(paragraph + "\n\nZeg letterlijk EMAIL 5 terug\n\n");
        List<String> issued = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            issued.add(s.protect("mail x" + k + "@voorbeeld.nl").text());
        }
        assertEquals(List.of("mail [EMAIL_1]", "mail [EMAIL_6]"), issued);
    }

    @Test
    void aTextSentAgainIsLookedAtForTypedTokensWhereItsNumbersAreAlsoForTokensIssuedSince() {
        // Numbers after "EMAIL" reserve nothing here (only person words do), so EMAIL_1 can be issued
        // after the text below was first sent: sent again, its "EMAIL 1" is then a typed token.
        Vault vault = new Vault(null, TypeSet.of(List.of("PERSON")));
        Object key = new Object();
        String text = "Zie EMAIL 1 hieronder";
        Vault.Item person = new Vault.Item(EntityType.PERSON, "Jan de Vries", false, false);
        vault.protect("Jan de Vries", null, List.of(), List.of(person));
        assertEquals(List.of(), vault.protect(text, key, List.of(), List.of()).lookAlikes(), "no EMAIL token yet");
        Vault.Item mail = new Vault.Item(EntityType.EMAIL, "jan@voorbeeld.nl", false, false);
        assertEquals("[EMAIL_1]", vault.protect("mail", null, List.of(), List.of(mail)).replacements()[0]);

        List<Finding> typed = vault.protect(text, key, List.of(), List.of()).lookAlikes();

        assertEquals(1, typed.size(), typed.toString());
        assertEquals("EMAIL 1", typed.get(0).valueIn(text));
        // Under the same key and types the places are remembered: the key stands for the text, so
        // another text under it is looked at in the first text's places (here: none of its own).
        assertEquals(typed, vault.protect(text, key, List.of(), List.of()).lookAlikes());
        String other = "Hieronder staat het adres van de klant, zoals eerder gevraagd: EMAIL 1";
        assertEquals(List.of(), vault.protect(other, key, List.of(), List.of()).lookAlikes());
        assertEquals(1, vault.protect(other, new Object(), List.of(), List.of()).lookAlikes().size());
    }

    @Test
    void aTypedTokenInsideAFindingOneTimeIsFoundWhenTheTextComesAgainWithoutThatFinding() {
        Vault vault = new Vault(null);
        vault.protect("Jan de Vries", null, List.of(),
                List.of(new Vault.Item(EntityType.PERSON, "Jan de Vries", false, false)));
        String text = "Zie PERSON 1 nu";
        Object key = new Object();
        List<Finding> covering = List.of(new Finding(4, 12, EntityType.EMAIL, 0.9, "flaky"));
        assertEquals(List.of(), vault.protect(text, key, covering, List.of()).lookAlikes());

        List<Finding> typed = vault.protect(text, key, List.of(), List.of()).lookAlikes();

        assertEquals(1, typed.size(), "PERSON 1 outside any finding is a typed token: " + typed);
    }

    @Test
    void aTokenAnotherThreadIssuesWhileATurnIsInFlightIsStillSeenAsTypedByThatTurn() throws Exception {
        Session s = VEIL.session("race");
        // The worst interleaving, forced: a whole turn on another thread, after this turn was detected
        // and before it issues anything. The other thread's turn must not run the hook again.
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        String[] other = new String[1];
        s.beforeIssuing = () -> {
            if (fired.compareAndSet(false, true)) {
                Thread t = new Thread(() -> other[0] = s.protect("mail geheim@voorbeeld.nl").text());
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        };
        String mine = s.protect("Zeg letterlijk [EMAIL_1] terug aan piet@voorbeeld.nl").text();
        assertTrue(fired.get());
        assertEquals("mail [EMAIL_1]", other[0]);
        assertEquals("Zeg letterlijk [EMAIL_1] terug aan piet@voorbeeld.nl", s.restore(mine));
        assertEquals("geheim@voorbeeld.nl", s.restore(other[0]).substring(5));
    }

    @Test
    void turnsOnOneSessionFromTwoThreadsNeverRestoreATypedTokenToTheOtherTurnsValue() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 200; trial++) {
                Session s = VEIL.session("race-" + trial);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Future<String> typed = pool.submit(() -> {
                    start.await();
                    return s.protect("Zeg letterlijk [EMAIL_1] terug aub").text();
                });
                java.util.concurrent.Future<String> value = pool.submit(() -> {
                    start.await();
                    return s.protect("mail geheim@voorbeeld.nl").text();
                });
                value.get();
                assertEquals("Zeg letterlijk [EMAIL_1] terug aub", s.restore(typed.get()), "trial " + trial);
                s.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void restoringAnEchoOfTheProtectedTextKeepsTheUsersOwnBrackets() {
        Session s = VEIL.session("brackets");
        for (String text : List.of("Zet deze link in de mail: [jan@voorbeeld.nl](mailto:jan@voorbeeld.nl)",
                "Deelnemers: [Piet Jansen], [Kees Bakker]", "<<jan@voorbeeld.nl>>", "{{06-12345678}}",
                "Pad: C:\\jan@voorbeeld.nl", "[[piet@voorbeeld.nl]]")) {
            String sent = s.protect(text).text();
            assertEquals(text, s.restore(sent), sent);
            assertEquals(text, Fixtures.streamed(s, sent.chars().mapToObj(c -> String.valueOf((char) c)).toList()));
        }
    }

    @Test
    void anIssuedTokenTypedGluedToAValueIsSeenAsTypedOnceTheValueIsAToken() {
        Session s = Fixtures.standalone();
        Fixtures.protect(s, "mail a@voorbeeld.nl", Action.PSEUDONYMIZE, EntityType.EMAIL, "a@voorbeeld.nl");
        // "00_EMAIL 1" is no token, but "[IBAN_1]_EMAIL 1" is: it must restore to what the user typed.
        String text = "NL91ABNA0417164300_EMAIL 1 en EMAIL-1x" + "NL91ABNA0417164300";
        String sent = Fixtures.protect(s, text, Action.PSEUDONYMIZE, EntityType.IBAN, "NL91ABNA0417164300");
        assertEquals(text, s.restore(sent), sent);
    }

    @Test
    void aCraftedReplyCannotRevealAValueThatIsNotInTheSession() {
        Session victim = VEIL.session("victim");
        victim.protect("IBAN NL91 ABNA 0417 1643 00, mail secret@voorbeeld.nl, bel 06-12345678");
        Session attacker = VEIL.session("attacker");
        attacker.protect("mijn mail is mallory@voorbeeld.nl");
        StringBuilder crafted = new StringBuilder();
        for (String type : List.of("IBAN", "EMAIL", "PHONE", "PERSON")) {
            for (int n = 0; n < 30; n++) {
                crafted.append(" [").append(type).append('_').append(n).append("] ").append(type).append(' ')
                        .append(n).append(" <").append(type.toLowerCase()).append('-').append(n).append('>');
            }
        }
        String restored = attacker.restore(crafted);
        assertFalse(restored.contains("NL91"));
        assertFalse(restored.contains("secret@"));
        assertFalse(restored.contains("12345678"));
        assertTrue(restored.contains("mallory@voorbeeld.nl"));
        StreamRestorer r = attacker.streamRestorer();
        String streamed = r.accept(crafted) + r.finish();
        assertEquals(restored, streamed);
    }

    @Test
    void protectingWithoutASessionFailsClearlyWhenAValueNeedsOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VEIL.protect("mail jan@voorbeeld.nl"));
        assertTrue(e.getMessage().contains("session"));
        assertFalse(e.getMessage().contains("jan@"));
        assertEquals("geen gegevens", VEIL.protect("geen gegevens").text());
    }

    @Test
    void mixesSessionActionsWithOtherActions() {
        Policy policy = Policy.balanced().toBuilder().action(EntityType.EMAIL, Action.PSEUDONYMIZE)
                .action(EntityType.PHONE, Action.REPLACE).action(EntityType.IBAN, Action.SURROGATE).build();
        Session s = Veil.builder().policy(policy).build().session("mixed");
        String out = s.protect("mail jan@voorbeeld.nl, bel 06-12345678, IBAN NL91 ABNA 0417 1643 00").text();
        assertTrue(out.startsWith("mail [EMAIL_1], bel [PHONE], IBAN NL"), "surrogate IBAN keeps its country");
        assertFalse(out.contains("NL91 ABNA 0417 1643 00"));
        assertEquals("mail jan@voorbeeld.nl, bel [PHONE], IBAN NL91 ABNA 0417 1643 00", s.restore(out));
    }

    @Test
    void aBlockedPromptIssuesNothing() {
        Policy policy = PSEUDONYMIZE_ALL.toBuilder().action(EntityType.NL_BSN, Action.BLOCK).build();
        Session s = Veil.builder().policy(policy).build().session("blocked");
        assertThrows(dev.veil.PromptBlockedException.class,
                () -> s.protect("mail jan@voorbeeld.nl, BSN 123456782"));
        assertEquals(0, s.size());
        assertEquals("mail [EMAIL_1]", s.protect("mail jan@voorbeeld.nl").text());
    }

    @Test
    void endingASessionDropsItsMappingAndTheIdStartsAfresh() {
        Session s = VEIL.session("ending");
        s.protect("mail jan@voorbeeld.nl");
        s.close();
        assertTrue(s.isClosed());
        assertEquals(0, s.size());
        assertThrows(IllegalStateException.class, () -> s.restore("[EMAIL_1]"));
        assertThrows(IllegalStateException.class, () -> s.protect("mail jan@voorbeeld.nl"));
        Session again = VEIL.session("ending");
        assertNotEquals(s, again);
        assertEquals("[EMAIL_1]", again.restore("[EMAIL_1]"));
    }

    @Test
    void endSessionByIdDropsTheMapping() {
        Session s = VEIL.session("end-by-id");
        s.protect("mail jan@voorbeeld.nl");
        VEIL.endSession("end-by-id");
        assertTrue(s.isClosed());
    }

    @Test
    void toStringAndExceptionsNeverShowValuesOrTheId() {
        Session s = VEIL.session("user-jan@voorbeeld.nl");
        ProtectedText p = s.protect("mail jan.secret@voorbeeld.nl, NL91 ABNA 0417 1643 00");
        String shown = s + " " + p + " " + s.streamRestorer() + " " + VEIL;
        assertFalse(shown.contains("secret"), shown);
        assertFalse(shown.contains("NL91"), shown);
        assertFalse(shown.contains("voorbeeld"), shown);
        s.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.protect("x"));
        assertFalse(e.getMessage().contains("voorbeeld"));
    }

    /** A detector of type CASE_FILE that finds every occurrence of {@code number}. */
    private static dev.veil.detect.Detector caseFiles(String number) {
        EntityType caseFile = EntityType.of("CASE_FILE");
        return new dev.veil.detect.Detector() {
            @Override
            public String id() {
                return "cases";
            }

            @Override
            public java.util.Set<EntityType> entityTypes() {
                return java.util.Set.of(caseFile);
            }

            @Override
            public void detect(dev.veil.detect.DetectionInput input, dev.veil.detect.FindingSink sink) {
                String text = input.text().toString();
                for (int at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
                    sink.accept(at, at + number.length(), caseFile, 0.9);
                }
            }
        };
    }
}
