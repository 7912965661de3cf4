package dev.veil.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Action;
import dev.veil.EntityType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkProtectorTest {

    private static final String EMAIL = "jan.jansen@voorbeeld.nl";
    private static final String OTHER_EMAIL = "piet@voorbeeld.be";
    private static final String IBAN = "NL91 ABNA 0417 1643 00";
    private static final String PHONE = "06-12345678";
    private static final String NAME = "Jan de Vries";
    private static final List<String> ORIGINALS = List.of(EMAIL, OTHER_EMAIL, IBAN, PHONE, NAME);
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.IntegerType)
            .add("text", DataTypes.StringType)
            .add("source", DataTypes.StringType);

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("veil-spark-test")
                .config("spark.ui.enabled", false)
                // Loopback only: a CI host whose name does not resolve still starts a local Spark.
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", 2)
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static Dataset<Row> rows(String... texts) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < texts.length; k++) {
            rows.add(RowFactory.create(k, texts[k], "crm"));
        }
        return spark.createDataFrame(rows, SCHEMA).repartition(3);
    }

    private static List<Row> sorted(Dataset<Row> rows) {
        return rows.orderBy("id").collectAsList();
    }

    @Test
    void everyRowIsProtectedOnTheExecutorsAndTheOtherColumnsPassUnchanged() {
        Dataset<Row> out = SparkProtector.builder().build().protect(rows(
                "Mijn naam is " + NAME + ", mail " + EMAIL + " of bel " + PHONE + ".",
                "IBAN " + IBAN + " graag.",
                "Niets bijzonders vandaag.",
                null));

        assertEquals(List.of("id", "text", "source", "veil"), List.of(out.columns()));
        List<Row> rows = sorted(out);
        assertEquals(4, rows.size());
        assertEquals("Mijn naam is [PERSON], mail [EMAIL] of bel [PHONE].", rows.get(0).getString(1));
        assertEquals(Map.of("PERSON", 1, "EMAIL", 1, "PHONE", 1), rows.get(0).getStruct(3).getJavaMap(0));
        assertEquals("IBAN [IBAN] graag.", rows.get(1).getString(1));
        assertEquals("Niets bijzonders vandaag.", rows.get(2).getString(1));
        assertTrue(rows.get(2).getStruct(3).getJavaMap(0).isEmpty());
        assertNull(rows.get(3).getString(1), "a null text stays null");
        for (Row row : rows) {
            assertEquals("crm", row.getString(2));
            for (String original : ORIGINALS) {
                assertFalse(row.toString().contains(original), row.toString());
            }
        }
    }

    @Test
    void keyedPseudonymsAreTheSameForTheSameValueInEveryRowAndPartition() {
        SparkProtector protector = SparkProtector.builder().defaultAction(Action.PSEUDONYMIZE).tokenKey(KEY).build();
        String[] texts = new String[12];
        for (int k = 0; k < texts.length; k++) {
            texts[k] = "Bericht " + k + ": mail " + (k % 2 == 0 ? EMAIL : OTHER_EMAIL) + ".";
        }

        List<Row> rows = sorted(protector.protect(rows(texts)));

        String first = rows.get(0).getString(1);
        String second = rows.get(1).getString(1);
        assertTrue(first.matches("Bericht 0: mail \\[EMAIL_[1-9]\\d{11}]\\."), first);
        String token = first.substring(first.indexOf('['), first.indexOf(']') + 1);
        String otherToken = second.substring(second.indexOf('['), second.indexOf(']') + 1);
        assertNotEquals(token, otherToken);
        for (int k = 0; k < texts.length; k++) {
            assertEquals("Bericht " + k + ": mail " + (k % 2 == 0 ? token : otherToken) + ".", rows.get(k).getString(1));
        }
        String again = SparkProtector.builder().defaultAction(Action.PSEUDONYMIZE).tokenKey(KEY.clone()).build()
                .protect(rows("cc " + EMAIL)).collectAsList().get(0).getString(1);
        assertEquals("cc " + token, again, "and in every run with the same key");
    }

    @Test
    void pseudonymisingWithoutATokenKeyIsRefusedBeforeAnythingRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkProtector.builder().action(EntityType.EMAIL, Action.PSEUDONYMIZE).build());
        assertTrue(e.getMessage().contains("token key"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkProtector.builder().tokenKey(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> SparkProtector.builder().preset("loose").build());
        assertThrows(IllegalArgumentException.class,
                () -> SparkProtector.builder().action(EntityType.EMAIL, Action.redact("[x]")));
    }

    @Test
    void aBlockedRowLosesItsTextAndNamesTheTypesAndATooLongOneSaysWhy() {
        SparkProtector protector = SparkProtector.builder().action(EntityType.IBAN, Action.BLOCK).maxTextLength(1_000).build();
        String huge = "x ".repeat(600) + EMAIL;

        List<Row> rows = sorted(protector.protect(rows("IBAN " + IBAN, huge, "mail " + EMAIL)));

        assertNull(rows.get(0).getString(1));
        assertEquals(List.of("IBAN"), rows.get(0).getStruct(3).getList(1));
        assertTrue(rows.get(1).isNullAt(1), "withheld, not passed on unprotected");
        String error = rows.get(1).getStruct(3).getString(2);
        assertTrue(error != null && !error.contains(EMAIL) && !error.contains("x x"), error);
        assertEquals("mail [EMAIL]", rows.get(2).getString(1), "the other rows go on");
    }

    @Test
    void aMissingOrNonTextColumnOrAnExistingSummaryIsAClearError() {
        SparkProtector protector = SparkProtector.builder().textColumn("body").build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> protector.protect(rows("x")))
                .getMessage().contains("no column 'body'"));
        assertThrows(IllegalArgumentException.class,
                () -> SparkProtector.builder().textColumn("id").build().protect(rows("x")));
        assertThrows(IllegalArgumentException.class,
                () -> SparkProtector.builder().build().protect(rows("x").withColumn("veil", org.apache.spark.sql.functions.col("id"))));
        String shown = SparkProtector.builder().tokenKey(KEY).build().toString();
        assertFalse(shown.contains("0123456789") || shown.contains(java.util.Base64.getEncoder().encodeToString(KEY))
                || shown.contains("MDEyMzQ1"), "toString shows no key: " + shown);
    }

    @Test
    void theJobRedactsJsonLinesAndWithholdsMalformedLinesWithoutCopyingThem(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"a\",\"text\":\"Bel " + NAME + " op " + PHONE + ".\",\"team\":\"sales\"}",
                "{\"id\":\"b\",\"text\":\"mail " + EMAIL + "\"",
                "{\"id\":\"c\",\"text\":\"Niets.\"}"), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int code = RedactJob.run(new String[] {"--in", in.toString(), "--out", out.toString(), "--action", "PHONE=MASK"},
                spark, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertEquals(RedactJob.WITHHELD, code, stderr.toString(StandardCharsets.UTF_8));
        String written = partFiles(out);
        for (String original : ORIGINALS) {
            assertFalse(written.contains(original), written);
        }
        assertTrue(written.contains("\"id\":\"a\",\"team\":\"sales\",\"text\":\"Bel [PERSON] op **-******78.\""), written);
        assertTrue(written.contains("malformed JSON line, withheld"), written);
        assertTrue(written.contains("\"id\":\"c\",\"text\":\"Niets.\""), written);
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("3 records written"), stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void malformedLinesAreWithheldWhateverTheClusterCallsTheirColumn(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"b\",\"text\":\"mail " + EMAIL + "\"\n{\"id\":\"c\",\"text\":\"Niets.\"}\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        spark.conf().set("spark.sql.columnNameOfCorruptRecord", "_bad");
        try {
            assertEquals(RedactJob.WITHHELD, RedactJob.run(new String[] {"--in", in.toString(), "--out", out.toString()},
                    spark, quiet, quiet));
        } finally {
            spark.conf().unset("spark.sql.columnNameOfCorruptRecord");
        }
        String written = partFiles(out);
        assertFalse(written.contains(EMAIL), written);
        assertTrue(written.contains("malformed JSON line, withheld"), written);
    }

    @Test
    void theJobReadsWholeFilesAndRefusesBadOptionsWithUsage(@TempDir Path dir) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("brief.txt"), "Geachte heer,\n\nmail " + EMAIL + ".\n", StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("notitie.txt"), "IBAN " + IBAN, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertEquals(RedactJob.OK, RedactJob.run(new String[] {"--in", docs.toString(), "--out", out.toString(),
                "--format", "files"}, spark, quiet, quiet));

        String written = partFiles(out);
        assertTrue(written.contains("brief.txt") && written.contains("Geachte heer,\\n\\nmail [EMAIL].\\n"), written);
        assertTrue(written.contains("IBAN [IBAN]"), written);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        assertEquals(RedactJob.USAGE, RedactJob.run(new String[] {"--in", docs.toString()}, spark, quiet, err));
        assertEquals(RedactJob.USAGE, RedactJob.run(new String[] {"--in", "x", "--out", "y", "--default-action",
                "PSEUDONYMIZE"}, spark, quiet, err));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("token key"), stderr.toString(StandardCharsets.UTF_8));
    }

    private static String partFiles(Path out) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(out)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .sorted(Comparator.naturalOrder()).toList()) {
                all.append(Files.readString(part, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
