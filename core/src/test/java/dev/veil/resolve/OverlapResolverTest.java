package dev.veil.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.EntityType;
import dev.veil.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapResolverTest {

    private static Finding f(int start, int end, EntityType type, double score) {
        return new Finding(start, end, type, score, "t");
    }

    @Test
    void theLongestSpanWins() {
        Finding email = f(5, 21, EntityType.EMAIL, 0.9);
        Finding name = f(5, 8, EntityType.PERSON, 1.0);
        assertEquals(List.of(email), OverlapResolver.resolve(List.of(name, email)));
    }

    @Test
    void thenTheHigherScoreThenTypePriority() {
        Finding weakPhone = f(0, 10, EntityType.PHONE, 0.6);
        Finding strongBsn = f(0, 10, EntityType.PERSON, 0.9);
        Finding partial = f(2, 12, EntityType.IBAN, 0.6);
        assertEquals(List.of(strongBsn), OverlapResolver.resolve(List.of(partial, weakPhone, strongBsn)),
                "same span, rival type: the higher score wins; the partial overlap loses");
        Finding bsn = f(0, 9, EntityType.NL_BSN, 0.9);
        Finding phone = f(0, 9, EntityType.PHONE, 0.9);
        assertEquals(bsn, OverlapResolver.resolve(List.of(phone, bsn)).get(0), "equal length and score: priority");
    }

    @Test
    void aSpanWithSeveralTypesKeepsEveryTypeOnceInPriorityOrder() {
        Finding genetic = f(20, 37, EntityType.GENETIC, 0.9);
        Finding health = f(20, 37, EntityType.HEALTH, 0.9);
        Finding healthAgain = f(20, 37, EntityType.HEALTH, 0.7);
        Finding before = f(0, 5, EntityType.PERSON, 0.9);
        List<Finding> resolved = OverlapResolver.resolve(List.of(genetic, healthAgain, before, health));
        assertEquals(List.of(before, health, genetic), resolved);
        assertEquals(List.of(before, health), OverlapResolver.primaries(resolved));
    }

    @Test
    void aNameAndAnOriginOnOneSpanAreRivalsNotCoLabels() {
        Finding origin = f(10, 16, EntityType.ETHNIC_ORIGIN, 0.7);
        Finding name = f(10, 16, EntityType.PERSON, 0.55);
        assertEquals(List.of(origin), OverlapResolver.resolve(List.of(name, origin)));
    }

    @Test
    void nonOverlappingInputComesBackAsItIs() {
        List<Finding> in = List.of(f(0, 3, EntityType.PERSON, 1), f(3, 6, EntityType.EMAIL, 1));
        assertEquals(in, OverlapResolver.resolve(in));
        assertEquals(in, OverlapResolver.primaries(in));
    }

    @Test
    void givenTheTextThePartOfALosingFindingOutsideTheWinnerStaysProtectedAsItsOwnType() {
        String text = "Bel MS-patiënt-Jan de Vries";
        Finding health = f(4, 18, EntityType.HEALTH, 0.9); // MS-patiënt-Jan
        Finding person = f(15, 27, EntityType.PERSON, 0.9); // Jan de Vries
        assertEquals(List.of(health, f(19, 27, EntityType.PERSON, 0.9)),
                OverlapResolver.resolve(text, List.of(person, health), x -> false));
        assertEquals(List.of(health), OverlapResolver.resolve(List.of(person, health)), "without the text: as before");
    }

    @Test
    void aLosingFindingSpanningTwoWinnersKeepsEveryGapAndDropsGapsWithoutLettersOrDigits() {
        String text = "aa bb, cc dd";
        Finding left = f(0, 5, EntityType.EMAIL, 0.9);    // "aa bb"
        Finding right = f(7, 12, EntityType.PHONE, 0.9);  // "cc dd"
        Finding wide = f(4, 8, EntityType.PERSON, 0.5);   // "b, c": its gap ", " holds no letter
        assertEquals(List.of(left, right), OverlapResolver.resolve(text, List.of(wide, left, right), x -> false));
        Finding longer = f(0, 12, EntityType.PERSON, 0.5);
        Finding inside = f(3, 5, EntityType.EMAIL, 0.9);
        assertEquals(List.of(longer), OverlapResolver.resolve(text, List.of(inside, longer), x -> false),
                "a finding inside the winner leaves nothing outside it");
    }

    @Test
    void aBlockedFindingWinsAndTheRestOfALongerRivalStaysProtected() {
        String text = "Jan de Vries Holding BV";
        Finding client = f(7, 20, EntityType.of("CLIENT"), 1.0); // Vries Holding
        Finding person = f(0, 12, EntityType.PERSON, 0.9);        // Jan de Vries
        assertEquals(List.of(f(0, 6, EntityType.PERSON, 0.9), client),
                OverlapResolver.resolve(text, List.of(person, client), x -> x == client));
    }
}
