package dev.veil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Veil;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void conllDocumentsBecomeRecordsWithPersonSpans() throws IOException {
        Path conll = Files.writeString(dir.resolve("mini.conll"), """
                -DOCSTART- -DOCSTART- O
                Jan N B-PER
                de N I-PER
                Vries N I-PER
                woont Adj O
                in Prep O
                Gent N B-LOC
                . Punc O

                Piet N B-PER
                lacht V O
                -DOCSTART- -DOCSTART- O
                Marie N B-PER
                Anne N B-PER
                """);
        List<GoldSets.GoldRecord> records = GoldSets.read(conll);
        assertEquals(2, records.size());
        GoldSets.GoldRecord first = records.get(0);
        assertEquals("Jan de Vries woont in Gent . Piet lacht", first.text());
        assertEquals(List.of(new GoldSets.Span(0, 12, EntityType.PERSON), new GoldSets.Span(29, 33, EntityType.PERSON)),
                first.gold());
        assertEquals(List.of(new GoldSets.Span(0, 5, EntityType.PERSON), new GoldSets.Span(6, 10, EntityType.PERSON)),
                records.get(1).gold(), "B- after B- starts a new span");
    }

    @Test
    void presidioCodePointOffsetsBecomeUtf16Offsets() throws IOException {
        Path json = Files.writeString(dir.resolve("p.json"), """
                [{"full_text": "😀😀 mail a@b.nl now", "spans": [
                  {"entity_type": "EMAIL_ADDRESS", "entity_value": "a@b.nl", "start_position": 8, "end_position": 14},
                  {"entity_type": "ORGANIZATION", "entity_value": "x", "start_position": 0, "end_position": 1}]}]
                """);
        GoldSets.GoldRecord r = GoldSets.read(json).get(0);
        assertEquals(List.of(new GoldSets.Span(10, 16, EntityType.EMAIL)), r.gold());
        assertEquals("a@b.nl", r.text().substring(10, 16));
    }

    @Test
    void scoresExactAndOverlappingSpans() {
        Scoreboard board = new Scoreboard();
        board.add(List.of(new GoldSets.Span(0, 10, EntityType.PERSON), new GoldSets.Span(20, 25, EntityType.PERSON)),
                List.of(new Finding(0, 10, EntityType.PERSON, 1, "t"), new Finding(21, 24, EntityType.PERSON, 1, "t"),
                        new Finding(30, 35, EntityType.PERSON, 1, "t")));
        Scoreboard.Counts c = board.counts(EntityType.PERSON);
        assertEquals(2, c.gold);
        assertEquals(3, c.predicted);
        assertEquals(1, c.exact);
        assertEquals(2, c.goldOverlapped);
        assertEquals(2, c.predictedOverlapping);
    }

    @Test
    void ourIdentifierTableMeetsTheTargets() throws Exception {
        Path gold = resource("gold/identifiers.jsonl");
        CliRun run = CliRun.of("eval", gold.toString());
        assertEquals(0, run.code(), run.err());
        assertTargets(gold, Map.of("EMAIL", 0.97, "PHONE", 0.97, "IBAN", 0.97, "CREDIT_CARD", 0.97,
                "NL_BSN", 0.97, "BE_NATIONAL_NUMBER", 0.97, "IP_ADDRESS", 0.97), Map.of());
    }

    @Test
    void presidioSyntheticDataMeetsTheTargets() throws IOException {
        Path data = sharedData().resolve("presidio-synth/synth_dataset_v2.dev.json");
        assumeTrue(Files.isReadable(data), "skipped: ../shared/data/presidio-synth is not present on this machine");
        assertTargets(data, Map.of("EMAIL", 0.97, "IBAN", 0.97, "CREDIT_CARD", 0.97, "IP_ADDRESS", 0.97, "PHONE", 0.95),
                Map.of("PHONE", 0.90));
    }

    @Test
    void specialCategoryGoldMeetsTheTargetsThroughTheWholeEngine() throws IOException {
        Path gold = Path.of("../core/src/test/resources/dev/veil/detect/special/special-gold.jsonl");
        assumeTrue(Files.isReadable(gold), "skipped: run from the cli module of a full checkout");
        Veil veil = Veil.create();
        Scoreboard board = new Scoreboard();
        for (GoldSets.GoldRecord r : GoldSets.read(gold)) {
            board.add(r.gold(), veil.scan(r.text()));
        }
        for (EntityType type : EntityType.specialCategories()) {
            Scoreboard.Counts c = board.all().get(type.name());
            double p = Scoreboard.ratio(c.predictedOverlapping, c.predicted);
            double r = Scoreboard.ratio(c.goldOverlapped, c.gold);
            assertTrue(p >= 0.90 && r >= 0.90, type + " overlap precision " + p + ", recall " + r);
        }
    }

    @Test
    void evalPrintsTheTableAndExamples() throws Exception {
        CliRun run = CliRun.of("eval", "--show", "3", "--types", "EMAIL", resource("gold/identifiers.jsonl").toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("EMAIL"));
        assertTrue(run.out().contains("misses"));
        assertEquals(3, CliRun.of("eval", dir.resolve("missing.jsonl").toString()).code());
    }

    /** Checks precision (exact spans) against {@code precision} and recall (overlap) against {@code recall}. */
    private static void assertTargets(Path gold, Map<String, Double> precision, Map<String, Double> recallOverride)
            throws IOException {
        Veil veil = Veil.create();
        Scoreboard board = new Scoreboard();
        for (GoldSets.GoldRecord r : GoldSets.read(gold)) {
            List<Finding> predicted = veil.scan(r.text()).stream()
                    .filter(f -> precision.containsKey(f.type().name())).toList();
            board.add(r.gold().stream().filter(s -> precision.containsKey(s.type().name())).toList(), predicted);
        }
        for (Map.Entry<String, Double> target : precision.entrySet()) {
            Scoreboard.Counts c = board.all().get(target.getKey());
            assertTrue(c != null && c.gold > 0, "no gold spans of " + target.getKey());
            double p = Scoreboard.ratio(c.exact, c.predicted);
            double r = Scoreboard.ratio(c.goldOverlapped, c.gold);
            double wantR = recallOverride.getOrDefault(target.getKey(), target.getValue());
            assertTrue(p >= target.getValue(), target.getKey() + " precision " + p);
            assertTrue(r >= wantR, target.getKey() + " recall " + r);
        }
    }

    static Path sharedData() {
        return Path.of(System.getProperty("veil.shared.data", "../../shared/data"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EvalCommandTest.class.getClassLoader().getResource(name).toURI());
    }
}
