package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PersonsTest {

    private static final String[] GIVEN = {"Jan", "Piet", "Anna", "JAN", "Vries"};
    private static final String[] FAMILY = {"de Vries", "Bakker", "Jansen", "Vries", "Piet"};

    /** A written name as the vault parses one: one word, initial and family, family alone, or given and family. */
    private static PersonName randomName(Random random) {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[random.nextInt(FAMILY.length)];
        return switch (random.nextInt(4)) {
            case 0 -> {
                String word = random.nextBoolean() ? given : family;
                yield new PersonName(0, word.length(), word, word.charAt(0), word, true);
            }
            case 1 -> new PersonName(0, 1, null, given.charAt(0), family, false);
            case 2 -> new PersonName(0, 1, null, (char) 0, family, false);
            default -> new PersonName(0, 1, given, given.charAt(0), family, false);
        };
    }

    /** How the vault decided before the index: every anchor read, every guess tested. */
    private static final class Naive {
        final List<Person> persons = new ArrayList<>();
        final Map<String, PersonName> guesses = new HashMap<>();

        Person resolve(PersonName name, String key, List<String> forgotten) {
            Person match = null;
            int matches = 0;
            for (Person p : persons) {
                if (p.anchor && Person.refersTo(name, p)) {
                    match = p;
                    matches++;
                }
            }
            Person p = match;
            if (matches != 1) {
                p = new Person();
                p.key = key;
                p.given = name.given();
                p.initial = name.initial();
                p.family = name.family();
                p.anchor = name.full();
                persons.add(p);
                if (p.anchor) {
                    Person anchor = p;
                    guesses.entrySet().removeIf(g -> {
                        boolean ambiguous = Person.refersTo(g.getValue(), anchor);
                        if (ambiguous) {
                            forgotten.add(g.getKey());
                        }
                        return ambiguous;
                    });
                    return p;
                }
            }
            if (!key.equals(p.key)) {
                guesses.put(key, name);
            }
            return p;
        }
    }

    @Test
    void decidesWhomANameRefersToAndWhichGuessesToForgetAsReadingEveryPersonDid() {
        Random random = new Random(31);
        for (int round = 0; round < 300; round++) {
            Naive naive = new Naive();
            Persons persons = new Persons();
            for (int step = 0; step < 40; step++) {
                PersonName name = randomName(random);
                String key = "k" + random.nextInt(30);
                List<String> expectedForgotten = new ArrayList<>();
                Person expected = naive.resolve(name, key, expectedForgotten);

                int before = persons.size();
                Person actual = persons.resolve(name, "core", key);
                List<String> forgotten = new ArrayList<>();
                if (persons.size() > before && actual.anchor) {
                    persons.forgetGuessesFitting(actual, forgotten::add);
                } else if (!key.equals(actual.key)) {
                    persons.guess(key, name);
                }

                String at = "round " + round + ", step " + step + ", " + name;
                assertEquals(naive.persons.indexOf(expected), indexOf(persons, actual), at);
                assertEquals(naive.persons.size(), persons.size(), at);
                assertEquals(expectedForgotten.stream().sorted().toList(), forgotten.stream().sorted().toList(), at);
            }
        }
    }

    @Test
    void printsCountsOnly() {
        Persons persons = new Persons();
        persons.resolve(new PersonName(0, 12, "Jan", 'J', "de Vries", false), "Jan de Vries", "k");
        assertFalse(persons.toString().contains("Jan") || persons.toString().contains("Vries"), persons.toString());
    }

    private static int indexOf(Persons persons, Person p) {
        int k = 0;
        for (Person q : persons) {
            if (q == p) {
                return k;
            }
            k++;
        }
        return -1;
    }
}
