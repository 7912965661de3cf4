package dev.veil.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.EntityType;
import org.junit.jupiter.api.Test;

class MaskerTest {

    @Test
    void masksAnEmailAddressKeepingSymbolsOutsideTheBasicPlaneWhole() {
        assertEquals("j**\uD83D\uDE00*@v********.nl", Masker.mask(EntityType.EMAIL, "jan\uD83D\uDE00x@voorbeeld.nl"));
    }

    @Test
    void masksEveryCharOfAnEmailLabelTooShortToKeepItsFirstChar() {
        assertEquals("*@*.nl", Masker.mask(EntityType.EMAIL, "a@b.nl"));
        assertEquals("**@**.io", Masker.mask(EntityType.EMAIL, "jo@xs.io"));
        assertEquals("j**.******@v********.nl", Masker.mask(EntityType.EMAIL, "jan.jansen@voorbeeld.nl"));
        assertEquals("*.**@e******.**.uk", Masker.mask(EntityType.EMAIL, "m.ab@example.co.uk"));
    }

    @Test
    void neverReturnsAShortEmailAddressUnchanged() {
        for (String email : new String[] {"a@b.nl", "j@x.com", "q@q.io", "ab@cd.be", "x.y@z.eu"}) {
            String masked = Masker.mask(EntityType.EMAIL, email);
            assertEquals(email.length(), masked.length(), email);
            org.junit.jupiter.api.Assertions.assertNotEquals(email, masked, email);
            assertEquals(true, masked.chars().filter(c -> c == '*').count() >= email.indexOf('@'), masked);
        }
    }
}
