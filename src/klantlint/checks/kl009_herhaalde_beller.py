"""KL009 herhaalde-beller: remarks about how often the caller calls ("U belt nu al voor de derde keer")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, GateCue, Hit, Rule, RuleContext, RuleInfo
from klantlint.nlp.clauses import (
    clauses,
    content,
    is_finite,
    is_past,
    sentence_rewrite,
    subject_of,
    takes_ownership,
    utterance,
)
from klantlint.nlp.lexicon import ADDRESS_SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Getting in touch: the caller calls, has contact, is spoken to or is on the line.
CONTACT_WORDS = frozenset(
    """bel belt belde belden bellen gebeld opgebeld contact gesproken spreek spreekt lijn beller belgeschiedenis
    telefoontje telefoontjes""".split()
)
# Markers of repetition: "al", "alweer", "weer", counts ("drie keer", "de vierde keer") and frequency ("vaak").
REPEAT_WORDS = frozenset({"al", "alweer", "weer", "opnieuw", "wéér", "zoveelste", "vaak", "vaker", "steeds", "telkens"})
COUNTS = frozenset(
    """twee drie vier vijf zes zeven acht negen tien tweede derde vierde vijfde zesde zevende achtste negende tiende
    zoveelste meerdere paar""".split()
)
EVERY = frozenset({"elke", "iedere", "ieder", "elk"})
PERIODS = frozenset({"dag", "week", "maand", "ochtend", "middag", "keer"})
# Markers that also occur in neutral questions ("Heeft u al gebeld?", "Belt u vaak met ons?").
WEAK_MARKERS = frozenset({"al", "vaak", "vaker", "steeds", "telkens"})
# The cheap gate's words: "(al)weer", a label for a frequent caller, or contact counted and addressed.
AGAIN = frozenset({"weer", "alweer", "wéér"})
LABELS = frozenset({"beller", "belster"})
COUNTED = REPEAT_WORDS | EVERY | {"keer"}
# The gate reads the lowercased text's runs of word characters: each word it looks for is one such run (no hyphen
# or apostrophe), so it is found exactly where `words_of` (which also keeps hyphenated words whole) finds it.
_WORD_RUN = re.compile(r"\w+")
# Particles that turn a question into a remark: "Belt u nou alweer?", "U had toch al gebeld?"
EMPHASIS_PARTICLES = frozenset({"nou", "toch", "wéér"})
INVITING_MODALS = frozenset({"kunt", "kan", "kun", "mag", "mogen", "kunnen"})
EMPATHY = frozenset({"vervelend", "vervelende", "sorry", "excuses", "excuus", "spijt", "jammer", "balen"})
FREQUENT = frozenset({"vaste", "frequente", "regelmatige", "bekende", "trouwe"})
# "bent u dat weer", "daar bent u weer", "ben jij het weer": recognising who is on the line.
DEICTIC = frozenset({"dat", "daar", "het"})
SAME = frozenset({"dezelfde", "hetzelfde", "zelfde"})
# "steeds" and "telkens" mean "always" in Flanders ("U belt steeds naar het centrale nummer"): in the present tense
# alone they describe a habit or give an instruction; they remark on repeated calls only about the same matter.
HABIT_MARKERS = frozenset({"steeds", "telkens"})
# "Als het niet lukt, belt u opnieuw": a conditional before the clause makes it an instruction.
CONDITIONALS = frozenset({"als", "indien", "wanneer", "mocht", "mochten", "zodra", "ingeval"})
# What an instruction may repeat: "belt u opnieuw", "belt u dan gerust nog eens".
INSTRUCTION_MARKERS = frozenset({"opnieuw", "steeds", "telkens"})


def _repeat_marker(words: list[Token]) -> list[Token]:
    """The words that make the clause about how often: 'al', 'alweer', 'drie keer', 'de vierde keer', 'elke dag'."""
    lowers = [w.lower_ for w in words]
    found: list[Token] = []
    for index, word in enumerate(lowers):
        following = lowers[index + 1] if index + 1 < len(lowers) else ""
        if word in REPEAT_WORDS or _counts_calls(lowers, index) or (word in EVERY and following in PERIODS):
            found.append(words[index])
    return found


def _counts_calls(lowers: list[str], index: int) -> bool:
    """'drie keer', 'de vierde keer', '3 keer' (not 'de eerste keer' or 'een keer')."""
    return lowers[index] == "keer" and index > 0 and (lowers[index - 1] in COUNTS or lowers[index - 1].isdigit())


def repeat_remark(clause: Span) -> list[Token] | None:
    """The clause remarks on the caller's repeated contact: the caller (u/je) calls or is spoken to, and a
    repetition marker says how often; or a short "Weer voor dezelfde vraag?" / "bent u dat weer"."""
    words = content(clause)
    if not words:
        return None
    lowers = [w.lower_ for w in words]
    markers = _repeat_marker(words)
    role, verb = subject_of(clause)
    contact = [w for w in words if w.lower_ in CONTACT_WORDS]
    addressed = any(w in ADDRESS_SUBJECTS for w in lowers)
    # "U kunt ons altijd weer bellen" invites; a remark states what the caller does or did.
    invitation = verb is not None and verb.lower_ in INVITING_MODALS
    if markers and contact and addressed and not invitation and not _third_party(lowers):
        if _instruction(clause, words, markers) or _habit(words, markers):
            return None
        calls = [w for w in contact if w.lower_.startswith(("bel", "gebeld", "opgebeld"))]
        # The agent or a colleague calling the caller ("Ik bel u morgen nog een keer") is not a remark.
        if calls and role in ("speaker", "other") and not _spoken_to(words):
            return None
        # "Heeft u al gebeld?" asks; a question only remarks with a strong marker ("Belt u nou alweer?").
        question = is_finite(words[0])
        if question and all(m.lower_ in WEAK_MARKERS for m in markers) and not EMPHASIS_PARTICLES & set(lowers):
            return None
        return sorted([contact[0], markers[0]], key=lambda t: t.i)
    # "U bent een vaste beller": a label for someone who calls often.
    for index, word in enumerate(lowers[1:], start=1):
        if word in ("beller", "belster") and lowers[index - 1] in FREQUENT and addressed:
            return words[index - 1 : index + 1]
    # "bent u dat weer", "alweer u": recognising the caller as a repeat caller.
    again = [m for m in markers if m.lower_ in ("weer", "alweer")]
    if again and role == "addressee" and verb is not None and verb.lower_ in ("bent", "ben") and DEICTIC & set(lowers):
        return [verb, again[0]]
    for index, word in enumerate(lowers[:-1]):
        if word == "alweer" and lowers[index + 1] in ADDRESS_SUBJECTS:
            return words[index : index + 2]
        # "U weer?", "Hé, jij alweer!": a short exclamation without a verb.
        if word in ADDRESS_SUBJECTS and lowers[index + 1] in ("weer", "alweer") and verb is None and len(lowers) <= 4:
            return words[index : index + 2]
    # "Weer voor dezelfde vraag?", "Wéér over die meter?": again about the same thing.
    same = [w for w in words if w.lower_ in SAME]
    if again and same and any(w in ("voor", "over") for w in lowers):
        return [again[0], same[0]]
    verbless = verb is None and len(words) <= 6
    if verbless and lowers[0] in ("weer", "alweer", "wéér") and lowers[1:2] in (["voor"], ["over"]):
        return words[:2]
    return None


def _present_call(words: list[Token]) -> bool:
    """The caller's call is in the present tense: "belt", "bel", no past form and no perfect ("heeft gebeld")."""
    lowers = {w.lower_ for w in words}
    return bool(lowers & {"belt", "bel"}) and not any(is_past(w) for w in words) and not lowers & {"gebeld", "opgebeld"}


