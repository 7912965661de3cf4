package dev.veil.session;

import dev.veil.EntityType;
import dev.veil.detect.DetectedText;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Makes realistic fake values of the same kind as a real one. Each fake keeps the real value's
 * shape (separators, length, country) so a model treats it like the real thing:
 *
 * <ul>
 *   <li>e-mail: a made-up person at a reserved domain ({@code example.org/.com/.net}, RFC 2606);
 *   <li>IBAN: same country, length and grouping, valid check digits, and a bank code that starts
 *       with {@code X}, which no bank uses, so it cannot route;
 *   <li>phone: same country prefix, length and grouping, other subscriber digits;
 *   <li>IP address: an address from the documentation ranges (RFC 5737, RFC 3849);
 *   <li>BSN: a number that passes the 11-test; card number: same length and first digit, valid Luhn;
 *   <li>names: drawn from short built-in lists of common Dutch or English names (see
 *       {@link Vault}), a Dutch one when the real name looks Dutch;
 *   <li>other identifiers (values with a digit, e.g. an employee number): each letter and digit
 *       replaced by a random one of the same kind.
 * </ul>
 * Words without digits of other types (a diagnosis, a religion) have no believable fake: they get a
 * token instead ({@link #canFake}).
 * The caller checks that a fake differs from every real value it must not meet. Stateless.
 */
final class Surrogates {

    // No name below is also an ordinary Dutch or English word ("Grace", "Roos", "Bos", "Baker"), by
    // the person detector's word lists (SurrogateTest checks): a reply using that word ("Grace periods
    // are 30 days") would be restored to the real name. Particles stay in lower case.
    static final String[] DUTCH_GIVEN = {
        "Daan", "Lucas", "Thijs", "Ruben", "Joris", "Pieter", "Niels", "Jeroen", "Stijn", "Gijs",
        "Luuk", "Sjoerd", "Wessel", "Floris", "Jelle", "Emma", "Sanne", "Lotte", "Femke", "Anouk",
        "Marieke", "Eline", "Lieke", "Esther", "Ilse", "Janneke", "Mirjam", "Marloes", "Judith", "Fenna"};
    static final String[] DUTCH_FAMILY = {
        "Meijer", "Hendriks", "Dijkstra", "Jacobs", "Vermeulen", "Willems", "Hoekstra", "Postma",
        "Timmermans", "Verbeek", "Bosman", "Hermans", "Veenstra", "Scholten", "Verhoeven", "Smits",
        "Hofman", "Boersma", "van Oosterhout", "van der Meulen", "van Gils", "van Rooij", "van der Heijden",
        "van Veldhuizen", "van Wijngaarden", "van Schaik", "van Beusekom", "van Rossum", "ter Steege",
        "van Berkel"};
    static final String[] ENGLISH_GIVEN = {
        "Oliver", "George", "Daniel", "Samuel", "Edward", "James", "William", "Isaac", "Ethan", "Nathan",
        "Alice", "Emily", "Hannah", "Laura", "Sophie", "Chloe", "Lucy", "Megan", "Olivia", "Eleanor"};
    static final String[] ENGLISH_FAMILY = {
        "Hughes", "Edwards", "Collins", "Morgan", "Bennett", "Harris", "Clarke", "Mitchell", "Hayes",
        "Ellis", "Thompson", "Robinson", "Johnson", "Davies", "Evans", "Wilson", "Richardson", "Atkinson",
        "Nicholson", "Henderson"};
    private static final String[] DOMAINS = {"example.org", "example.com", "example.net"};

    private Surrogates() {
    }

    /** Whether a believable fake exists for this value: a known kind, or an identifier with digits. */
    static boolean canFake(EntityType type, String real) {
        switch (type.name()) {
            case "EMAIL", "IBAN", "PHONE", "IP_ADDRESS", "NL_BSN", "CREDIT_CARD", "BE_NATIONAL_NUMBER", "PERSON":
                return true;
            default:
                for (int i = 0; i < real.length(); i++) {
                    if (Character.isDigit(real.charAt(i))) {
                        return true;
                    }
                }
                return false;
        }
    }

    /** A fake value of {@code type} shaped like {@code real}; names are made by {@link Vault}. */
    static String fake(EntityType type, String value, RandomGenerator random) {
        // Shaped like the value as detected: fullwidth digits ("０６１２…") would otherwise pass through
        // the ASCII-only rewriting unchanged, and invisible chars would count as part of the shape.
        String real = DetectedText.folded(value);
        return switch (type.name()) {
            case "EMAIL" -> email(random);
            case "IBAN" -> iban(real, random);
            case "PHONE" -> phone(real, random);
            case "IP_ADDRESS" -> ip(real, random);
            case "NL_BSN" -> bsn(real, random);
            case "CREDIT_CARD" -> card(real, random);
            default -> sameShape(real, 0, random);
        };
    }

    static String email(RandomGenerator random) {
        String given = pick(random.nextBoolean() ? DUTCH_GIVEN : ENGLISH_GIVEN, random).toLowerCase(Locale.ROOT);
        String family = pick(random.nextBoolean() ? DUTCH_FAMILY : ENGLISH_FAMILY, random)
                .replace(" ", "").toLowerCase(Locale.ROOT);
        // Four shapes people use, so a session runs out of distinct fakes only well past its 10,000
        // values (one shape gave 7,500 addresses, and a session failed closed near 7,000 of them).
        String local = switch (random.nextInt(4)) {
            case 0 -> given + "." + family;
            case 1 -> given.charAt(0) + "." + family;
            case 2 -> given + family;
            default -> family + "." + given;
        };
        return local + "@" + pick(DOMAINS, random);
    }

    static String pick(String[] list, RandomGenerator random) {
        return list[random.nextInt(list.length)];
    }

    /** Same country, length and spacing; bank code starts with X; valid ISO 7064 check digits. */
    static String iban(String real, RandomGenerator random) {
        char[] c = real.toCharArray();
        int alnum = 0;
        boolean firstBankLetter = true;
        int[] checkPos = new int[2];
        for (int i = 0; i < c.length; i++) {
            if (!Character.isLetterOrDigit(c[i])) {
                continue;
            }
            if (alnum == 2 || alnum == 3) {
                checkPos[alnum - 2] = i;
            } else if (alnum >= 4) {
                if (Character.isLetter(c[i])) {
                    c[i] = firstBankLetter ? 'X' : (char) ('A' + random.nextInt(26));
                    firstBankLetter = false;
                } else {
                    c[i] = (char) ('0' + random.nextInt(10));
                }
            }
            c[i] = Character.toUpperCase(c[i]);
            alnum++;
        }
        if (alnum < 5) {
            return sameShape(real, 0, random);
        }
        StringBuilder compact = new StringBuilder();
        for (char ch : c) {
            if (Character.isLetterOrDigit(ch)) {
                compact.append(ch);
            }
        }
        String rearranged = compact.substring(4) + compact.substring(0, 2) + "00";
        int mod = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char ch = rearranged.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
        }
        int check = 98 - mod;
        c[checkPos[0]] = (char) ('0' + check / 10);
        c[checkPos[1]] = (char) ('0' + check % 10);
        return new String(c);
    }

    /** Keeps a leading + and the first digits (country and area or mobile prefix), changes the rest. */
    static String phone(String real, RandomGenerator random) {
        int digits = 0;
        for (int i = 0; i < real.length(); i++) {
            if (Character.isDigit(real.charAt(i))) {
                digits++;
            }
        }
        int keep = Math.max(2, digits - 7);
        return sameShape(real, keep, random);
    }

    static String ip(String real, RandomGenerator random) {
        if (real.indexOf(':') >= 0) {
            return "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
        }
        String[] nets = {"192.0.2.", "198.51.100.", "203.0.113."};
        return pick(nets, random) + (1 + random.nextInt(254));
    }

    static String bsn(String real, RandomGenerator random) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String candidate = sameShape(real, 0, random);
            int[] d = candidate.chars().filter(Character::isDigit).map(ch -> ch - '0').toArray();
            if (d.length != 9 || d[0] == 0) {
                continue;
            }
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * d[i];
            }
            sum -= d[8];
            if (sum % 11 == 0) {
                return candidate;
            }
        }
        return sameShape(real, 0, random);
    }

    static String card(String real, RandomGenerator random) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String candidate = sameShape(real, 1, random);
            int sum = 0;
            boolean dbl = false;
            for (int i = candidate.length() - 1; i >= 0; i--) {
                char ch = candidate.charAt(i);
                if (!Character.isDigit(ch)) {
                    continue;
                }
                int v = ch - '0';
                if (dbl) {
                    v = v * 2 > 9 ? v * 2 - 9 : v * 2;
                }
                sum += v;
                dbl = !dbl;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        return sameShape(real, 1, random);
    }

    /** Replaces each digit and letter after the first {@code keepDigits} digits with a random one. */
    static String sameShape(String real, int keepDigits, RandomGenerator random) {
        StringBuilder b = new StringBuilder(real.length());
        int digitsSeen = 0;
        for (int i = 0; i < real.length(); i++) {
            char ch = real.charAt(i);
            if (ch >= '0' && ch <= '9') {
                b.append(digitsSeen++ < keepDigits ? ch : (char) ('0' + random.nextInt(10)));
            } else if (ch >= 'a' && ch <= 'z') {
                b.append((char) ('a' + random.nextInt(26)));
            } else if (ch >= 'A' && ch <= 'Z') {
                b.append((char) ('A' + random.nextInt(26)));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
