package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.veil.Action;
import dev.veil.Policy;
import dev.veil.ProtectedText;
import dev.veil.Veil;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For random texts with random e-mail addresses, IBANs and phone numbers inserted (values the built-in
 * detectors find), per session: {@code restore(protect(x)) == x}, and a stream restorer fed the
 * protected text in random chunks gives the same.
 */
class RoundTripPropertyTest {

    private static final String[] FILLER = {
        "Hoi, ", "kun je ", "dit mailen naar ", "en bel ", "Dear team, ", "please wire it to ", " thanks. ",
        "rekening ", "ß", "é", "😀", "\n", "  ", "[EMAIL_1] ", "PHONE 2 ", "Person 1 ", "<iban-1> ", "**", "_",
        "[", "]", "(", ")", "IBAN_3 ", "de heer ", "meneer ", "\\_", "&lt;", ", ", ". ", "EMAIL ", "phone_",
        "日本語 ", "Ωμέγα ", "\t"};
    private static final String[] LOCALS = {"jan", "piet.de.vries", "a.smit", "info", "k.jansen+work", "x_y"};
    private static final String[] DOMAINS = {"voorbeeld.nl", "bedrijf.be", "mail.example.co.uk", "uva.nl"};

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PSEUDONYMIZE", "SURROGATE"})
    void restoreOfProtectIsTheOriginalForEveryChunking(String actionName) {
        Action action = actionName.equals("PSEUDONYMIZE") ? Action.PSEUDONYMIZE : Action.SURROGATE;
        Policy.Builder policy = Policy.balanced().toBuilder().defaultAction(action);
        if (action == Action.PSEUDONYMIZE) {
            // A short form of a person seen before ("Ωμέγα" after "Ωμέγα Ωμέγα") shares the full name's
            // token, which restores to the full name as first written (README, PersonVariantsTest): not
            // the exact text. Surrogates restore each written form exactly, so they keep names in.
            policy.action(dev.veil.EntityType.PERSON, Action.KEEP);
        }
        Veil veil = Veil.builder().policy(policy.build()).build();
        Random random = new Random(actionName.hashCode());
        for (int session = 0; session < 30; session++) {
            Session s = veil.session("prop-" + session);
            List<String> values = new ArrayList<>();
            for (int turn = 0; turn < 10; turn++) {
                String text = randomText(random, values);
                ProtectedText p = s.protect(text);
                assertEquals(text, s.restore(p.text()), "session " + session + " turn " + turn + " PROTECTED=" + p.text() + " FINDINGS=" + p.findings());
                assertEquals(text, streamed(s, p.text(), random));
            }
        }
    }

    /** Ways users write brackets and Markdown right against a value; {@code V} stands for the value. */
    private static final String[] WRAPPERS = {
        "[V]", "[V](mailto:V)", "(V)", "<V>", "{{V}}", "[[V]]", "[[[V]]]", "\\[V\\]", "\\V", "C:\\V\\",
        "**V**", "_V_", "`V`", "&lt;V&gt;", "«V»", "⟦V⟧", "[V)", "(V]", "[ V ]", "<<V>>", "((V))", "[V]]", "[[V",
        "\\[\\[V\\]\\]", "[V][V]", "V]", "[V"};

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PSEUDONYMIZE", "SURROGATE"})
    void restoreOfProtectKeepsTheUsersOwnBracketsAndMarkdownAroundValues(String actionName) {
        Action action = actionName.equals("PSEUDONYMIZE") ? Action.PSEUDONYMIZE : Action.SURROGATE;
        Veil veil = Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(action)
                .action(dev.veil.EntityType.PERSON, Action.KEEP).build()).build();
        Random random = new Random(7 + actionName.hashCode());
        for (int session = 0; session < 20; session++) {
            Session s = veil.session("brackets-" + session);
            for (int turn = 0; turn < 10; turn++) {
                StringBuilder b = new StringBuilder();
                for (int part = 1 + random.nextInt(6); part > 0; part--) {
                    String v = randomValue(random);
                    b.append(FILLER[random.nextInt(FILLER.length)])
                            .append(WRAPPERS[random.nextInt(WRAPPERS.length)].replace("V", v));
                }
                String text = b.toString();
                ProtectedText p = s.protect(text);
                assertEquals(text, s.restore(p.text()), "session " + session + " turn " + turn + " PROTECTED=" + p.text());
                assertEquals(text, streamed(s, p.text(), random));
            }
        }
    }

    private static String randomText(Random random, List<String> values) {
        StringBuilder b = new StringBuilder();
        int parts = 3 + random.nextInt(20);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(4) == 0) {
                String v = !values.isEmpty() && random.nextInt(3) == 0 ? values.get(random.nextInt(values.size()))
                        : randomValue(random);
                values.add(v);
                b.append(' ').append(v).append(' ');
            } else {
                b.append(FILLER[random.nextInt(FILLER.length)]);
            }
        }
        return b.toString();
    }

    private static String randomValue(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> LOCALS[random.nextInt(LOCALS.length)] + random.nextInt(100) + "@"
                    + DOMAINS[random.nextInt(DOMAINS.length)];
            case 1 -> iban(random);
            default -> random.nextBoolean() ? "06-" + (10_000_000 + random.nextInt(89_999_999))
                    : "+31 6 " + (10_000_000 + random.nextInt(89_999_999));
        };
    }

    /** A valid Dutch IBAN, written in groups of four. */
    private static String iban(Random random) {
        String bank = new String[] {"ABNA", "INGB", "RABO", "TRIO"}[random.nextInt(4)];
        StringBuilder account = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            account.append(random.nextInt(10));
        }
        String bban = bank + account;
        StringBuilder digits = new StringBuilder();
        for (char c : (bban + "NL00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
        String compact = "NL" + (check < 10 ? "0" : "") + check + bban;
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append(' ');
            }
            grouped.append(compact.charAt(i));
        }
        return grouped.toString();
    }

    private static String streamed(Session s, String reply, Random random) {
        StreamRestorer r = s.streamRestorer();
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < reply.length()) {
            int len = 1 + random.nextInt(Math.min(9, reply.length() - at));
            out.append(r.accept(reply.substring(at, at + len)));
            at += len;
        }
        return out.append(r.finish()).toString();
    }
}
