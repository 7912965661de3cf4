package dev.veil;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of personal data a finding is, such as {@link #EMAIL} or {@link #HEALTH}.
 *
 * <p>Names are stable {@code UPPER_SNAKE} strings that users, policy files and the CLI rely on. The
 * built-in types are constants here; users add their own with {@link #of(String)}. Two instances with
 * the same name are equal.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the stable name, {@code UPPER_SNAKE}, at most 64 characters
 */
public record EntityType(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

    public static final EntityType PERSON = new EntityType("PERSON");
    public static final EntityType EMAIL = new EntityType("EMAIL");
    public static final EntityType PHONE = new EntityType("PHONE");
    public static final EntityType IBAN = new EntityType("IBAN");
    public static final EntityType CREDIT_CARD = new EntityType("CREDIT_CARD");
    public static final EntityType NL_BSN = new EntityType("NL_BSN");
    public static final EntityType BE_NATIONAL_NUMBER = new EntityType("BE_NATIONAL_NUMBER");
    public static final EntityType IP_ADDRESS = new EntityType("IP_ADDRESS");

    /** GDPR art. 9: physical or mental health, including pregnancy and sick leave. */
    public static final EntityType HEALTH = new EntityType("HEALTH");
    /** GDPR art. 9: genetic data. */
    public static final EntityType GENETIC = new EntityType("GENETIC");
    /** GDPR art. 9: biometric data used to identify a person. */
    public static final EntityType BIOMETRIC = new EntityType("BIOMETRIC");
    /** GDPR art. 9: racial or ethnic origin. */
    public static final EntityType ETHNIC_ORIGIN = new EntityType("ETHNIC_ORIGIN");
    /** GDPR art. 9: political opinions. */
    public static final EntityType POLITICAL_OPINION = new EntityType("POLITICAL_OPINION");
    /** GDPR art. 9: religious or philosophical beliefs. */
    public static final EntityType RELIGION = new EntityType("RELIGION");
    /** GDPR art. 9: sex life or sexual orientation. */
    public static final EntityType SEXUAL_ORIENTATION = new EntityType("SEXUAL_ORIENTATION");
    /** GDPR art. 9: trade-union membership. */
    public static final EntityType TRADE_UNION = new EntityType("TRADE_UNION");
    /** GDPR art. 10: criminal convictions and offences. */
    public static final EntityType CRIMINAL = new EntityType("CRIMINAL");

    private static final Set<EntityType> SPECIAL_CATEGORIES = Set.of(
            HEALTH, GENETIC, BIOMETRIC, ETHNIC_ORIGIN, POLITICAL_OPINION, RELIGION,
            SEXUAL_ORIENTATION, TRADE_UNION, CRIMINAL);

    private static final Set<EntityType> BUILT_IN = Set.of(
            PERSON, EMAIL, PHONE, IBAN, CREDIT_CARD, NL_BSN, BE_NATIONAL_NUMBER, IP_ADDRESS,
            HEALTH, GENETIC, BIOMETRIC, ETHNIC_ORIGIN, POLITICAL_OPINION, RELIGION,
            SEXUAL_ORIENTATION, TRADE_UNION, CRIMINAL);

    /**
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is not {@code UPPER_SNAKE} or longer than 64
     */
    public EntityType {
        Objects.requireNonNull(name, "name");
        if (name.length() > 64 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "entity type names are UPPER_SNAKE and at most 64 characters, e.g. EMPLOYEE_ID");
        }
    }

    /**
     * Returns the type with this name: a built-in one or a user-defined one.
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is not {@code UPPER_SNAKE}
     */
    public static EntityType of(String name) {
        return new EntityType(name);
    }

    /** The built-in types, personal identifiers and special categories. */
    public static Set<EntityType> builtIn() {
        return BUILT_IN;
    }

    /** The GDPR art. 9 special categories and art. 10 criminal data. */
    public static Set<EntityType> specialCategories() {
        return SPECIAL_CATEGORIES;
    }

    /** Whether this is a GDPR art. 9 special category or art. 10 criminal data. */
    public boolean isSpecialCategory() {
        return SPECIAL_CATEGORIES.contains(this);
    }

    /**
     * Equal when the names are: what the record would generate, written out because the engine asks
     * once per finding (declared types, priorities, thresholds) and the generated method, built from
     * method handles at run time, cost more than the whole check.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof EntityType t && name.equals(t.name);
    }

    /** The name's hash, as the record would generate it (set and map orders stay the same). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
