package dev.veil.benchmarks;

import dev.veil.Veil;

/** The engines the benchmarks measure, built the way users build them. */
final class Engines {

    private Engines() {
    }

    /**
     * The default engine, without a detection cache (the default), so that a benchmark repeating one
     * text measures detection and not a cache hit.
     */
    static Veil uncached() {
        return uncached(Veil.builder());
    }

    /** {@code builder}'s engine without its detection cache. */
    static Veil uncached(Veil.Builder builder) {
        return builder.withoutDetectionCache().build();
    }

    /** The engine for chat histories: the default with its detection cache switched on. */
    static Veil cached() {
        return Veil.builder().detectionCache().build();
    }
}
