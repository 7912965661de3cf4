package dev.veil.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhoneRulesTest {

    @Test
    void digitAutomatonAgreesWithPatternOnEveryCoveredRegion() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        var source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        List<String> regexes = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (int cc : new int[] {1, 31, 32, 44}) {
            for (String region : util.getRegionCodesForCountryCode(cc)) {
                PhoneMetadata m = source.getMetadataForRegion(region);
                if (m.hasLeadingDigits()) {
                    regexes.add(m.getLeadingDigits());
                }
                for (PhoneNumberDesc d : List.of(m.getGeneralDesc(), m.getMobile(), m.getFixedLine(), m.getTollFree(),
                        m.getPremiumRate(), m.getSharedCost(), m.getVoip(), m.getPersonalNumber(), m.getPager(),
                        m.getUan(), m.getVoicemail())) {
                    if (d.hasNationalNumberPattern() && !d.getNationalNumberPattern().isEmpty()) {
                        regexes.add(d.getNationalNumberPattern());
                    }
                    if (d.hasExampleNumber()) {
                        examples.add(d.getExampleNumber());
                    }
                }
            }
        }
        Random random = new Random(20261207);
        for (String regex : regexes) {
            PhoneRules.Dfa dfa = PhoneRules.Dfa.compile(regex);
            assertNotNull(dfa, regex);
            Pattern pattern = Pattern.compile(regex);
            List<String> inputs = new ArrayList<>(examples);
            for (String e : examples) {
                // Near misses: one digit changed, one dropped, one added.
                int k = random.nextInt(e.length());
                inputs.add(e.substring(0, k) + (char) ('0' + random.nextInt(10)) + e.substring(k + 1));
                inputs.add(e.substring(0, k) + e.substring(k + 1));
                inputs.add(e.substring(0, k) + (char) ('0' + random.nextInt(10)) + e.substring(k));
            }
            for (int i = 0; i < 3000; i++) {
                StringBuilder s = new StringBuilder();
                for (int n = random.nextInt(14); n > 0; n--) {
                    s.append((char) ('0' + random.nextInt(10)));
                }
                inputs.add(s.toString());
            }
            inputs.add("06a2345678");
            for (String in : inputs) {
                assertEquals(pattern.matcher(in).matches(), dfa.matches(in), regex + " matches " + in);
                assertEquals(pattern.matcher(in).lookingAt(), dfa.lookingAt(in), regex + " lookingAt " + in);
            }
        }
    }

    @Test
    void digitAutomatonLeavesOtherSyntaxToPattern() {
        assertNull(PhoneRules.Dfa.compile("\\d+?"));
        assertNull(PhoneRules.Dfa.compile("[^0]"));
        assertNull(PhoneRules.Dfa.compile("(?=1)1"));
        assertNull(PhoneRules.Dfa.compile("a"));
        assertNull(PhoneRules.Dfa.compile("(1"));
        assertNotNull(PhoneRules.Dfa.compile("1(?:2|3){2,}4*"));
    }
}
