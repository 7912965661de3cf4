package dev.veil.benchmarks;

import java.util.List;
import java.util.Random;

/**
 * Seeded generator of fake personal data in the forms people actually type: valid checksums where the
 * real thing has one (IBAN mod 97, BSN elfproef, card Luhn, Belgian national number mod 97), so the
 * validating detectors do their full work, and Dutch and Belgian phone numbers in several spellings.
 *
 * <p>Not thread-safe; each corpus builds its own instance from a fixed seed, so every run sees the
 * same text.
 */
final class Fakes {

    private static final List<String> FIRST = List.of(
            "Jan", "Sanne", "Pieter", "Fatima", "Daan", "Emma", "Mohammed", "Lotte", "Bram", "Noor",
            "Sophie", "Thomas", "Anouk", "Kevin", "Ingrid", "Wouter", "Yasmina", "Joost", "Marieke", "Lucas");
    private static final List<String> LAST = List.of(
            "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "El Amrani", "Smit", "de Boer",
            "Mulder", "Peeters", "Claes", "Van Damme", "Maes", "Willems", "Yilmaz", "van Dijk", "Hendriks");
    private static final List<String> DOMAINS = List.of(
            "gmail.com", "hotmail.nl", "outlook.com", "ziggo.nl", "telenet.be", "kpnmail.nl", "acme-logistics.nl");
    private static final List<String> NL_BANKS = List.of("ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB", "KNAB");
    private static final List<String> NL_AREAS = List.of("020", "010", "030", "070", "040", "050", "0475", "0341");

    private final Random random;

    Fakes(long seed) {
        this.random = new Random(seed);
    }

    String firstName() {
        return pick(FIRST);
    }

    String fullName() {
        return firstName() + " " + pick(LAST);
    }

    String email() {
        String first = firstName().toLowerCase(java.util.Locale.ROOT);
        String last = pick(LAST).toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        return switch (random.nextInt(3)) {
            case 0 -> first + "." + last + "@" + pick(DOMAINS);
            case 1 -> first.charAt(0) + last + digits(2) + "@" + pick(DOMAINS);
            default -> first + "_" + last + "@" + pick(DOMAINS);
        };
    }

    /** A Dutch or Belgian number in one of the spellings found in mails and chats. */
    String phone() {
        // Ranges that are actually issued, so that validating detectors accept them.
        String mobile = "6" + (1 + random.nextInt(5)) + digits(7);
        return switch (random.nextInt(9)) {
            case 0 -> "06-" + mobile.substring(1);
            case 1 -> "06 " + mobile.substring(1, 5) + " " + mobile.substring(5);
            case 2 -> "+31 6 " + mobile.substring(1);
            case 3 -> "0031 6 " + mobile.substring(1, 3) + " " + mobile.substring(3, 5) + " " + mobile.substring(5, 7)
                    + " " + mobile.substring(7);
            case 4 -> "+31 (0)" + mobile;
            case 5 -> {
                String area = pick(NL_AREAS);
                yield area + "-" + (2 + random.nextInt(8)) + digits(9 - area.length());
            }
            case 6 -> "+32 47" + random.nextInt(10) + " " + digits(2) + " " + digits(2) + " " + digits(2);
            case 7 -> "047" + random.nextInt(10) + "/" + digits(2) + "." + digits(2) + "." + digits(2);
            default -> "02 " + (2 + random.nextInt(8)) + digits(2) + " " + digits(2) + " " + digits(2);
        };
    }

    /** A Dutch or Belgian IBAN with valid check digits, printed compact or in groups of four. */
    String iban() {
        String iban = random.nextInt(3) == 0
                ? withIbanCheck("BE", belgianBban())
                : withIbanCheck("NL", pick(NL_BANKS) + digits(10));
        return random.nextBoolean() ? iban : grouped(iban);
    }

