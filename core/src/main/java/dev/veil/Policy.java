package dev.veil;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to do with each kind of personal data: an {@link Action} and a score threshold per
 * {@link EntityType}. Start from a preset and change what you need:
 *
 * <pre>{@code
 * Policy policy = Policy.balanced().toBuilder()
 *         .action(EntityType.EMAIL, Action.MASK)
 *         .action(EntityType.NL_BSN, Action.BLOCK)
 *         .build();
 * }</pre>
 *
 * <p>Presets, from lenient to strict: {@link #balanced()} replaces identifiers and names with typed
 * labels and acts on special-category terms only when they are about a person; {@link #strict()}
 * lowers every threshold, so weaker evidence counts and every special-category term is acted on;
 * {@link #strictest()} also BLOCKs a prompt that ties a special-category term to an identified person.
 *
 * <p>Immutable and thread-safe.
 */
public final class Policy {

    /** The score a finding needs, unless a policy sets another threshold for its type. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private static final Policy BALANCED = defaults("balanced", Action.REPLACE, DEFAULT_THRESHOLD);
    private static final Policy STRICT = defaults("strict", Action.REPLACE, 0.3);
    /** The score from which a special-category finding blocks under {@link #strictest()}. */
    private static final double STRICTEST_BLOCK_AT = 0.85;
    private static final Policy STRICTEST = strictestPreset();

    private final String name;
    private final Action defaultAction;
    private final double defaultThreshold;
    private final Map<EntityType, Action> actions;
    private final Map<EntityType, Double> thresholds;
    private final Map<EntityType, Double> blockThresholds;
    private final Set<String> toleratedDetectors;
    /**
     * Every type the three maps name, open-addressed by its name's hash, with its threshold, action and
     * block threshold (NaN: none) side by side. The engine asks once or twice per raw finding, and
     * {@code Map.copyOf}'s maps divide on every probe and box the default: 2.8 % of a 2 KB scan.
     */
    private final EntityType[] typeKeys;
    private final double[] typeThresholds;
    private final Action[] typeActions;
    private final double[] typeBlocks;

    private Policy(Builder b) {
        this.name = b.name;
        this.defaultAction = b.defaultAction;
        this.defaultThreshold = b.defaultThreshold;
        this.actions = Map.copyOf(b.actions);
        this.thresholds = Map.copyOf(b.thresholds);
        this.blockThresholds = Map.copyOf(b.blockThresholds);
        this.toleratedDetectors = Collections.unmodifiableSet(new TreeSet<>(b.toleratedDetectors));
        Set<EntityType> named = new HashSet<>(actions.keySet());
        named.addAll(thresholds.keySet());
        named.addAll(blockThresholds.keySet());
        int capacity = Integer.highestOneBit(Math.max(4, named.size() * 2)) << 1;
        this.typeKeys = new EntityType[capacity];
        this.typeThresholds = new double[capacity];
        this.typeActions = new Action[capacity];
        this.typeBlocks = new double[capacity];
        for (EntityType type : named) {
            int i = slot(typeKeys, type);
            typeKeys[i] = type;
            typeThresholds[i] = thresholds.getOrDefault(type, defaultThreshold);
            typeActions[i] = actions.getOrDefault(type, defaultAction);
            Double block = blockThresholds.get(type);
            typeBlocks[i] = block == null ? Double.NaN : block;
        }
    }

    /** The slot of {@code type} in {@code keys}: where it is, or the empty slot where it would go. */
    private static int slot(EntityType[] keys, EntityType type) {
        int mask = keys.length - 1;
        int h = type.hashCode();
        for (int i = (h ^ h >>> 16) & mask; ; i = (i + 1) & mask) {
            EntityType k = keys[i];
            if (k == null || k == type || k.equals(type)) {
                return i;
            }
        }
    }

    /** The slot of {@code type} if this policy names it, else -1. */
    private int named(EntityType type) {
        int i = slot(typeKeys, Objects.requireNonNull(type, "type"));
        return typeKeys[i] == null ? -1 : i;
    }

    private static Policy defaults(String name, Action action, double threshold) {
        return new Builder(name).defaultAction(action).defaultThreshold(threshold).build();
    }

    private static Policy strictestPreset() {
        Builder b = new Builder("strictest").defaultAction(Action.REPLACE).defaultThreshold(0.3);
        for (EntityType type : EntityType.specialCategories()) {
            b.blockAtOrAbove(type, STRICTEST_BLOCK_AT);
        }
        return b.build();
    }

    /**
     * Replaces every finding with its type label ({@code [EMAIL]}, {@code [PERSON]}) at threshold
     * {@value #DEFAULT_THRESHOLD}; special-category terms count only when they are about a person.
     */
    public static Policy balanced() {
        return BALANCED;
    }

    /** Like {@link #balanced()} with threshold 0.3: weaker evidence counts, and every special-category term. */
    public static Policy strict() {
        return STRICT;
    }

    /**
     * Like {@link #strict()}, and BLOCKs the whole prompt when a special-category term is tied to an
     * identified person: a name or identifier in the same sentence or the one before, which the
     * special-category detector scores 0.9 ("Fatima el Amrani heeft een burn-out"). Terms tied only to
     * a pronoun or role noun (0.7) and unlinked terms (0.35) are replaced as under {@code strict}.
     */
    public static Policy strictest() {
        return STRICTEST;
    }

    /**
     * Looks a preset up by name ({@code balanced}, {@code strict}, {@code strictest}).
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if there is no preset of that name
     */
    public static Policy preset(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name) {
            case "balanced" -> BALANCED;
            case "strict" -> STRICT;
            case "strictest" -> STRICTEST;
            default -> throw new IllegalArgumentException(
                    "unknown policy preset '" + name + "'; known: balanced, strict, strictest");
        };
    }

    /** A builder that starts empty: every type {@link Action#REPLACE}d at the default threshold. */
    public static Builder builder() {
        return new Builder("custom");
    }

    /** A builder that starts from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder(name + "+custom");
        b.defaultAction = defaultAction;
        b.defaultThreshold = defaultThreshold;
        b.actions.putAll(actions);
        b.thresholds.putAll(thresholds);
        b.blockThresholds.putAll(blockThresholds);
        b.toleratedDetectors.addAll(toleratedDetectors);
        return b;
    }

    /** The preset name, or a name derived from it for customised policies. */
    public String name() {
        return name;
    }

    /** The action for findings of {@code type}. */
    public Action actionFor(EntityType type) {
        int i = named(type);
        return i < 0 ? defaultAction : typeActions[i];
    }

    /** The minimum score a finding of {@code type} needs to be acted on. */
    public double thresholdFor(EntityType type) {
        int i = named(type);
        return i < 0 ? defaultThreshold : typeThresholds[i];
    }

    /**
     * The action for one finding: {@link Action#BLOCK} when its score reaches the type's block
     * threshold (see {@link Builder#blockAtOrAbove}), else {@link #actionFor(EntityType)}. Callers
     * check {@link #thresholdFor(EntityType)} first.
     */
    public Action actionFor(EntityType type, double score) {
        int i = named(type);
        if (i < 0) {
            return defaultAction;
        }
        return score >= typeBlocks[i] ? Action.BLOCK : typeActions[i]; // false for NaN: no block threshold
    }

    /**
     * Whether findings of {@code type} may be acted on at all: its action is not KEEP, or strong findings
     * of it block ({@link Builder#blockAtOrAbove}). Whether one finding is acted on depends on its score:
     * see {@link #actionFor(EntityType, double)}.
     */
    public boolean actsOn(EntityType type) {
        return !(actionFor(type) instanceof Action.Keep) || blockThresholds.containsKey(type);
    }

    /**
     * Whether a failure of the detector with this id is tolerated: its findings are then skipped
     * instead of failing the whole call. Off for every detector unless set: Veil fails closed.
     */
    public boolean toleratesFailureOf(String detectorId) {
        return toleratedDetectors.contains(detectorId);
    }

    @Override
    public String toString() {
        return "Policy[" + name + ", default=" + defaultAction + "@" + defaultThreshold
                + ", actions=" + new TreeMapView(actions) + ", thresholds=" + new TreeMapView(thresholds) + ", blockAtOrAbove=" + new TreeMapView(blockThresholds)
                + ", tolerated=" + toleratedDetectors + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy p && defaultAction.equals(p.defaultAction)
                && defaultThreshold == p.defaultThreshold && actions.equals(p.actions)
                && thresholds.equals(p.thresholds) && blockThresholds.equals(p.blockThresholds)
                && toleratedDetectors.equals(p.toleratedDetectors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultAction, defaultThreshold, actions, thresholds, blockThresholds,
                toleratedDetectors);
    }

    /** Sorted rendering of a type-keyed map, so {@code toString} is stable. */
    private record TreeMapView(Map<EntityType, ?> map) {
        @Override
        public String toString() {
            var sorted = new java.util.TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(k.name(), v));
            return sorted.toString();
        }
    }

    /**
     * Builds a {@link Policy}. Not thread-safe; each setter returns this builder.
     */
    public static final class Builder {
        private final String name;
        private Action defaultAction = Action.REPLACE;
        private double defaultThreshold = DEFAULT_THRESHOLD;
        private final Map<EntityType, Action> actions = new HashMap<>();
        private final Map<EntityType, Double> thresholds = new HashMap<>();
        private final Map<EntityType, Double> blockThresholds = new HashMap<>();
        private final Set<String> toleratedDetectors = new TreeSet<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the action for one type.
         *
         * @throws NullPointerException if an argument is null
         */
        public Builder action(EntityType type, Action action) {
            actions.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(action, "action"));
            return this;
        }

        /**
         * Sets the action for every type without an action of its own.
         *
         * @throws NullPointerException if {@code action} is null
         */
        public Builder defaultAction(Action action) {
            this.defaultAction = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * Sets the minimum score for one type.
         *
         * @throws NullPointerException if {@code type} is null
         * @throws IllegalArgumentException if {@code threshold} is outside [0, 1]
         */
        public Builder threshold(EntityType type, double threshold) {
            thresholds.put(Objects.requireNonNull(type, "type"), checkThreshold(threshold));
            return this;
        }

        /**
         * Sets the minimum score for every type without a threshold of its own.
         *
         * @throws IllegalArgumentException if {@code threshold} is outside [0, 1]
         */
        public Builder defaultThreshold(double threshold) {
            this.defaultThreshold = checkThreshold(threshold);
            return this;
        }

        /**
         * Blocks the whole prompt when a finding of {@code type} scores at least {@code minScore};
         * weaker findings of the type still get the type's normal action. Detectors encode strength
         * of evidence in the score (a health term tied to a named person scores higher than one
         * tied to a pronoun), so this blocks only the most revealing prompts.
         *
         * @throws NullPointerException if {@code type} is null
         * @throws IllegalArgumentException if {@code minScore} is outside [0, 1]
         */
        public Builder blockAtOrAbove(EntityType type, double minScore) {
            blockThresholds.put(Objects.requireNonNull(type, "type"), checkThreshold(minScore));
            return this;
        }

        /**
         * Lets the call go on without this detector's findings when it fails, instead of failing
         * closed. Use only for detectors whose data the policy can afford to miss.
         *
         * @throws NullPointerException if {@code detectorId} is null
         */
        public Builder tolerateFailureOf(String detectorId) {
            toleratedDetectors.add(Objects.requireNonNull(detectorId, "detectorId"));
            return this;
        }

        /** Builds the immutable policy. */
        public Policy build() {
            return new Policy(this);
        }

        private static double checkThreshold(double threshold) {
            if (!(threshold >= 0.0 && threshold <= 1.0)) {
                throw new IllegalArgumentException("threshold must be within [0, 1], got " + threshold);
            }
            return threshold;
        }
    }
}
