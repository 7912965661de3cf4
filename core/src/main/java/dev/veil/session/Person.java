package dev.veil.session;

/**
 * One person in a session: the full name that anchors short forms ("J. de Vries", "De Vries", "Jan"),
 * its token and its fake name parts, plus the rules that decide which written forms refer to it and
 * how a fake is rendered in the shape of each form.
 *
 * <p>Mutable; guarded by the owning {@link Vault}'s lock. {@link #toString()} prints no name.
 */
final class Person {

    String token;
    String display;
    String key;
    String given;
    char initial;
    String family;
    boolean anchor;
    String fakeGiven;
    String fakeFamily;

    /** Whether the written name {@code n} fits person {@code p}'s full name. */
    static boolean refersTo(PersonName n, Person p) {
        if (n.single()) {
            return n.given().equals(p.given) || n.family().equals(p.family);
        }
        if (n.family() == null || !n.family().equals(p.family)) {
            return false;
        }
        if (n.initial() == 0) {
            return true;
        }
        if (n.given() != null) {
            return n.given().equals(p.given);
        }
        return n.initial() == p.initial;
    }

    /** The fake in the same shape as the written form: full, initials, family only or one word. */
    String render(PersonName n) {
        if (n.single()) {
            boolean byFamily = given == null ? family != null && family.equals(n.family())
                    : !given.equals(n.given()) && family != null && family.equals(n.family());
            return byFamily ? capitalise(fakeFamily) : fakeGiven;
        }
        if (n.initial() == 0) {
            return capitalise(fakeFamily);
        }
        if (n.given() == null) {
            return fakeGiven.charAt(0) + ". " + fakeFamily;
        }
        return fakeGiven + " " + fakeFamily;
    }

    /** Whether the name looks Dutch, so its fake is drawn from Dutch names: prefixes, spellings. */
    boolean looksDutch() {
        String f = family == null ? "" : family;
        if (f.indexOf(' ') > 0) {
            return true;
        }
        for (String marker : new String[] {"ij", "oe", "aa", "ui", "sch", "kk", "stra", "sen", "ink"}) {
            if (f.contains(marker) || (given != null && given.contains(marker))) {
                return true;
            }
        }
        for (String g : Surrogates.DUTCH_GIVEN) {
            if (g.equalsIgnoreCase(given == null ? "" : given)) {
                return true;
            }
        }
        return given != null && given.length() <= 4 && given.endsWith("n");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public String toString() {
        return "Person[anchor=" + anchor + "]";
    }
}
