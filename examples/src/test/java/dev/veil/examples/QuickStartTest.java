package dev.veil.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void printsWhatTheReadmePromises() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertEquals(String.join("\n",
                "Mail [EMAIL] of bel [PHONE] over IBAN [IBAN].",
                "{EMAIL=1, IBAN=1, PHONE=1}",
                "Mail j**.******@v********.nl",
                "prompt blocked by policy: it contains NL_BSN") + "\n",
                buffer.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