    /** A BSN passing the elfproef, compact or with dots or spaces. */
    String bsn() {
        while (true) {
            int[] d = new int[9];
            d[0] = 1 + random.nextInt(9);
            int sum = d[0] * 9;
            for (int i = 1; i < 8; i++) {
                d[i] = random.nextInt(10);
                sum += d[i] * (9 - i);
            }
            int last = sum % 11;
            if (last > 9) {
                continue;
            }
            d[8] = last;
            StringBuilder sb = new StringBuilder();
            for (int x : d) {
                sb.append(x);
            }
            String s = sb.toString();
            return switch (random.nextInt(3)) {
                case 0 -> s;
                case 1 -> s.substring(0, 4) + "." + s.substring(4, 6) + "." + s.substring(6);
                default -> s.substring(0, 3) + " " + s.substring(3, 6) + " " + s.substring(6);
            };
        }
    }

    /** A Visa or Mastercard number passing Luhn, in groups of four or compact. */
    String card() {
        String prefix = random.nextBoolean() ? "4" : "5" + (1 + random.nextInt(5));
        String body = prefix + digits(15 - prefix.length());
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        String number = body + (10 - sum % 10) % 10;
        return random.nextInt(4) == 0 ? number : grouped(number);
    }

    /** A Belgian national number YY.MM.DD-SSS.CC with a valid mod-97 check. */
    String belgianNationalNumber() {
        int year = random.nextInt(100);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        int seq = 1 + random.nextInt(997);
        String base = String.format(java.util.Locale.ROOT, "%02d%02d%02d%03d", year, month, day, seq);
        long n = Long.parseLong(base);
        if (year < 20) {
            n += 2_000_000_000L;
        }
        long check = 97 - n % 97;
        return String.format(java.util.Locale.ROOT, "%s.%s.%s-%s.%02d",
                base.substring(0, 2), base.substring(2, 4), base.substring(4, 6), base.substring(6), check);
    }

    String ipv4() {
        return switch (random.nextInt(3)) {
            case 0 -> "192.168." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            case 1 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            default -> (20 + random.nextInt(180)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254));
        };
    }

    String ipv6() {
        return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + "::" + Integer.toHexString(1 + random.nextInt(0xffff));
    }

    /** Numbers that are not personal data but look like them to a naive pattern. */
    String distractor(String kind) {
        return switch (kind) {
            case "date" -> random.nextBoolean()
                    ? (1 + random.nextInt(28)) + "-" + (1 + random.nextInt(12)) + "-20" + (10 + random.nextInt(16))
                    : "20" + (10 + random.nextInt(16)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
            case "amount" -> "€ " + (100 + random.nextInt(90000)) + "," + digits(2);
            case "time" -> (8 + random.nextInt(10)) + ":" + random.nextInt(6) + random.nextInt(10);
            default -> switch (random.nextInt(4)) {
                case 0 -> "order " + digits(10);
                case 1 -> "versie " + random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(10);
                case 2 -> "factuur 2025-" + digits(6);
                default -> "ticket #" + digits(7);
            };
        };
    }

    String digits(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(c);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String belgianBban() {
        long account = 1_000_000_000L * (1 + random.nextInt(999)) / 1000 * 10 + random.nextInt(10_000_000);
        String ten = String.format(java.util.Locale.ROOT, "%010d", account % 10_000_000_000L);
        long check = Long.parseLong(ten) % 97;
        if (check == 0) {
            check = 97;
        }
        return ten + String.format(java.util.Locale.ROOT, "%02d", check);
    }

    private static String withIbanCheck(String country, String bban) {
        String rearranged = bban + country + "00";
        int mod = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            mod = v < 10 ? (mod * 10 + v) % 97 : (mod * 100 + v) % 97;
        }
        return String.format(java.util.Locale.ROOT, "%s%02d%s", country, 98 - mod, bban);
    }

    private static String grouped(String compact) {
        StringBuilder sb = new StringBuilder(compact.length() + compact.length() / 4);
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append(' ');
            }
            sb.append(compact.charAt(i));
        }
        return sb.toString();
    }
}