def _instruction(clause: Span, words: list[Token], markers: list[Token]) -> bool:
    """ "Als het niet lukt, belt u opnieuw", "Lukt het niet, dan belt u opnieuw", "Belt u morgen opnieuw.":
    the agent tells the caller what to do next, in the present tense, with at most "opnieuw"/"steeds"."""
    if not _present_call(words) or any(m.lower_ not in INSTRUCTION_MARKERS for m in markers):
        return False
    if EMPHASIS_PARTICLES & {w.lower_ for w in words}:
        return False
    unit = utterance(words[0])
    before = [t for t in unit.doc[unit.start : clause.start] if not (t.is_punct or t.is_space)]
    verb_first = is_finite(words[0]) or (words[0].lower_ == "dan" and len(words) > 1 and is_finite(words[1]))
    if before and verb_first:
        # The clause inverts after a fronted condition: "als ...", or a verb-first "Lukt het niet, ...".
        return bool(CONDITIONALS & {t.lower_ for t in before}) or is_finite(before[0])
    # A polite imperative closed by a full stop or "!", not a question: "Belt u morgen opnieuw."
    ending = [t.text for t in unit if t.is_punct]
    return verb_first and not before and bool(ending) and ending[-1] in (".", "!") and "?" not in ending


def _habit(words: list[Token], markers: list[Token]) -> bool:
    """ "U belt steeds naar het centrale nummer" (Flemish "always"): "steeds"/"telkens" alone, in the present
    tense and not about the same matter ("U belt steeds over dezelfde factuur" stays a remark)."""
    lowers = {w.lower_ for w in words}
    only_habit = all(m.lower_ in HABIT_MARKERS for m in markers)
    return only_habit and _present_call(words) and not lowers & SAME and not lowers & EMPHASIS_PARTICLES


def _third_party(lowers: list[str]) -> bool:
    """'gebeld met de verzekeraar', 'contact met uw huisarts': contact with someone else, not with us."""
    return any(
        word in ("met", "naar") and index + 1 < len(lowers) and lowers[index + 1] in ("de", "het", "een", "uw", "je")
        for index, word in enumerate(lowers)
    )


