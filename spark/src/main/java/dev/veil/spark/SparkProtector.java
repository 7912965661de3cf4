package dev.veil.spark;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.veil.Action;
import dev.veil.DetectionFailedException;
import dev.veil.EntityType;
import dev.veil.Language;
import dev.veil.Policy;
import dev.veil.PromptBlockedException;
import dev.veil.ProtectedText;
import dev.veil.Veil;
import dev.veil.VeilException;
import dev.veil.session.Session;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Protects a text column of a Spark {@link Dataset} with Veil on the executors: the column is replaced by
 * its protected text, and a {@value #SUMMARY} column says what was found ({@code counts} by type), which
 * types blocked a row ({@code blocked}, its text then null) or why a row could not be protected
 * ({@code error}, its text then null: a text over the engine's limit, more distinct values than a
 * session holds). Every other column passes unchanged.
 *
 * <pre>{@code
 * Dataset<Row> safe = SparkProtector.builder()
 *         .preset("balanced").defaultAction(Action.PSEUDONYMIZE)
 *         .tokenKey(secret)            // the same value gets the same token on every executor
 *         .build()
 *         .protect(documents);         // column "text"
 * }</pre>
 *
 * <p>Each executor JVM builds the engine once (models and word lists, under a second) and shares it
 * between its tasks; each row is protected in a session of its own. Pseudonymising therefore needs a
 * {@link Builder#tokenKey token key}: tokens are then an HMAC of the value, identical on every machine,
 * where counted ones ({@code [EMAIL_1]}) would name different values in different rows. No mapping is
 * written, so tokens are not restored afterwards (use the CLI's {@code redact --mapping} for that).
 *
 * <p>Fails closed: a detector failure fails the task, and so the job, instead of writing unprotected
 * text. Messages never quote the text.
 *
 * <p>Immutable and serializable (it travels to the executors, with the token key: enable Spark's RPC
 * and local-disk encryption, {@code spark.network.crypto.enabled} and {@code spark.io.encryption.enabled},
 * where the network or the disks are not trusted).
 */
public final class SparkProtector implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The column that reports what was done to each row. */
    public static final String SUMMARY = "veil";

    /**
     * One engine per configuration and executor JVM: building one loads every model and word list (about
     * 24 MB). A few configurations at a time; a long-lived executor that sees more drops the least used.
     */
    private static final Cache<Config, Veil> ENGINES = Caffeine.newBuilder().maximumSize(4).build();
    private static final AtomicLong SESSIONS = new AtomicLong();

    static final StructType SUMMARY_TYPE = new StructType(new StructField[] {
        DataTypes.createStructField("counts", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType), true),
        DataTypes.createStructField("blocked", DataTypes.createArrayType(DataTypes.StringType), true),
        DataTypes.createStructField("error", DataTypes.StringType, true),
    });
    private static final StructType RESULT_TYPE = new StructType(new StructField[] {
        DataTypes.createStructField("text", DataTypes.StringType, true),
        DataTypes.createStructField(SUMMARY, SUMMARY_TYPE, false),
    });

    /** What builds an engine; its equality decides which executors' engines are shared. */
    private record Config(String preset, String defaultAction, Map<String, String> actions, Language language,
            int maxTextLength, String tokenKey) implements Serializable {

        Veil build() {
            Policy.Builder policy = Policy.preset(preset).toBuilder();
            if (defaultAction != null) {
                policy.defaultAction(Action.named(defaultAction));
            }
            actions.forEach((type, action) -> policy.action(EntityType.of(type), Action.named(action)));
            Veil.Builder b = Veil.builder().policy(policy.build()).language(language).maxTextLength(maxTextLength);
            if (tokenKey != null) {
                b.tokenKey(Base64.getDecoder().decode(tokenKey));
            }
            return b.build();
        }

        @Override
        public String toString() {
            return "Config[preset=" + preset + ", defaultAction=" + defaultAction + ", actions=" + actions
                    + ", language=" + language + ", maxTextLength=" + maxTextLength + ", tokenKey=" + (tokenKey == null ? "none" : "set") + "]";
        }
    }

    private final Config config;
    private final String textColumn;

    private SparkProtector(Config config, String textColumn) {
        this.config = config;
        this.textColumn = textColumn;
    }

    /** A builder: the balanced preset, automatic language, column {@code text}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code rows} with the text column protected and a {@value #SUMMARY} column added. Lazy, as every
     * Dataset transformation: nothing runs until an action (a write, a count).
     *
     * @throws IllegalArgumentException if {@code rows} has no string column of that name, or already has
     *                                  a {@value #SUMMARY} column
     */
    public Dataset<Row> protect(Dataset<Row> rows) {
        Objects.requireNonNull(rows, "rows");
        StructType schema = rows.schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(textColumn)) {
            throw new IllegalArgumentException("no column '" + textColumn + "'; the columns are " + names);
        }
        DataType type = schema.apply(textColumn).dataType();
        if (!type.equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("column '" + textColumn + "' holds " + type.simpleString() + ", not text");
        }
        if (names.contains(SUMMARY)) {
            throw new IllegalArgumentException("the rows already have a '" + SUMMARY + "' column");
        }
        // Nondeterministic, so the optimiser evaluates it once per row and never once per field read
        // from its result (with SURROGATE and no key, two evaluations could differ).
        UserDefinedFunction protect = functions.udf(new ProtectRow(config), RESULT_TYPE).asNondeterministic();
        String result = "__veil_result";
        Column[] out = new Column[names.size() + 1];
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            out[k] = name.equals(textColumn) ? functions.col(result + ".text").as(name) : rows.col(quoted(name));
        }
        out[names.size()] = functions.col(result + "." + SUMMARY).as(SUMMARY);
        return rows.withColumn(result, protect.apply(rows.col(quoted(textColumn)))).select(out);
    }

    private static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    @Override
    public String toString() {
        return "SparkProtector[column=" + textColumn + ", " + config + "]";
    }

    /** The engine for {@code config} in this JVM. */
    static Veil engine(Config config) {
        return ENGINES.get(config, Config::build);
    }

    /** Protects one row's text: the protected text (or null) and its summary. */
    private static final class ProtectRow implements UDF1<String, Row> {

        private static final long serialVersionUID = 1L;

        private final Config config;

        ProtectRow(Config config) {
            this.config = config;
        }

        @Override
        public Row call(String text) {
            if (text == null) {
                return RowFactory.create(null, summary(Map.of(), null, null));
            }
            Veil veil = engine(config);
            try (Session session = veil.session("spark-" + SESSIONS.incrementAndGet())) {
                ProtectedText result = session.protect(text);
                Map<String, Integer> counts = new TreeMap<>();
                result.counts().forEach((type, n) -> counts.put(type.name(), n));
                return RowFactory.create(result.text(), summary(counts, null, null));
            } catch (PromptBlockedException e) {
                return RowFactory.create(null, summary(null, e.blockedTypes().stream().map(EntityType::name).toList(), null));
            } catch (DetectionFailedException e) {
                throw e; // fails the task and the job: never an unprotected text in the output
            } catch (VeilException | IllegalArgumentException e) {
                // A text over the engine's limit, a row with more values than a session holds: this row is
                // withheld and says why (Veil's messages never quote the text); the others go on.
                return RowFactory.create(null, summary(null, null, e.getMessage()));
            }
        }

        private static Row summary(Map<String, Integer> counts, List<String> blocked, String error) {
            return RowFactory.create(counts, blocked, error);
        }
    }

    /** Builds a {@link SparkProtector}. Not thread-safe. */
    public static final class Builder {

        private String preset = "balanced";
        private Action defaultAction;
        private final Map<String, String> actions = new TreeMap<>();
        private Language language = Language.AUTO;
        private int maxTextLength = Veil.DEFAULT_MAX_TEXT_LENGTH;
        private byte[] tokenKey;
        private String textColumn = "text";

        private Builder() {
        }

        /** A policy preset to start from: balanced (the default), strict or strictest. */
        public Builder preset(String name) {
            this.preset = Objects.requireNonNull(name, "preset").strip().toLowerCase(Locale.ROOT);
            return this;
        }

        /** The action for every type the preset acts on and no {@link #action} names. */
        public Builder defaultAction(Action action) {
            this.defaultAction = Objects.requireNonNull(action, "action");
            return this;
        }

        /** The action for one type. */
        public Builder action(EntityType type, Action action) {
            Objects.requireNonNull(type, "type");
            actions.put(type.name(), name(Objects.requireNonNull(action, "action")));
            return this;
        }

        /** The language of the texts: NL, EN or AUTO (the default, per text). */
        public Builder language(Language language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /**
         * A secret of at least 16 bytes that makes tokens an HMAC of their value: the same on every
         * executor and in every run with the same key. Needed to pseudonymise.
         */
        public Builder tokenKey(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length < 16) {
                throw new IllegalArgumentException("a token key needs at least 16 bytes");
            }
            this.tokenKey = key.clone();
            return this;
        }

        /**
         * The longest text protected (default {@value Veil#DEFAULT_MAX_TEXT_LENGTH} chars); a longer one is
         * withheld with an error in its summary.
         */
        public Builder maxTextLength(int chars) {
            if (chars <= 0) {
                throw new IllegalArgumentException("maxTextLength must be positive");
            }
            this.maxTextLength = chars;
            return this;
        }

        /** The column holding the text (default {@code text}). */
        public Builder textColumn(String column) {
            this.textColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Builds the protector, after building its engine here once: a bad preset or action fails now,
         * on the driver, instead of in every task.
         *
         * @throws IllegalArgumentException for an unknown preset, or pseudonymising without a token key
         */
        public SparkProtector build() {
            Config config = new Config(preset, defaultAction == null ? null : name(defaultAction), Map.copyOf(actions),
                    language, maxTextLength, tokenKey == null ? null : Base64.getEncoder().encodeToString(tokenKey));
            boolean pseudonymises = Action.PSEUDONYMIZE.equals(defaultAction) || actions.containsValue("PSEUDONYMIZE");
            if (pseudonymises && tokenKey == null) {
                throw new IllegalArgumentException("pseudonymising over many executors needs a token key: without one, "
                        + "each row numbers its tokens from 1 and [EMAIL_1] names another address in every row");
            }
            engine(config);
            return new SparkProtector(config, textColumn);
        }

        private static String name(Action action) {
            for (String name : List.of("KEEP", "REDACT", "MASK", "REPLACE", "PSEUDONYMIZE", "SURROGATE", "BLOCK")) {
                if (Action.named(name).equals(action)) {
                    return name;
                }
            }
            throw new IllegalArgumentException("only the named actions (not redact(text)) can be used here");
        }
    }
}
