package dev.veil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The corpora exercise the validators only if their fake identifiers really pass the checksums. */
class FakesTest {

    private final Fakes fakes = new Fakes(42);

    @Test
    void ibansPassMod97() {
        for (int i = 0; i < 200; i++) {
            String iban = fakes.iban().replace(" ", "");
            String rearranged = iban.substring(4) + iban.substring(0, 4);
            StringBuilder digits = new StringBuilder();
            for (char c : rearranged.toCharArray()) {
                digits.append(Character.isDigit(c) ? String.valueOf(c - '0') : String.valueOf(c - 'A' + 10));
            }
            assertEquals(1, new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue(), iban);
            assertEquals(iban.startsWith("NL") ? 18 : 16, iban.length(), iban);
        }
    }

    @Test
    void bsnsPassTheElfproef() {
        for (int i = 0; i < 200; i++) {
            String bsn = fakes.bsn().replaceAll("[ .]", "");
            assertEquals(9, bsn.length(), bsn);
            int sum = 0;
            for (int k = 0; k < 8; k++) {
                sum += (bsn.charAt(k) - '0') * (9 - k);
            }
            sum -= bsn.charAt(8) - '0';
            assertEquals(0, sum % 11, bsn);
        }
    }

    @Test
    void cardNumbersPassLuhn() {
        for (int i = 0; i < 200; i++) {
            String card = fakes.card().replace(" ", "");
            assertEquals(16, card.length(), card);
            int sum = 0;
            for (int k = 0; k < card.length(); k++) {
                int d = card.charAt(card.length() - 1 - k) - '0';
                if (k % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
            }
            assertEquals(0, sum % 10, card);
        }
    }

    @Test
    void belgianNationalNumbersPassMod97() {
        for (int i = 0; i < 200; i++) {
            String nn = fakes.belgianNationalNumber().replaceAll("[.-]", "");
            long base = Long.parseLong(nn.substring(0, 9));
            long check = Long.parseLong(nn.substring(9));
            boolean before2000 = 97 - base % 97 == check;
            boolean after2000 = 97 - (2_000_000_000L + base) % 97 == check;
            assertTrue(before2000 || after2000, nn);
        }
    }

    @Test
    void corporaHaveTheAdvertisedSizes() {
        assertTrue(Corpus.SHORT.text().length() >= 150 && Corpus.SHORT.text().length() <= 250);
        assertTrue(Corpus.CHAT_NL.text().length() >= 2000 && Corpus.CHAT_NL.text().length() <= 2300);
        assertEquals(64 * 1024, Corpus.LONG_DOC.text().length());
        assertEquals(40, Corpus.conversationTurns().size());
        assertTrue(Corpus.CONVERSATION.text().startsWith(Corpus.conversationTurns().get(0)));
    }

    @Test
    void corporaAreTheSameInEveryRun() {
        assertEquals(Corpus.CHAT_EN.text(), Corpus.CHAT_EN.build(new Fakes(4)));
    }
}
