package dev.veil.detect;

import dev.veil.EntityType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Factories for the built-in detectors, for users who compose their own engine. {@code Veil.builder()}
 * registers all of them by default.
 *
 * <p>Every detector returned is immutable and thread-safe.
 */
public final class Detectors {

    private Detectors() {
    }

    /** E-mail addresses, including IDN domains and {@code [at]}/{@code (at)} obfuscations. Id {@code email}. */
    public static Detector email() {
        return new EmailDetector();
    }

    /**
     * Phone numbers in the default regions: NL and BE for Dutch text, GB and US for English text, all
     * four for {@code AUTO}, and any region when written with {@code +} or {@code 00}. Id
     * {@code phone.libphonenumber}.
     */
    public static Detector phone() {
        return new PhoneDetector(PhoneDetector.DUTCH_REGIONS, PhoneDetector.ENGLISH_REGIONS);
    }

    /**
     * Phone numbers with the given national regions (ISO 3166 codes such as {@code DE}) for Dutch and for
     * English text. Numbers with a {@code +} or {@code 00} prefix are found whatever their region.
     *
     * @throws NullPointerException if a list is null
     * @throws IllegalArgumentException if a region is unknown to libphonenumber
     */
    public static Detector phone(List<String> dutchRegions, List<String> englishRegions) {
        return new PhoneDetector(dutchRegions, englishRegions);
    }

    /** IBANs of every ISO 13616 country, checksum validated. Id {@code iban}. */
    public static Detector iban() {
        return new IbanDetector();
    }

    /** Payment card numbers of the major schemes, Luhn validated. Id {@code credit_card}. */
    public static Detector creditCard() {
        return new CreditCardDetector();
    }

    /** Dutch BSN numbers passing the elfproef; a context word lifts the score. Id {@code nl_bsn}. */
    public static Detector nlBsn() {
        return new BsnDetector();
    }

    /** Belgian national register and BIS numbers, mod-97 validated. Id {@code be_national_number}. */
    public static Detector beNationalNumber() {
        return new BelgianNationalNumberDetector();
    }

    /** IPv4 and IPv6 addresses; version-number context lowers the score. Id {@code ip_address}. */
    public static Detector ipAddress() {
        return new IpAddressDetector();
    }

    /**
     * Whole-word, case-insensitive matches of fixed values, each reported as its type with score 1.
     * Id {@code denylist}.
     *
     * @throws NullPointerException if {@code values} or an entry is null
     * @throws IllegalArgumentException if a value is blank
     */
    public static Detector denyList(Map<String, EntityType> values) {
        Objects.requireNonNull(values, "values");
        values.forEach((v, t) -> {
            Objects.requireNonNull(v, "value");
            Objects.requireNonNull(t, "type");
            if (v.isBlank()) {
                throw new IllegalArgumentException("deny-list values must not be blank");
            }
        });
        return new DenyListDetector(values);
    }

    /**
     * GDPR art. 9 special categories and art. 10 criminal data in Dutch and English, from the built-in
     * vocabularies, scored by whether a person is referred to. Id {@code special.vocabulary}. To add
     * terms or an allow list, use {@link dev.veil.detect.special.SpecialCategoryDetector#builder()}.
     */
    public static Detector specialCategories() {
        return dev.veil.detect.special.SpecialCategoryDetector.defaults();
    }

    /**
     * The rule-based person-name detector ({@code person.rules}) for Dutch, Flemish and English text:
     * bundled name lists plus titles, initials, particles, cue words, greetings and headers.
     * Thread-safe; its lists load once per process on first use.
     */
    public static Detector person() {
        return dev.veil.detect.person.PersonDetector.create();
    }

    /**
     * A PERSON detector that runs a user's OpenNLP name finder model (for example one made with
     * {@code veil train}). Thread-safe: each thread gets its own finder over the shared model.
     *
     * @param id        a stable id for findings and policies, e.g. {@code person.opennlp}
     * @param modelFile a serialised {@code TokenNameFinderModel}
     * @throws java.io.UncheckedIOException if the file cannot be read as such a model
     */
    public static Detector nameModel(String id, java.nio.file.Path modelFile) {
        return dev.veil.detect.person.NameFinderDetector.load(id, modelFile);
    }

    /** The name detectors, in the order the engine runs them after the identifiers. */
    public static List<Detector> names() {
        return List.of(person());
    }

    /** The structured identifier detectors, in the order the engine runs them. */
    public static List<Detector> identifiers() {
        return List.of(email(), iban(), creditCard(), nlBsn(), beNationalNumber(), ipAddress(), phone());
    }
}
