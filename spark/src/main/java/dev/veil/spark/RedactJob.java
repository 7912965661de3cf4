package dev.veil.spark;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code spark-submit --class dev.veil.spark.RedactJob veil-spark.jar --in PATH... --out DIR [options]}:
 * redacts documents where one machine is not enough. Reads JSON Lines (objects with a {@code "text"}
 * field; other fields pass unchanged) or, with {@code --format files}, every file under the paths as one
 * document ({@code "path"} and {@code "text"}), and writes JSON Lines part files under {@code --out}:
 * each record with its text protected and a {@code "veil"} summary, as {@code veil redact} writes them.
 *
 * <p>Exit codes as the CLI's: 0 done, 2 usage error, 3 done but some records were withheld (blocked
 * records are no error), 4 the job failed (a detector failed: nothing unprotected was written as
 * output of a successful job).
 */
public final class RedactJob {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int WITHHELD = 3;
    static final int FAILED = 4;

    private static final String CORRUPT = "_corrupt_record";
    private static final String MALFORMED = "__veil_malformed";

    private static final String HELP = """
            usage: spark-submit --class dev.veil.spark.RedactJob veil-spark.jar --in PATH [--in PATH...] --out DIR
              --format jsonl|files   JSON Lines with a "text" field (default), or each file one document
              --text-column NAME     the field to protect in JSON Lines (default text)
              --preset NAME          balanced (default), strict or strictest
              --default-action A     KEEP, REDACT, MASK, REPLACE, PSEUDONYMIZE, SURROGATE or BLOCK
              --action TYPE=A        the action for one type (repeatable), e.g. --action EMAIL=MASK
              --lang nl|en|auto      the language of the texts (default auto)
              --token-key FILE       secret (base64 or raw, 16+ bytes) for keyed tokens; needed to pseudonymise
              --master URL           only when not run by spark-submit, e.g. local[*]
            """;

    private RedactJob() {
    }

    public static void main(String[] args) {
        int code = run(args, null, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the job in {@code spark}, or in a session of its own when that is null (stopped at the end).
     *
     * @return the exit code
     */
    static int run(String[] args, SparkSession spark, PrintStream out, PrintStream err) {
        Options options;
        SparkProtector protector;
        try {
            options = Options.parse(args);
            if (options.help) {
                out.print(HELP);
                return OK;
            }
            protector = options.protector();
        } catch (IllegalArgumentException e) {
            err.println("veil-spark: " + e.getMessage());
            err.print(HELP);
            return USAGE;
        }
        SparkSession session = spark != null ? spark : options.session();
        try {
            Dataset<Row> input = options.files
                    ? session.read().option("wholetext", true).text(options.in.toArray(new String[0]))
                            .select(functions.input_file_name().as("path"), functions.col("value").as(options.textColumn))
                    // Named here, whatever spark.sql.columnNameOfCorruptRecord says, so it is always dropped below.
                    : session.read().option("columnNameOfCorruptRecord", CORRUPT).json(options.in.toArray(new String[0]));
            // Spark keeps a malformed line whole in this column, which would carry it to the output as it
            // is: it is dropped, and its record (all fields null) says so instead.
            boolean malformed = Arrays.asList(input.columns()).contains(CORRUPT);
            if (malformed) {
                input = input.withColumn(MALFORMED, functions.col(CORRUPT).isNotNull()).drop(CORRUPT);
            }
            Dataset<Row> protectedRows;
            try {
                protectedRows = protector.protect(input);
            } catch (IllegalArgumentException e) {
                err.println("veil-spark: " + e.getMessage());
                return USAGE;
            }
            if (malformed) {
                Column note = functions.struct(
                        functions.lit(null).cast(SparkProtector.SUMMARY_TYPE.apply("counts").dataType()).as("counts"),
                        functions.lit(null).cast(SparkProtector.SUMMARY_TYPE.apply("blocked").dataType()).as("blocked"),
                        functions.lit("malformed JSON line, withheld").as("error"));
                protectedRows = protectedRows
                        .withColumn(SparkProtector.SUMMARY, functions.when(functions.col(MALFORMED), note)
                                .otherwise(functions.col(SparkProtector.SUMMARY)))
                        .drop(MALFORMED);
            }
            protectedRows.write().json(options.out);
            Dataset<Row> written = session.read().schema(protectedRows.schema()).json(options.out);
            long records = written.count();
            long blocked = written.filter(functions.col(SparkProtector.SUMMARY + ".blocked").isNotNull()).count();
            long withheld = written.filter(functions.col(SparkProtector.SUMMARY + ".error").isNotNull()).count();
            out.printf(Locale.ROOT, "veil-spark: %d records written to %s (%d blocked, %d withheld with an error)%n",
                    records, options.out, blocked, withheld);
            return withheld > 0 ? WITHHELD : OK;
        } catch (RuntimeException e) {
            // Spark's own messages name paths and stages, not record contents; ours never quote text.
            err.println("veil-spark: the job failed, nothing of it should be used: " + e.getClass().getSimpleName()
                    + ": " + e.getMessage());
            return FAILED;
        } finally {
            if (spark == null) {
                session.stop();
            }
        }
    }

    /** The command line. */
    static final class Options {
        final List<String> in = new ArrayList<>();
        String out;
        boolean files;
        boolean help;
        String textColumn = "text";
        String master;
        final SparkProtector.Builder builder = SparkProtector.builder();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    o.help = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--in" -> o.in.add(value);
                    case "--out" -> o.out = value;
                    case "--format" -> o.files = switch (value) {
                        case "jsonl" -> false;
                        case "files" -> true;
                        default -> throw new IllegalArgumentException("--format must be jsonl or files");
                    };
                    case "--text-column" -> o.textColumn = value;
                    case "--preset" -> o.builder.preset(value);
                    case "--default-action" -> o.builder.defaultAction(Action.named(value));
                    case "--action" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--action takes TYPE=ACTION, e.g. EMAIL=MASK");
                        }
                        o.builder.action(EntityType.of(value.substring(0, eq).strip().toUpperCase(Locale.ROOT)),
                                Action.named(value.substring(eq + 1)));
                    }
                    case "--lang" -> o.builder.language(switch (value.toLowerCase(Locale.ROOT)) {
                        case "nl" -> Language.NL;
                        case "en" -> Language.EN;
                        case "auto" -> Language.AUTO;
                        default -> throw new IllegalArgumentException("--lang must be nl, en or auto");
                    });
                    case "--token-key" -> o.builder.tokenKey(key(Path.of(value)));
                    case "--master" -> o.master = value;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (!o.help && (o.in.isEmpty() || o.out == null)) {
                throw new IllegalArgumentException("--in and --out are required");
            }
            return o;
        }

        SparkProtector protector() {
            return builder.textColumn(textColumn).build();
        }

        SparkSession session() {
            SparkSession.Builder b = SparkSession.builder().appName("veil-redact");
            if (master != null) {
                b.master(master);
            }
            return b.getOrCreate();
        }

        /** A key file: base64 text or raw bytes, read on the driver. Errors name the file, never its content. */
        private static byte[] key(Path file) {
            byte[] raw;
            try {
                raw = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("--token-key: cannot read " + file);
            }
            try {
                byte[] decoded = Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).strip());
                if (decoded.length >= 16) {
                    return decoded;
                }
            } catch (IllegalArgumentException notBase64) {
                // raw bytes, then
            }
            if (raw.length < 16) {
                throw new IllegalArgumentException("--token-key: " + file + " holds fewer than 16 key bytes");
            }
            return raw;
        }
    }
}
