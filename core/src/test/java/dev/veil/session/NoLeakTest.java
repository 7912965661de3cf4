package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.VeilException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No value a session holds ever shows in a toString() or an exception message. */
class NoLeakTest {

    private static final String SECRET = "Geheimnaam Zwartsluis";

    private static void assertClean(Object... shown) {
        for (Object o : shown) {
            String s = String.valueOf(o);
            assertFalse(s.contains("Geheimnaam") || s.contains("Zwartsluis") || s.contains("geheim@"), s);
        }
    }

    @Test
    void internalsPrintCountsOnly() {
        Session s = Fixtures.standalone();
        Fixtures.protect(s, SECRET + " geheim@voorbeeld.nl", Action.SURROGATE, EntityType.PERSON, SECRET);
        Fixtures.protect(s, "geheim@voorbeeld.nl", Action.PSEUDONYMIZE, EntityType.EMAIL, "geheim@voorbeeld.nl");
        Vault v = new Vault(null);
        v.protect(SECRET, null, List.of(new dev.veil.Finding(0, SECRET.length(), EntityType.PERSON, 0.9, "test")),
                List.of(new Vault.Item(EntityType.PERSON, SECRET, false, false)));
        assertClean(s, v, v.mapping(), new Vault.Item(EntityType.PERSON, SECRET, true, false), PersonName.parse(SECRET),
                new Person(), new KeyedTokens(new byte[16]), s.streamRestorer(),
                new Mapping(Map.of("PERSON_1", SECRET), Map.of("Bas Bakker", SECRET)));
    }

    @Test
    void failuresNeverQuoteValues() {
        Session s = Fixtures.standalone();
        Fixtures.protect(s, SECRET, Action.PSEUDONYMIZE, EntityType.PERSON, SECRET);
        byte[] blob = s.exportMapping(new byte[16]);
        blob[blob.length - 1] ^= 1;
        Session other = Fixtures.standalone();
        VeilException tampered = assertThrows(VeilException.class, () -> other.importMapping(new byte[16], blob));
        IllegalStateException busy = assertThrows(IllegalStateException.class,
                () -> s.importMapping(new byte[16], s.exportMapping(new byte[16])));
        s.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> s.restore(SECRET));
        assertClean(tampered.getMessage(), busy.getMessage(), closed.getMessage(), tampered.getCause());
    }
}
