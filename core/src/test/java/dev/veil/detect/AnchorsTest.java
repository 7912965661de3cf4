package dev.veil.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Finding;
import dev.veil.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnchorsTest {

    private static final String[] PIECES = {
        "0", "1", "7", "9", "12", "31", "06", "2001", " ", " ", "  ", "\n", "-", ".", "/", ":", "::", "+", "+31 ",
        "(", ")", "[", "]", "{", "}", "@", "at", "nl", "NL", "BE", "a", "f", "Jan ", "de ", "é", "€", "\u00a0",
        "\uD835\uDFCF", "jan@voorbeeld.nl", "192.168.1.1", "2001:db8::1", "NL91ABNA0417164300", "4111 1111 1111 1111",
        "111222333", "85.07.30-033.28", "+31 6 12345678", "(020) 123 4567",
    };

    @Test
    void nextAnchorIsTheFirstDigitOrMarkerAtOrAfterEveryPosition() {
        Random random = new Random(5);
        for (int k = 0; k < 300; k++) {
            String text = randomText(random, 1 + random.nextInt(300));
            long[] anchors = Anchors.of(text);
            int n = text.length();
            for (int from = 0; from <= n; from++) {
                int expected = n;
                for (int i = from; i < n; i++) {
                    if ("0123456789:+(@[{".indexOf(text.charAt(i)) >= 0) {
                        expected = i;
                        break;
                    }
                }
                assertEquals(expected, Anchors.next(anchors, from, n), "from " + from);
            }
        }
    }

    @Test
    void everyIdentifierDetectorFindsTheSameWithTheSharedAnchorsAsWithItsOwnScan() {
        Random random = new Random(17);
        int found = 0;
        for (int k = 0; k < 3_000; k++) {
            String text = randomText(random, 1 + random.nextInt(k % 10 == 0 ? 600 : 120));
            for (Detector detector : Detectors.identifiers()) {
                List<String> own = run(detector, TextInput.of(text));
                List<String> shared = run(detector, new Shared(text));
                assertEquals(own, shared, detector.id());
                found += own.size();
            }
        }
        assertTrue(found > 1_000, "the random texts hold identifiers: " + found);
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static List<String> run(Detector detector, DetectionInput input) {
        List<String> out = new ArrayList<>();
        detector.detect(input, (start, end, type, score) -> out.add(start + "-" + end + " " + type + " " + score));
        return out;
    }

    /** What the engine passes. */
    private static final class Shared extends EngineInput {
        private final String text;

        Shared(String text) {
            this.text = text;
        }

        @Override
        public CharSequence text() {
            return text;
        }

        @Override
        public Language language() {
            return Language.AUTO;
        }

        @Override
        public List<Finding> priorFindings() {
            return List.of();
        }
    }
}
