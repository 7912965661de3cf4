package dev.veil.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.EntityType;
import org.junit.jupiter.api.Test;

class MaskerTest {

    @Test
    void masksAnEmailAddressKeepingSymbolsOutsideTheBasicPlaneWhole() {
        assertEquals("j**\uD83D\uDE00*@v********.nl", Masker.mask(EntityType.EMAIL, "jan\uD83D\uDE00x@voorbeeld.nl"));
    }
}
