package dev.veil.detect;

import static dev.veil.FindingAssertions.assertFindsExactly;

import dev.veil.EntityType;
import dev.veil.Veil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.validator.routines.EmailValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {

    private static final Veil VEIL = DetectorTables.only(Detectors.email());

    @ParameterizedTest
    @ValueSource(strings = {
        "Kun je ⟦jan.jansen@voorbeeld.nl⟧ mailen over de offerte?",
        "Contact: ⟦piet@bücher.de⟧ (Duitse klant)",
        "Send it to <⟦anna-lisa+invoices@example.co.uk⟧> today.",
        "Klik op mailto:⟦support@gemeente.amsterdam⟧ voor hulp.",
        "⟦a_b%c@sub.domain.example.org⟧",
        "Mijn adres is ⟦jan [at] voorbeeld [dot] nl⟧, zeg het niet door.",
        "Reach me at ⟦jan(at)voorbeeld.nl⟧.",
        "Mail ⟦JAN@VOORBEELD.NL⟧ of ⟦els@voorbeeld.be⟧; beide werken.",
        "Vriendelijke groet,\nAnouk\n⟦anouk.devries@zorg-instelling.nl⟧",
        "E-mail: ⟦mevrouw.özdemir@voorbeeld.nl⟧",
    })
    void findsAddressesInDutchAndEnglishSentences(String sentence) {
        assertFindsExactly(VEIL, EntityType.EMAIL, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Gebruik @jan in Slack, niet per mail.",
        "The decorator @Override is not an address.",
        "jan@localhost is alleen lokaal bekend.",
        "Schrijf naar jan@voorbeeld zonder domein.",
        "twitter: @veil_dev en #privacy",
        "De prijs is 5 @ 3 euro.",
        "jan@@voorbeeld.nl is een typfout.",
        "name at example dot com is spelled out without brackets.",
        "user@example.invalidtld",
    })
    void ignoresThingsThatOnlyLookLikeAddresses(String sentence) {
        assertFindsExactly(VEIL, EntityType.EMAIL, sentence);
    }

    @Test
    void theFastPathAcceptsOnlyAddressesCommonsValidatorAccepts() {
        EmailDetector detector = new EmailDetector();
        EmailValidator validator = EmailValidator.getInstance(false, false);
        Random random = new Random(11);
        String localChars = "abcXYZ019._%+-'!#é ";
        String domainChars = "abcxyz019-.é_";
        String[] tlds = {"nl", "be", "com", "org", "NL", "co.uk", "museum", "xn--p1ai", "123", "zz", "local", "c", "a-b", "ninja"};
        int fast = 0;
        for (int k = 0; k < 50_000; k++) {
            // Half from every char that matters, half from the plain ASCII shapes the fast path decides.
            String local = k % 2 == 0 ? localChars : "abcXYZ019._%+-";
            String domain = k % 2 == 0 ? domainChars : "abcxyz019-.";
            StringBuilder b = new StringBuilder();
            int localLength = 1 + random.nextInt(k % 100 == 0 ? 70 : 12);
            for (int i = 0; i < localLength; i++) {
                b.append(local.charAt(random.nextInt(local.length())));
            }
            b.append('@');
            int domainLength = random.nextInt(k % 100 == 1 ? 70 : 14);
            for (int i = 0; i < domainLength; i++) {
                b.append(domain.charAt(random.nextInt(domain.length())));
            }
            b.append(random.nextBoolean() ? "." : "").append(tlds[random.nextInt(tlds.length)]);
            String address = b.toString();
            int at = address.indexOf('@');
            if (detector.plainAsciiValid(address, 0, at, address.length())) {
                fast++;
                assertTrue(validator.isValid(address), address);
            }
        }
        assertTrue(fast > 5_000, "the fast path decided only " + fast + " of 50,000");
    }

    @Test
    void theFastPathAgreesOnEveryAddressOfTheTables() {
        EmailDetector detector = new EmailDetector();
        EmailValidator validator = EmailValidator.getInstance(false, false);
        for (String address : new String[] {"jan.jansen@voorbeeld.nl", "a.smit+work41@mail.example.co.uk", "x_y68@bedrijf.be",
                "info@uva.nl", "j@a.b", "jan..piet@voorbeeld.nl", ".jan@voorbeeld.nl", "jan@-voorbeeld.nl", "jan@voorbeeld.nl-",
                "jan@voorbeeld", "jan@voorbeeld.123", "jan@192.168.1.1", "a".repeat(65) + "@voorbeeld.nl"}) {
            int at = address.indexOf('@');
            if (detector.plainAsciiValid(address, 0, at, address.length())) {
                assertEquals(true, validator.isValid(address), address);
            }
        }
    }
}
