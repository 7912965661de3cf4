package dev.veil.detect.person;

import static dev.veil.FindingAssertions.assertFindsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.EntityType;
import dev.veil.Veil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameLikenessTest {

    private static final NameLikeness LIKENESS = new NameLikeness(PersonDetector.bundledLexicon());
    private static final Veil BALANCED = Veil.builder().withoutBuiltInDetectors().detector(PersonDetector.create()).build();

    private static double score(String word) {
        return LIKENESS.score(word, 0, word.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tonkov", "Nakamura", "Kowalczyk", "Garzelli", "Waltniel"})
    void surnamesNoListKnowsLookLikeNames(String word) {
        assertTrue(score(word) > 0.4, word + " " + score(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Invensys", "Spotify", "Microsoft", "Gezondheidszorg", "Verzekeringen"})
    void brandsAndCompoundWordsDoNot(String word) {
        assertTrue(score(word) < 0, word + " " + score(word));
    }

    @Test
    void scoresTheWordCaseInsensitivelyAndOnlyItsOwnRange() {
        String text = "bij Nakamura thuis";
        assertTrue(Math.abs(LIKENESS.score(text, 4, 12) - score("nakamura")) < 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "De bergrit was voor ⟦Tonkov⟧ en niemand anders.",
        "Ik heb het contract naar ⟦Kowalczyk⟧ gestuurd.",
        "De software van Invensys draait nog.",
        "We zetten de muziek op Spotify.",
        "Het pakket is verzonden met PostNL.",
        "Ze deelt het via LinkedIn en WhatsApp met ⟦McDonald⟧ zelf.",
    })
    void decidesAnUnknownCapitalisedWordMidSentence(String text) {
        assertFindsExactly(BALANCED, EntityType.PERSON, text);
    }
}
