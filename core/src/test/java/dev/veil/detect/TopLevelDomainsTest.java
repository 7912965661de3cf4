package dev.veil.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.DomainValidator.ArrayType;
import org.junit.jupiter.api.Test;

class TopLevelDomainsTest {

    private static final DomainValidator VALIDATOR = DomainValidator.getInstance(false);

    @Test
    void holdsEveryDomainOfTheValidatorsListsInAnyCaseAndEachIsOneTheValidatorAccepts() {
        int listed = 0;
        for (ArrayType type : new ArrayType[] {ArrayType.GENERIC_RO, ArrayType.COUNTRY_CODE_RO, ArrayType.INFRASTRUCTURE_RO}) {
            for (String tld : DomainValidator.getTLDEntries(type)) {
                String upper = tld.toUpperCase(Locale.ROOT);
                assertTrue(TopLevelDomains.LISTED.contains(tld, 0, tld.length()), tld);
                assertTrue(TopLevelDomains.LISTED.contains("x@y." + upper, 4, 4 + upper.length()), upper);
                assertTrue(VALIDATOR.isValidTld(tld), tld);
                listed++;
            }
        }
        assertTrue(listed > 1_000, "only " + listed + " listed domains");
    }

    @Test
    void neverHoldsADomainTheValidatorRejects() {
        Random random = new Random(11);
        String chars = "abcdefghijklmnopqrstuvwxyzNLBECOM0123456789-";
        int held = 0;
        for (int k = 0; k < 100_000; k++) {
            StringBuilder label = new StringBuilder();
            int length = 1 + random.nextInt(k % 2 == 0 ? 2 : 5);
            for (int i = 0; i < length; i++) {
                label.append(chars.charAt(random.nextInt(chars.length())));
            }
            String tld = label.toString();
            boolean contained = TopLevelDomains.LISTED.contains(tld, 0, tld.length());
            if (contained) {
                held++;
                assertTrue(VALIDATOR.isValidTld(tld), tld);
            } else if (tld.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                // A lower-case label the lists lack is one the validator rejects: the table is the lists.
                assertFalse(VALIDATOR.isValidTld(tld), tld);
            }
        }
        assertTrue(held > 1_000, "only " + held + " random labels were listed");
    }

    @Test
    void readsOnlyTheGivenRange() {
        String text = "mail jan@voorbeeld.nlx of piet@voorbeeld.nl.";
        int nl = text.indexOf(".nl.") + 1;
        assertTrue(TopLevelDomains.LISTED.contains(text, nl, nl + 2));
        int nlx = text.indexOf(".nlx") + 1;
        assertFalse(TopLevelDomains.LISTED.contains(text, nlx, nlx + 3));
        assertFalse(TopLevelDomains.LISTED.contains(text, nl, nl));
        for (String rejected : List.of("local", "localhost", "zz", "123", "nl-", "n")) {
            assertFalse(TopLevelDomains.LISTED.contains(rejected, 0, rejected.length()), rejected);
        }
    }

    @Test
    void withEntriesRemovedByAnOverrideTheTableIsEmptyAndHoldsNothing() {
        assertEquals(List.of(), TopLevelDomains.listed(true));
        assertTrue(TopLevelDomains.listed(false).size() > 1_000);
        TopLevelDomains none = new TopLevelDomains(TopLevelDomains.listed(true));
        assertFalse(none.contains("nl", 0, 2));
        assertFalse(none.contains("", 0, 0));
    }
}
