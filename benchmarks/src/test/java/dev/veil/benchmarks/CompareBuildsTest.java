package dev.veil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Veil;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build comparison: each task runs in a class loader of its own against that loader's Veil, and a
 * wrong task, number or jar is refused with a clear message.
 */
class CompareBuildsTest {

    @ParameterizedTest
    @ValueSource(strings = {"scan:SHORT", "redact:SHORT", "detect:person:SHORT", "detect:email:SHORT", "conversation:20",
        "gateway:1", "gateway:20"})
    void everyTaskRunsInItsOwnLoaderAgainstThatLoadersVeil(String task) throws Exception {
        // Veil and its libraries without this module's classes, as in a build older than the tool: the
        // task must come from the tool and need nothing but Veil's public API.
        CompareBuilds.Loaded build = CompareBuilds.load("test class path", coreClassPath(), task);
        Class<?> type = build.task().getClass();
        assertNull(type.getClassLoader().getResource("dev/veil/benchmarks/Corpus.class"), "the build must hold Veil alone");
        assertNotSame(BuildTask.class, type, "the task must come from the build's loader");
        assertNotSame(Veil.class, Class.forName(Veil.class.getName(), false, type.getClassLoader()),
                "the build's Veil must be its own");
        assertTrue(build.medianOver(20) > 0, task);
        Method sink = type.getDeclaredMethod("sink");
        sink.setAccessible(true);
        assertNotEquals(0L, (long) sink.invoke(build.task()), () -> task + " returned nothing: its calls may be dead code");
    }

    @Test
    void theFirstTurnRunsWithoutAReplyBeforeIt() {
        // No sink check: turn 1's question holds nothing the default policy acts on.
        assertTrue(CompareBuilds.load("test class path", coreClassPath(), "conversation:1").medianOver(20) > 0);
    }

    @Test
    void callsShorterThanAMicrosecondAreTimedInBatches() {
        // The clock's own cost is tens of nanoseconds: timed one by one, a 50 ns call would be mostly clock.
        assertEquals(20, CompareBuilds.callsPerSample(50));
        assertEquals(3, CompareBuilds.callsPerSample(400));
        assertEquals(1, CompareBuilds.callsPerSample(1_000));
        assertEquals(1, CompareBuilds.callsPerSample(250_000));
        assertEquals(1_000, CompareBuilds.callsPerSample(0));
    }

    @Test
    void bothBuildsGetTheBatchOfTheFasterOneBeforeTheRounds() {
        List<String> events = new ArrayList<>();
        CompareBuilds.compare(fake("A", 100, events), fake("B", 400, events), 2, 1, 0);
        // One probe block each, then the same batch for both, then the rounds.
        assertEquals(List.of("A timed", "B timed", "A batch 10", "B batch 10", "A timed", "B timed", "B timed", "A timed"),
                events);
    }

    @Test
    void aBatchedTaskReportsTimePerCall() {
        BuildTask one = new BuildTask("detect", "email", Corpus.SHORT.text(), null, null, null);
        BuildTask many = new BuildTask("detect", "email", Corpus.SHORT.text(), null, null, null);
        many.batch(50);
        one.medianOver(200);
        many.medianOver(200);
        double single = one.medianOver(200);
        double batched = many.medianOver(200);
        // Per call, not per batch of fifty (nor divided twice): far from fifty times either way. Closer
        // bounds would test the host: warming up, a call timed alone took 4.3 times one in a batch.
        assertTrue(batched < 15 * single && batched > single / 15, single + " ns one by one, " + batched + " ns batched");
    }

    @Test
    void comparesTwoBuildsAndReportsTheirRatio() {
        BuildTask a = new BuildTask("scan", null, Corpus.SHORT.text(), null, null, null);
        BuildTask b = new BuildTask("scan", null, Corpus.SHORT.text(), null, null, null);
        String line = CompareBuilds.compare(inProcess(a), inProcess(b), 4, 20, 0);
        Matcher m = Pattern.compile("^A ([0-9.]+) µs, B ([0-9.]+) µs, B / A ([0-9.]+) \\(p25 ([0-9.]+), p75 ([0-9.]+)\\)"
                + " \\[4 alternating rounds of 20 ms blocks]$").matcher(line);
        assertTrue(m.find(), line);
        for (int g = 1; g <= 5; g++) {
            assertTrue(Double.parseDouble(m.group(g)) > 0, line);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "scan", "scan:NOPE", "scan:SHORT:x", "scan:SHORT:", "detect:SHORT", "detect:nope:SHORT",
        "detect:email:SHORT:", "conversation:0", "conversation:21", "conversation:x", "gateway:21", "proxy:20"})
    void refusesAnUnknownTaskNamingTheKnownOnes(String task) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompareBuilds.parse(task));
        assertTrue(e.getMessage().contains("scan:CORPUS") && e.getMessage().contains("CHAT_NL")
                && e.getMessage().contains("person"), e.getMessage());
    }

    @Test
    void refusesAMissingJar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompareBuilds.load(Path.of("target", "no-such-build.jar"), "scan:SHORT"));
        assertTrue(e.getMessage().contains("no-such-build.jar"), e.getMessage());
    }

    @Test
    void refusesAJarWithoutVeilNamingIt(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.jar");
        try (OutputStream out = Files.newOutputStream(empty); JarOutputStream jar = new JarOutputStream(out)) {
            jar.flush();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompareBuilds.load(empty, "scan:SHORT"));
        assertTrue(e.getMessage().contains("empty.jar") && e.getMessage().contains("cannot run scan:SHORT"), e.getMessage());
    }

    @Test
    void refusesNonsenseRoundsBlocksAndWarmUps() {
        CompareBuilds.Build a = inProcess(new BuildTask("scan", null, Corpus.SHORT.text(), null, null, null));
        assertThrows(IllegalArgumentException.class, () -> CompareBuilds.compare(a, a, 0, 20, 0));
        assertThrows(IllegalArgumentException.class, () -> CompareBuilds.compare(a, a, 2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CompareBuilds.compare(a, a, 2, 20, -1));
        // Far beyond any real run: the deadline would overflow and the run never end, or end at once.
        assertThrows(IllegalArgumentException.class, () -> CompareBuilds.compare(a, a, 2, Long.MAX_VALUE / 1000, 0));
        assertThrows(IllegalArgumentException.class, () -> CompareBuilds.compare(a, a, 2, 20, Long.MAX_VALUE / 1000));
    }

    private static CompareBuilds.Build inProcess(BuildTask task) {
        return new CompareBuilds.Build() {
            @Override
            public double medianOver(long millis) {
                return task.medianOver(millis);
            }

            @Override
            public void batch(int calls) {
                task.batch(calls);
            }
        };
    }

    /** A build whose calls take {@code nanos}, logging what the comparison asks of it. */
    private static CompareBuilds.Build fake(String name, double nanos, List<String> events) {
        return new CompareBuilds.Build() {
            @Override
            public double medianOver(long millis) {
                events.add(name + " timed");
                return nanos;
            }

            @Override
            public void batch(int calls) {
                events.add(name + " batch " + calls);
            }
        };
    }

    /** This test's class path as URLs, without this module's own classes: Veil and its libraries. */
    private static List<URL> coreClassPath() {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.exists(path.resolve("dev/veil/benchmarks"))) {
                continue;
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return urls;
    }
}
