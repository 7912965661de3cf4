package dev.veil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build comparison: every task runs and reports, a wrong task or jar is refused with a clear message. */
class CompareBuildsTest {

    @ParameterizedTest
    @ValueSource(strings = {"scan:SHORT", "redact:SHORT", "detect:person:SHORT", "detect:phone:CHAT_NL", "conversation:20"})
    void everyTaskRunsAndTimesItsCalls(String task) {
        BuildTask build = new BuildTask(task);
        assertTrue(build.medianOver(20) > 0, task);
        assertTrue(build.sink() > 0, () -> task + " returned nothing: its calls may be dead code");
    }

    @Test
    void theFirstTurnRunsWithoutAReplyBeforeIt() {
        // No sink check: turn 1's question holds nothing the default policy acts on.
        assertTrue(new BuildTask("conversation:1").medianOver(20) > 0);
    }

    @Test
    void comparesTwoBuildsAndReportsTheirRatio() {
        BuildTask a = new BuildTask("scan:SHORT");
        BuildTask b = new BuildTask("scan:SHORT");
        String line = CompareBuilds.compare(a::medianOver, b::medianOver, 4, 20, 0);
        Matcher m = Pattern.compile("^A ([0-9.]+) µs, B ([0-9.]+) µs, B / A ([0-9.]+) \\(p25 ([0-9.]+), p75 ([0-9.]+)\\)")
                .matcher(line);
        assertTrue(m.find(), line);
        for (int g = 1; g <= 5; g++) {
            assertTrue(Double.parseDouble(m.group(g)) > 0, line);
        }
        assertTrue(Double.parseDouble(m.group(4)) <= Double.parseDouble(m.group(3))
                && Double.parseDouble(m.group(3)) <= Double.parseDouble(m.group(5)), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "scan", "scan:NOPE", "scan:SHORT:x", "detect:SHORT", "detect:nope:SHORT", "conversation:0",
        "conversation:21", "conversation:x", "gateway:20"})
    void refusesAnUnknownTaskNamingTheKnownOnes(String task) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BuildTask.parse(task));
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
    void refusesNonsenseRounds() {
        BuildTask a = new BuildTask("scan:SHORT");
        assertThrows(IllegalArgumentException.class, () -> CompareBuilds.compare(a::medianOver, a::medianOver, 0, 20, 0));
    }
}
