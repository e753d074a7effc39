"""Generate realistic Dutch call transcripts for benchmarks (JSONL, one call per line).

    python benchmarks/make_transcripts.py --calls 10000 --seed 7 --out /tmp/calls.jsonl

Calls have varied openings, identification, questions, holds, closings and disfluencies; a share of
the turns has no punctuation or capitals (speech-to-text style). About 5% of agent turns carry an
anti-pattern; the rest is ordinary agent talk that also uses the trigger words acceptably.

Turns are drawn from fixed lists, so they repeat a lot across calls. With `--varied` every turn also gets one
to three fillers and, half the time, a repeated word, as speech-to-text output has: then few turns repeat.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from typing import IO

AGENTS = ["Kim", "Jaap", "Fatma", "Sanne", "Mohamed", "Eva", "Ruud", "Lotte", "Daan", "Noor"]
ORGS = ["Zonnestroom", "NetVast", "Polderpost", "Verzekerd Wonen", "FietsFix", "de gemeente Leiden", "BankNu"]
SURNAMES = ["Jansen", "de Vries", "Yilmaz", "Bakker", "Visser", "El Amrani", "de Groot", "Smit", "Mulder"]
TOPICS = [
    "uw factuur",
    "de levering",
    "uw contract",
    "de storing",
    "uw verhuizing",
    "de terugbetaling",
    "uw abonnement",
    "de afspraak",
    "uw pakket",
    "de meterstand",
]
OPENINGS = [
    "Goedemorgen, u spreekt met {agent} van {org}, waarmee kan ik u helpen?",
    "Goedemiddag, {org}, met {agent}. Wat kan ik voor u doen?",
    "goedemorgen u spreekt met {agent} van {org} waarmee kan ik u helpen",
    "Welkom bij {org}, u spreekt met {agent}. Waarmee kan ik u van dienst zijn?",
]
CUSTOMER_OPENINGS = [
    "Goedemorgen, u spreekt met {surname}. Ik bel over {topic}.",
    "ja hallo met {surname} eh ik bel over {topic}",
    "Hallo, ik heb een vraag over {topic}.",
    "ja goedemiddag ik bel even omdat er iets mis is met {topic}",
]
AGENT_ORDINARY = [
    "Dat zoek ik even voor u op.",
    "Mag ik uw postcode en huisnummer?",
    "Wat is uw klantnummer?",
    "Ik zie het hier staan, dat klopt.",
    "dat kan ik voor u regelen",
    "Ik stuur u vandaag nog een bevestiging per mail.",
    "Zal ik u de gegevens mailen?",
    "Ik zet het even voor u klaar, dat duurt ongeveer twee minuten.",
    "Wilt u even wachten of zal ik u over tien minuten terugbellen?",
    "De monteur komt donderdag tussen acht en twaalf.",
    "Dat is helemaal goed zo.",
    "ja dat begrijp ik",
    "Het pakket is gisteren aangekomen bij het depot.",
    "Ik heb het voor u genoteerd.",
    "eh even kijken ja ik zie uw gegevens",
    "Dat bedrag wordt volgende week teruggestort.",
    "Klopt het dat u op nummer twaalf woont?",
    "Hoe was het weekend?",
    "Wat was de oorzaak van de storing volgens u?",
    "Dat is helaas niet mogelijk, maar ik kan wel een nieuwe afspraak voor u maken.",
    "Nee hoor, u hoeft niets bij te betalen.",
    "ja of nee is genoeg",
    "Ik verbind u door met mijn collega van techniek.",
    "u hoeft verder niets te doen",
    "ik bel u morgen voor twaalf uur terug",
    "Dank u wel voor uw geduld.",
    "Ik heb de was van de gordijnen hier niet in beeld, maar uw pakket wel.",
    "Heeft u verder nog vragen?",
    "Dan wens ik u nog een fijne dag.",
    "Even samengevat: de monteur komt donderdag en u krijgt een mail.",
    "dat is goed dan noteer ik dat zo",
    "Uw nieuwe pas ligt binnen vijf werkdagen in de bus.",
    "Ik kijk even mee in uw dossier.",
    "ja ja dat klopt helemaal",
    "Fijn dat u even belt.",
]
AGENT_ANTI = [
    "Wat was uw naam ook alweer?",
    "Helaas kan dat niet.",
    "Ik hang u even op.",
    "Stuur maar een e-mail.",
    "momentje",
    "Nee, dat doen we niet.",
    "U moet eerst inloggen.",
    "Waarom heeft u niet eerder gebeld?",
    "Geen probleem.",
    "Dat is uw eigen schuld.",
    "U belt nu al voor de derde keer.",
    "Daar ga ik niet over.",
    "Ik begrijp dat u boos bent.",
    "Ik maak een ticket aan voor de backoffice.",
    "wat was je postcode",
    "De factuur is verstuurd.",
    "Zoals ik al zei, dat kan niet.",
    "blijft u even hangen",
]
CUSTOMER_TURNS = [
    "Ja, dat klopt.",
    "nee dat is niet goed",
    "Oké, dank u wel.",
    "ja",
    "Mijn naam is {surname}.",
    "Het is 1234 AB, nummer 12.",
    "eh ja eh dat weet ik niet precies",
    "Nou, dat vind ik wel vervelend.",
    "Wanneer komt de monteur dan?",
    "Ik heb al twee keer gebeld hierover.",
    "Helaas niet nee.",
    "Kunt u dat per mail sturen?",
    "ja goed dan wacht ik wel even",
]
CLOSINGS = [
    "Dank u wel voor uw telefoontje en nog een fijne dag.",
    "Graag gedaan, fijne dag nog.",
    "dank u wel en een fijne dag verder",
    "Fijn dat ik u kon helpen. Tot ziens.",
]
FILLERS = ["eh", "ehm", "nou", "ja", "oké"]
VARIED_FILLERS = ["eh", "ehm", "nou", "ja", "oké", "even", "dus", "hè"]


def speech_to_text(text: str, rng: random.Random) -> str:
    """Lowercase, punctuation stripped, sometimes a filler or a repeated word."""
    words = [w.strip(".,?!:;") for w in text.lower().split()]
    words = [w for w in words if w]
    if words and rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(FILLERS))
    if len(words) > 2 and rng.random() < 0.2:
        index = rng.randrange(len(words))
        words.insert(index, words[index])
    return " ".join(words)


def vary(text: str, rng: random.Random) -> str:
    """One to three fillers somewhere in the turn and, half the time, a word said twice."""
    words = text.split()
    for _ in range(rng.randint(1, 3)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(VARIED_FILLERS))
    if len(words) > 3 and rng.random() < 0.5:
        index = rng.randrange(len(words))
        words.insert(index, words[index])
    return " ".join(words)


def make_call(number: int, rng: random.Random, anti_share: float, varied: bool = False) -> dict[str, object]:
    slots = {
        "agent": rng.choice(AGENTS),
        "org": rng.choice(ORGS),
        "surname": rng.choice(SURNAMES),
        "topic": rng.choice(TOPICS),
    }
    agent_label, customer_label = rng.choice(
        [("Agent", "Klant"), ("SPEAKER_00", "SPEAKER_01"), (slots["agent"], "Beller")]
    )
    transcript_style = rng.random() < 0.4
    clock = 0.0
    turns = []

    def add(speaker: str, text: str) -> None:
        nonlocal clock
        text = text.format(**slots)
        if transcript_style and rng.random() < 0.7:
            text = speech_to_text(text, rng)
        if varied:
            text = vary(text, rng)
        duration = 0.4 * len(text.split()) + rng.uniform(0.3, 1.5)
        turns.append({"speaker": speaker, "text": text, "start": round(clock, 2), "end": round(clock + duration, 2)})
        clock += duration + rng.uniform(0.1, 1.2)

    add(agent_label, rng.choice(OPENINGS))
    add(customer_label, rng.choice(CUSTOMER_OPENINGS))
    for _ in range(rng.randint(3, 9)):
        pool = AGENT_ANTI if rng.random() < anti_share else AGENT_ORDINARY
        agent_text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 2)))
        add(agent_label, agent_text)
        add(customer_label, rng.choice(CUSTOMER_TURNS))
    add(agent_label, rng.choice(CLOSINGS))
    return {
        "call_id": f"call-{number:07d}",
        "agent_id": f"agent-{AGENTS.index(slots['agent']):02d}",
        "date": f"2026-11-{1 + number % 28:02d}",
        "turns": turns,
    }


def generate(calls: int, seed: int, anti_share: float = 0.05, varied: bool = False) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    for number in range(calls):
        yield make_call(number, rng, anti_share, varied)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--anti-share", type=float, default=0.05, help="share of agent turns with an anti-pattern")
    parser.add_argument("--varied", action="store_true", help="fillers and repeated words in every turn")
    parser.add_argument("--out", help="output file (default: standard output)")
    args = parser.parse_args()
    handle: IO[str] = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    try:
        for call in generate(args.calls, args.seed, args.anti_share, args.varied):
            handle.write(json.dumps(call, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            handle.close()


if __name__ == "__main__":
    main()
