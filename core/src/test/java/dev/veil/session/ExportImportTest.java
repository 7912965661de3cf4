package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Veil;
import dev.veil.VeilException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExportImportTest {

    private static final byte[] KEY = new byte[32];
    private static final Veil VEIL = Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).build();

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private static byte[] exported() {
        Session s = VEIL.session("batch-" + System.nanoTime());
        s.protect("mail jan.geheim@voorbeeld.nl, bel 06-12345678");
        Fixtures.protect(s, "Jan de Vries", Action.SURROGATE, EntityType.PERSON, "Jan de Vries");
        return s.exportMapping(KEY);
    }

    @Test
    void anImportedMappingRestoresInAnotherSession() {
        Session s = VEIL.session("source");
        String out = s.protect("mail jan.geheim@voorbeeld.nl, bel 06-12345678").text();
        byte[] blob = s.exportMapping(KEY);
        String plain = new String(blob, StandardCharsets.ISO_8859_1);
        assertFalse(plain.contains("geheim"), "encrypted");
        Session later = Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).build().session("later");
        later.importMapping(KEY, blob);
        assertEquals("mail jan.geheim@voorbeeld.nl, bel 06-12345678", later.restore(out));
        assertEquals(out, later.protect("mail jan.geheim@voorbeeld.nl, bel 06-12345678").text(), "numbering goes on");
    }

    @Test
    void aSessionThatProtectedATextRefusesAnImportEvenIfItIssuedNothing() {
        Session s = VEIL.session("typed-first");
        assertEquals("zie EMAIL_1", s.protect("zie EMAIL_1").text());

        assertThrows(IllegalStateException.class, () -> s.importMapping(KEY, exported()));

        assertEquals("echo EMAIL_1", s.restore("echo EMAIL_1"), "the user's look-alike never restores to imported data");
    }

    @Test
    void aValueOfMoreThan64KilobytesSurvivesExportAndImport() {
        // writeUTF, which the first format used, cannot hold a string of more than 65,535 UTF-8 bytes.
        String big = "é".repeat(40_000) + "x".repeat(10_000);
        Session s = VEIL.session("big-value");
        String out = Fixtures.protect(s, big, Action.PSEUDONYMIZE, EntityType.of("CASE_FILE"), big);
        byte[] blob = s.exportMapping(KEY);
        Session later = Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).build().session("big-later");
        later.importMapping(KEY, blob);
        assertEquals(big, later.restore(out));
    }

    @Test
    void valuesWithLoneSurrogatesStayDistinctAfterExportAndImport() {
        Session s = VEIL.session("surrogates");
        String a = "CASE-\uD800X";
        String b = "CASE-\uD801X";
        String out = Fixtures.protect(s, a + " " + b, Action.PSEUDONYMIZE, EntityType.of("CASE_FILE"), a, b);
        Session later = Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).build().session("surrogates-later");
        later.importMapping(KEY, s.exportMapping(KEY));
        assertEquals(a + " " + b, later.restore(out));
    }

    @Test
    void aChangedFormatVersionFailsLikeAnyAlteredByte() {
        byte[] blob = exported();
        blob[4] = 1; // claim the first format: its strings would be read with the other layout
        Session target = VEIL.session("downgraded");
        VeilException e = assertThrows(VeilException.class, () -> target.importMapping(KEY, blob));
        assertTrue(e.getMessage().contains("altered"), e.getMessage());
        assertEquals(0, target.size());
    }

    @Test
    void aWrongKeyFailsClearlyAndImportsNothing() {
        byte[] wrong = KEY.clone();
        wrong[31] ^= 1;
        Session target = VEIL.session("wrong-key");
        VeilException e = assertThrows(VeilException.class, () -> target.importMapping(wrong, exported()));
        assertTrue(e.getMessage().contains("wrong key"), e.getMessage());
        assertEquals(0, target.size());
        assertEquals("[EMAIL_1]", target.restore("[EMAIL_1]"));
    }

    @Test
    void anyAlteredByteFailsAndImportsNothing() {
        byte[] blob = exported();
        Session target = VEIL.session("tampered");
        for (int i = 0; i < blob.length; i += Math.max(1, blob.length / 40)) {
            byte[] bad = blob.clone();
            bad[i] ^= 0x20;
            assertThrows(VeilException.class, () -> target.importMapping(KEY, bad), "byte " + i);
            assertEquals(0, target.size());
        }
        assertThrows(VeilException.class, () -> target.importMapping(KEY, Arrays.copyOf(blob, blob.length - 1)));
        assertThrows(VeilException.class, () -> target.importMapping(KEY, new byte[3]));
        target.importMapping(KEY, blob);
        assertEquals(3, target.size());
    }

    @Test
    void importRefusesASessionThatAlreadyHoldsValuesAndBadKeys() {
        Session s = VEIL.session("busy");
        s.protect("mail a@voorbeeld.nl");
        assertThrows(IllegalStateException.class, () -> s.importMapping(KEY, exported()));
        assertEquals("a@voorbeeld.nl", s.restore("[EMAIL_1]"));
        assertThrows(IllegalArgumentException.class, () -> s.exportMapping(new byte[10]));
    }
}
