package dev.veil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Quantiles.of(new double[] {1, 2, 3, 4}, 0.5));
        assertEquals(3.0, Quantiles.of(new double[] {1, 2, 3, 4, 5}, 0.5));
    }

    @Test
    void quartilesInterpolateBetweenNeighbours() {
        double[] values = {10, 20, 30, 40};
        assertEquals(17.5, Quantiles.of(values, 0.25));
        assertEquals(32.5, Quantiles.of(values, 0.75));
        assertEquals(10, Quantiles.of(values, 0));
        assertEquals(40, Quantiles.of(values, 1));
    }

    @Test
    void oneValueIsEveryQuantile() {
        assertEquals(7, Quantiles.of(new double[] {7}, 0.25));
        assertEquals(7, Quantiles.of(new double[] {7}, 0.75));
    }

    @Test
    void refusesNoValuesOrAQuantileOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1}, Double.NaN));
    }

    @Test
    void theMedianOfTimesIsTheMeanOfTheMiddleTwoForAnEvenCount() {
        long[] times = {10, 20, 30, 40, 99};
        assertEquals(25.0, Quantiles.median(times, 4));
        assertEquals(30.0, Quantiles.median(times, 5));
        assertEquals(10.0, Quantiles.median(times, 1));
    }
}
