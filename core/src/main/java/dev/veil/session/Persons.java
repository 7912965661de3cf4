package dev.veil.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A session's persons, and the short forms it linked by guess to the one full name they fitted ("Jan"
 * to "Jan de Vries"). Both are found through their given and family names, so deciding whom a name
 * refers to reads the few persons that share a name part with it, not every person of the session
 * (reading them all made a batch run of thousands of people quadratic).
 *
 * <p>Mutable; guarded by the owning {@link Vault}'s lock. {@link #toString()} prints counts only.
 */
final class Persons implements Iterable<Person> {

    private final List<Person> all = new ArrayList<>();
    /** The anchors (full names) by given name and by family name. */
    private final Map<String, List<Person>> anchorsByGiven = new HashMap<>();
    private final Map<String, List<Person>> anchorsByFamily = new HashMap<>();
    /** Guessed short forms by key. */
    private final Map<String, PersonName> guesses = new HashMap<>();
    /** The keys of the guesses by the name parts a new full name must share to fit them ("G" or "F" and the part). */
    private final Map<String, Set<String>> guessesByPart = new HashMap<>();

    /** Adds a person, in order (an export writes them in this order). */
    void add(Person p) {
        all.add(p);
        if (p.anchor) {
            if (p.given != null) {
                anchorsByGiven.computeIfAbsent(p.given, k -> new ArrayList<>(1)).add(p);
            }
            if (p.family != null) {
                anchorsByFamily.computeIfAbsent(p.family, k -> new ArrayList<>(1)).add(p);
            }
        }
    }

    int size() {
        return all.size();
    }

    @Override
    public Iterator<Person> iterator() {
        return Collections.unmodifiableList(all).iterator();
    }

    /**
     * The person a name refers to: the one full name it can only mean ({@link Person#refersTo}), or a
     * new person added here. A short form that fits two full names is not guessed.
     */
    Person resolve(PersonName name, String core, String key) {
        Person match = null;
        int matches = 0;
        if (name.single()) {
            // Every anchor with this given name fits; of those with this family name, the ones not counted yet.
            for (Person p : anchorsByGiven.getOrDefault(name.given(), List.of())) {
                match = p;
                matches++;
            }
            for (Person p : anchorsByFamily.getOrDefault(name.family(), List.of())) {
                if (!name.given().equals(p.given)) {
                    match = p;
                    matches++;
                }
            }
        } else if (name.family() != null) {
            for (Person p : anchorsByFamily.getOrDefault(name.family(), List.of())) {
                if (Person.refersTo(name, p)) {
                    match = p;
                    matches++;
                }
            }
        }
        if (matches == 1) {
            return match;
        }
        Person p = new Person();
        p.display = core;
        p.key = key;
        p.given = name.given();
        p.initial = name.initial();
        p.family = name.family();
        p.anchor = name.full();
        add(p);
        return p;
    }

    /** Links the short form with this key to the person it was guessed to be. */
    void guess(String key, PersonName name) {
        PersonName before = guesses.put(key, name);
        if (before != null) {
            unindex(key, before); // the same key written in another case: its parts as now written
        }
        for (String part : parts(name)) {
            guessesByPart.computeIfAbsent(part, k -> new LinkedHashSet<>()).add(key);
        }
    }

    private void unindex(String key, PersonName name) {
        for (String part : parts(name)) {
            Set<String> keys = guessesByPart.get(part);
            keys.remove(key);
            if (keys.isEmpty()) {
                guessesByPart.remove(part);
            }
        }
    }

    /**
     * Forgets every guess that {@code anchor}, a new full name, also fits: it is ambiguous now, and
     * {@code forget} receives its key.
     */
    void forgetGuessesFitting(Person anchor, Consumer<String> forget) {
        Set<String> ambiguous = new LinkedHashSet<>();
        for (String part : new String[] {anchor.given == null ? null : "G" + anchor.given,
            anchor.family == null ? null : "F" + anchor.family}) {
            for (String key : part == null ? Set.<String>of() : guessesByPart.getOrDefault(part, Set.of())) {
                if (Person.refersTo(guesses.get(key), anchor)) {
                    ambiguous.add(key);
                }
            }
        }
        for (String key : ambiguous) {
            unindex(key, guesses.remove(key));
            forget.accept(key);
        }
    }

    /**
     * The parts under which a guess is found: a new full name fits a one-word form by its given or its
     * family name, and any other form only by its family name ({@link Person#refersTo}).
     */
    private static List<String> parts(PersonName name) {
        List<String> parts = new ArrayList<>(2);
        if (name.single() && name.given() != null) {
            parts.add("G" + name.given());
        }
        if (name.family() != null) {
            parts.add("F" + name.family());
        }
        return parts;
    }

    @Override
    public String toString() {
        return "Persons[" + all.size() + ", guesses=" + guesses.size() + "]";
    }
}
