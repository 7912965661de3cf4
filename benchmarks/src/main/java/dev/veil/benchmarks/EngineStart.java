package dev.veil.benchmarks;

import dev.veil.Veil;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Engine start in a fresh JVM: how long until {@code Veil.create()} has loaded every model and word
 * list and answered its first call, and how much heap is in use after that (after a full GC). Targets:
 * at most 1 s and 150 MB.
 *
 * <p>A main rather than a JMH benchmark because a cold start happens once per JVM.
 * Run: {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.EngineStart}
 */
public final class EngineStart {

    private EngineStart() {
    }

    public static void main(String[] args) {
        String text = Corpus.SHORT.text();
        long t0 = System.nanoTime();
        Veil veil = Veil.create();
        long created = System.nanoTime();
        int findings = veil.scan(text).size();
        long firstScan = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf(Locale.ROOT,
                "engine start: create %.0f ms, first scan %.0f ms, total %.0f ms (JVM uptime %d ms); heap after GC %.1f MB; %d findings%n",
                (created - t0) / 1e6, (firstScan - created) / 1e6, (firstScan - t0) / 1e6, uptime, heap / 1048576.0, findings);
    }
}
