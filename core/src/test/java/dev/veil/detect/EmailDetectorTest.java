package dev.veil.detect;

import static dev.veil.FindingAssertions.assertFindsExactly;

import dev.veil.EntityType;
import dev.veil.Veil;
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
}
