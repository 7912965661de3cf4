package dev.veil.benchmarks;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Sentence templates the corpora are made of. Slots in braces are filled by {@link Fakes}:
 * {@code {date}}, {@code {amount}}, {@code {time}} and {@code {ref}} are numbers that are not personal data
 * but fool a naive pattern.
 */
final class Sentences {

    static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    static final List<String> NL_PLAIN = List.of(
            "Kun je dit herschrijven in een vriendelijke maar duidelijke toon, niet te formeel?",
            "We hebben het contract op {date} verlengd, maar de voorwaarden zijn niet veranderd.",
            "Voeg ook een korte samenvatting in drie punten toe, dan kan het team het snel lezen.",
            "Het project loopt achter omdat de leverancier de onderdelen pas in week 12 kan leveren.",
            "Gebruik geen vakjargon; de lezer is geen jurist en heeft weinig tijd.",
            "De offerte kwam uit op {amount} exclusief btw, dat is meer dan we hadden begroot.",
            "Zet de belangrijkste afspraken bovenaan en de details in een bijlage.",
            "In de bijlage staat {ref}, dat is de versie die we vorige week hebben besproken.",
            "Graag een antwoord voor vrijdag, want dan vergadert de stuurgroep.",
            "De vergadering begint om {time} in zaal 3 op de tweede verdieping.",
            "Kun je controleren of de cijfers in de tabel optellen tot het totaal?",
            "Het magazijn in Tilburg is tijdens de feestdagen gesloten.",
            "We willen de nieuwsbrief in maart versturen naar alle bestaande klanten.",
            "Laat de aanhef weg en begin meteen met het voorstel.",
            "Vergelijk de twee opties op prijs, levertijd en onderhoud.");

    static final List<String> NL_PII = List.of(
            "Kun je een nette mail opstellen aan {name} ({email}) over de vertraagde levering van {ref}?",
            "Ze is het beste bereikbaar op {phone}, liefst na de lunch.",
            "Mijn collega {first} heeft een burn-out en is sinds maandag ziek thuis, dus ik neem haar klanten over.",
            "Het bedrag moet terug naar rekening {iban} ten name van {name}.",
            "Zijn BSN is {bsn}, dat staat ook op het formulier van de gemeente.",
            "De klant betaalde met creditcard {card}, maar de transactie is twee keer afgeschreven.",
            "Vanaf IP-adres {ip} kwamen gisteren vreemde inlogpogingen binnen.",
            "Rijksregisternummer van de aanvrager: {rrn}.",
            "{name} is zwanger en vraagt of ze haar verlof kan verschuiven.",
            "Bel me terug op {phone} of mail naar {email}.",
            "{first} is lid van de FNV en wil weten wat de cao zegt over overuren.",
            "Meneer {name} heeft diabetes en mag daarom niet op de nachtploeg.",
            "Stuur de factuur naar {email} en zet {name} in de cc.",
            "Het rekeningnummer van {first} is {iban}, het oude nummer klopt niet meer.",
            "Mijn buurman {name} is vorig jaar veroordeeld voor diefstal, kan ik hem als vrijwilliger weigeren?");

    static final List<String> EN_PLAIN = List.of(
            "Can you rewrite this in a friendly but clear tone, not too formal?",
            "We renewed the contract on {date}, but the terms did not change.",
            "Please add a three-bullet summary at the top so the team can skim it.",
            "The project is late because the supplier cannot ship the parts before week 12.",
            "Avoid jargon; the reader is not a lawyer and has little time.",
            "The quote came to {amount} before VAT, which is more than we budgeted.",
            "Put the key agreements first and move the details to an appendix.",
            "The attachment is {ref}, the version we discussed last week.",
            "I need an answer by Friday because the steering committee meets then.",
            "The meeting starts at {time} in room 3 on the second floor.",
            "Could you check whether the numbers in the table add up to the total?",
            "Compare both options on price, lead time and maintenance.",
            "We plan to send the newsletter in March to all existing customers.");

    static final List<String> EN_PII = List.of(
            "Can you draft a polite email to {name} ({email}) about the delayed delivery of {ref}?",
            "She is easiest to reach on {phone}, preferably after lunch.",
            "My colleague {first} has burnout and has been off sick since Monday, so I am taking over her accounts.",
            "The refund should go to account {iban} in the name of {name}.",
            "His BSN is {bsn}, it is also on the form from the municipality.",
            "The customer paid with card {card}, but the charge went through twice.",
            "There were strange login attempts from IP address {ip} yesterday, and also from {ip6}.",
            "{name} is pregnant and asks whether she can move her leave.",
            "Call me back on {phone} or email {email}.",
            "{first} is a union member and wants to know what the agreement says about overtime.",
            "Mr {name} has diabetes and therefore cannot work night shifts.",
            "Send the invoice to {email} and copy {name}.",
            "My neighbour {name} was convicted of theft last year; can I refuse him as a volunteer?");

    private Sentences() {
    }
}
