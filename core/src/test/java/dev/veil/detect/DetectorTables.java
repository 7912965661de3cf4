package dev.veil.detect;

import dev.veil.Veil;

/** Engines running one built-in detector under the balanced policy, for table tests. */
final class DetectorTables {

    private DetectorTables() {
    }

    static Veil only(Detector detector) {
        return Veil.builder().withoutBuiltInDetectors().detector(detector).build();
    }
}
