package dev.veil.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * The inputs every benchmark runs over, generated in code from fixed seeds so no data files are needed
 * and every run sees the same text. Used as a JMH {@code @Param}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Corpus {

    /** About 200 chars: one short question with an e-mail address and a phone number. */
    SHORT(1) {
        @Override
        String build(Fakes f) {
            return fill(f, "Kun je {first} laten weten ({email}) dat de afspraak van {date} om {time} een week "
                    + "later is? Ze mag me bellen op {phone}, ik ben er de hele dag. Dank je, en fijn weekend alvast!");
        }
    },

    /** About 2 KB of ordinary chat text with dates, amounts and order numbers but no personal data. */
    NO_PII(2) {
        @Override
        String build(Fakes f) {
            return prompt(f, 2048, 0.0, Sentences.NL_PLAIN, Sentences.NL_PII, Sentences.EN_PLAIN);
        }
    },

    /** A Dutch prompt of about 2 KB with a realistic mix of personal and special-category data. */
    CHAT_NL(3) {
        @Override
        String build(Fakes f) {
            return prompt(f, 2048, 0.4, Sentences.NL_PLAIN, Sentences.NL_PII);
        }
    },

    /** An English prompt of about 2 KB with a realistic mix of personal and special-category data. */
    CHAT_EN(4) {
        @Override
        String build(Fakes f) {
            return prompt(f, 2048, 0.4, Sentences.EN_PLAIN, Sentences.EN_PII);
        }
    },

    /** About 4 KB of forms and a CRM export: personal data on almost every line. */
    DENSE_PII(5) {
        @Override
        String build(Fakes f) {
            StringBuilder sb = new StringBuilder("Hieronder de export uit het CRM, kun je dubbele klanten samenvoegen?\n\n");
            sb.append("klantnr;naam;email;telefoon;iban;bsn;opmerking\n");
            for (int i = 0; i < 18; i++) {
                sb.append(f.digits(6)).append(';').append(f.fullName()).append(';').append(f.email()).append(';')
                        .append(f.phone()).append(';').append(f.iban()).append(';').append(f.bsn()).append(';')
                        .append(i % 4 == 0 ? "klant belt vaak, is slechthorend" : "").append('\n');
            }
            sb.append('\n');
            for (int i = 0; i < 5; i++) {
                sb.append("Naam: ").append(f.fullName()).append('\n')
                        .append("E-mail: ").append(f.email()).append('\n')
                        .append("Telefoon: ").append(f.phone()).append('\n')
                        .append("Rijksregisternummer: ").append(f.belgianNationalNumber()).append('\n')
                        .append("Kaart: ").append(f.card()).append('\n')
                        .append("Laatste login vanaf: ").append(f.ipv4()).append('\n')
                        .append("Opmerking: ").append(fill(f, f.pick(Sentences.NL_PII))).append("\n\n");
            }
            return sb.toString();
        }
    },

    /** A 64 KB document (report with minutes and correspondence): long prose, personal data here and there. */
    LONG_DOC(6) {
        @Override
        String build(Fakes f) {
            StringBuilder sb = new StringBuilder(70_000);
            while (sb.length() < 64 * 1024) {
                String paragraph = prompt(f, 400 + f.nextInt(600), 0.12,
                        f.nextInt(3) == 0 ? Sentences.EN_PLAIN : Sentences.NL_PLAIN,
                        f.nextInt(3) == 0 ? Sentences.EN_PII : Sentences.NL_PII);
                sb.append(paragraph).append("\n\n");
            }
            return sb.substring(0, 64 * 1024);
        }
    },

    /** The full history at turn 20 of {@link #conversationTurns()}, as a chat client re-sends it. */
    CONVERSATION(7) {
        @Override
        String build(Fakes f) {
            return Conversation.historyAt(Conversation.TURNS, conversationTurns());
        }
    };

    private final String text;

    Corpus(long seed) {
        this.text = build(new Fakes(seed));
    }

    abstract String build(Fakes f);

    /** The text of this corpus; the same in every run. */
    public String text() {
        return text;
    }

    /** The messages of a 20-turn chat, user and assistant alternating, 40 in all. */
    public static List<String> conversationTurns() {
        return Conversation.MESSAGES;
    }

    static String prompt(Fakes f, int length, double piiShare, List<String> plain, List<String> pii) {
        return prompt(f, length, piiShare, plain, pii, plain);
    }

    /** Sentences until {@code length} chars, a share of them with personal data, in paragraphs. */
    static String prompt(Fakes f, int length, double piiShare, List<String> plain, List<String> pii,
                         List<String> otherPlain) {
        StringBuilder sb = new StringBuilder(length + 200);
        int sentencesInParagraph = 0;
        while (sb.length() < length) {
            List<String> pool = f.nextInt(1000) < piiShare * 1000 ? pii : (f.nextInt(4) == 0 ? otherPlain : plain);
            String sentence = fill(f, f.pick(pool));
            if (sb.length() > 0) {
                sb.append(++sentencesInParagraph % 4 == 0 ? "\n\n" : " ");
            }
            sb.append(sentence);
        }
        return sb.toString();
    }

    static String fill(Fakes f, String template) {
        Map<String, Function<Fakes, String>> slots = Map.of(
                "name", Fakes::fullName, "first", Fakes::firstName, "email", Fakes::email,
                "phone", Fakes::phone, "iban", Fakes::iban, "bsn", Fakes::bsn, "card", Fakes::card,
                "ip", Fakes::ipv4, "ip6", Fakes::ipv6, "rrn", Fakes::belgianNationalNumber);
        Matcher m = Sentences.SLOT.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String slot = m.group(1);
            Function<Fakes, String> fake = slots.get(slot);
            String value = fake != null ? fake.apply(f) : f.distractor(slot);
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A chat in which every turn re-sends the whole history, as chat clients do. */
    static final class Conversation {
        static final int TURNS = 20;
        static final List<String> MESSAGES = build();

        private Conversation() {
        }

        /**
         * {@code message} with {@code counter} in every paragraph, so that no segment of it was seen before:
         * the detection cache keys paragraphs by content, and a message that differs only at its end would
         * still hit on its first paragraphs.
         */
        static String unique(String message, long counter) {
            String mark = " (" + counter + ")";
            return message.replace("\n\n", mark + "\n\n") + mark;
        }

        /**
         * What a client sends at {@code turn} (1-based) of {@link #conversationTurns()}, cut where a
         * benchmark makes the newest parts new text: the history before the last reply (with the blank
         * line after it; empty at turn 1), that reply (null at turn 1), and the new question.
         */
        record Turn(String earlier, String lastReply, String newest) {

            static Turn at(int turn) {
                List<String> messages = conversationTurns();
                return new Turn(turn == 1 ? "" : historyAt(turn - 1, messages) + "\n\n",
                        turn == 1 ? null : messages.get(2 * turn - 3), messages.get(2 * turn - 2));
            }

            /** The history of the turn before, as the engine scanned it when that turn was sent; null at turn 1. */
            String previousHistory() {
                return earlier.isEmpty() ? null : earlier.substring(0, earlier.length() - 2);
            }
        }

        /** The history a client sends at {@code turn} (1-based): every earlier message plus the new question. */
        static String historyAt(int turn, List<String> messages) {
            return String.join("\n\n", messages.subList(0, 2 * turn - 1));
        }

        private static List<String> build() {
            Fakes f = new Fakes(8);
            List<String> messages = new ArrayList<>();
            for (int turn = 1; turn <= TURNS; turn++) {
                messages.add("user: " + prompt(f, 200 + f.nextInt(300), 0.4, Sentences.NL_PLAIN, Sentences.NL_PII));
                messages.add("assistant: " + prompt(f, 400 + f.nextInt(400), 0.05, Sentences.NL_PLAIN, Sentences.NL_PII));
            }
            return Collections.unmodifiableList(messages);
        }
    }
}