def _spoken_to(words: list[Token]) -> bool:
    """'Ik heb u vanmiddag al gesproken', 'ik had u net nog aan de lijn': the caller was here before."""
    lowers = [w.lower_ for w in words]
    return "gesproken" in lowers or "lijn" in lowers


class RepeatCaller(Rule):
    info = RuleInfo(
        code="KL009",
        name="herhaalde-beller",
        severity="warning",
        summary="Opmerking over hoe vaak de beller belt ('U belt nu al voor de derde keer').",
        rationale="Zo'n opmerking vernedert de beller; dat hij opnieuw moet bellen, is een fout van de organisatie.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker merkt op hoe vaak de beller al contact had: 'U belt nu al voor de derde "
            "keer', 'U heeft vanochtend ook al gebeld', 'Bent u dat weer?'.",
            waarom="De beller voelt zich een lastpak, terwijl het echte probleem is dat zijn vraag de vorige keren "
            "niet is opgelost. Dat is de fout van de organisatie, niet van de klant.",
            voorbeeld="U belt nu al voor de derde keer.\nU heeft vanochtend ook al gebeld.\nBent u dat weer?",
            beter="Erken het en neem de vraag aan: 'Ik zie dat u eerder belde; ik los het nu voor u op.'",
            vlaanderen="'Steeds' betekent daar vaak 'altijd': 'U kunt ons steeds bellen' is een uitnodiging, geen "
            "opmerking over hoe vaak de beller belt.",
            veilig="Nee: hoe u de vraag nu oplost, weet alleen u. klantlint stelt een zin voor, maar past die niet "
            "vanzelf toe.",
        ),
        bad_examples=[
            "U belt nu al voor de derde keer.",
            "U heeft vanochtend ook al gebeld.",
            "Dit is al de vierde keer dat u hierover belt.",
            "bent u dat weer meneer visser",
            "U hoeft niet elke dag te bellen, hoor.",
            "belt u nou alweer over die rekening",
        ],
        good_examples=[
            "Ik zie dat u eerder belde; ik los het nu voor u op.",
            "Fijn dat u belt.",
            "Ik bel u morgen nog een keer, om de uitslag door te geven.",
            "Belt u voor de eerste keer over deze factuur?",
            "Hoe vaak heeft de verwarming deze week uitgestaan?",
            "Heeft u al gebeld met de verzekeraar?",
            "ik zie dat u vorige week ook belde over de storing ik zorg dat de monteur morgen komt",
        ],
    )
    # A remark needs a word of contact, a label ("vaste beller") or "(al)weer" ("bent u dat weer").
    triggers = CONTACT_WORDS | LABELS | AGAIN
    needs = "tags"  # reads no dependency tree
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def cues(self) -> tuple[GateCue, ...]:
        """What `may_fire` needs, as words the trigger scan finds (`\\w+` runs are whole words to it): a trigger, and
        as "(al)weer" is counted too, a counted word or a label, and a counted word or a frequency word. Most talk
        with "belt" or "spreekt" has neither, so its gate is not even asked."""
        return (
            GateCue(words=self.triggers),
            GateCue(words=COUNTED | LABELS),
            GateCue(words=COUNTED | FREQUENT),
        )

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        if not super().may_fire(text, found, context):
            return False
        words = set(_WORD_RUN.findall(text.lower()))
        return (
            not words.isdisjoint(AGAIN)
            or (not words.isdisjoint(LABELS) and not words.isdisjoint(FREQUENT))
            or (
                not words.isdisjoint(CONTACT_WORDS)
                and not words.isdisjoint(COUNTED)
                and not words.isdisjoint(ADDRESS_SUBJECTS)
            )
        )

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        if takes_ownership(doc):
            return
        reported: set[int] = set()
        for clause in clauses(doc):
            remark = repeat_remark(clause)
            if remark is None:
                continue
            unit = utterance(remark[0])
            # "Wat vervelend dat u opnieuw moet bellen": sympathy for the caller, not a reproach.
            if unit.start in reported or any(t.lower_ in EMPATHY for t in unit):
                continue
            reported.add(unit.start)
            start, end = remark[0].idx, remark[-1].idx + len(remark[-1])
            fix = sentence_rewrite(
                unit,
                "Ik zie dat u hier eerder over belde; ik los het nu voor u op.",
                "Ik zie dat je hier eerder over belde; ik los het nu voor je op.",
                "Erken het eerdere contact zonder verwijt en neem de vraag aan.",
            )
            message = (
                f"'{doc.text[start:end]}': een opmerking over hoe vaak de beller belt, vernedert hem; dat hij "
                "opnieuw belt, is een fout van de organisatie. Erken het en neem de vraag aan."
            )
            yield Hit(start, end, message, (fix,))
