package dev.veil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void keepsEveryTimePastItsFirstBufferAndStartsOverWhenCleared() {
        Samples samples = new Samples();
        for (int k = 0; k < 65_536; k++) {
            samples.add(1);
        }
        for (int k = 0; k < 100_000; k++) {
            samples.add(1_000);
        }
        // A buffer that stopped at its first 65,536 times would hold only the short ones.
        assertEquals(1_000.0, samples.median());
        samples.clear();
        samples.add(3);
        samples.add(5);
        assertEquals(4.0, samples.median());
    }
}
