"""KL017 geen-probleem: "geen probleem" as the reply to thanks or a request ("Geen probleem, dat doe ik")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.nlp.lexicon import FIRST_PERSON
from klantlint.nlp.spans import punctuation_runs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PROBLEM = frozenset({"probleem", "probleempje"})
# What `check` needs in the lowercased text: "geen" as the token right before "probleem(pje)", or before "enkel(e)"
# right before it. Neighbouring tokens have nothing but whitespace between them, so a filler in between ("geen eh
# probleem", frequent in speech-to-text output) rules the phrase out.
GEEN_PROBLEEM = re.compile(r"geen\s*(?:enkele?\s*)?probleem")
# What may precede "geen probleem" when it is a reply: openers, "dat/het is", and degree words.
# Anything else ("er is", "de monteur vond", "als er ... is", "ik zie") makes it a statement about a fault.
REPLY_OPENERS = frozenset(
    "ja jawel joh hoor oh o och ach nou oké okee ok prima natuurlijk zeker tuurlijk goed eh ehm uh nee dus en maar "
    "mevrouw meneer".split()
)
NEUTER_SUBJECTS = frozenset({"dat", "het", "dit", "'t"})
IS_FORMS = frozenset({"is", "'s"})
DEGREE = frozenset({"echt", "helemaal", "absoluut", "totaal", "zeker", "natuurlijk", "ook", "verder", "gewoon", "heus"})
# "voor ons/mij" only says whose problem it is not: "Dat is voor mij geen probleem."
BENEFICIARIES = frozenset({"mij", "me", "ons", "u", "je", "jou"})
# A preposition after "probleem" names where the fault is: "geen probleem met uw aansluiting".
LOCATING = frozenset({"met", "in", "bij", "op", "aan", "van", "rond", "tijdens", "door", "tussen", "achter", "onder"})
CLOSINGS = (("fijne",), ("prettige",), ("tot", "ziens"), ("daar", "ben"), ("daar", "zijn"), ("graag", "gedaan"))
# An agent's action after the reply shows it granted a request: "Geen probleem, ik pas het aan."
ACTIONS_FIRST = frozenset({"dat", "dit", "het", "die"})


def _words(tokens: Iterable[Token]) -> list[Token]:
    return [t for t in tokens if not (t.is_punct or t.is_space)]


def _reply_start(geen: Token, run: Span) -> Token | None:
    """The first word of the reply phrase ("Dat is (echt) geen probleem"), or None when it is a statement."""
    doc = geen.doc
    before: list[Token] = []
    for token in reversed(doc[run.start : geen.i]):
        if token.text in (",", ";", ":", "–", "—", "!"):
            break
        if not token.is_space:
            before.insert(0, token)
        if token.is_sent_start:
            break  # in unpunctuated speech the parser's sentence start is the only clause boundary
    start = geen
    seen_copula = False
    for index in range(len(before) - 1, -1, -1):
        word = before[index].lower_
        if word in DEGREE:
            start = before[index]
        elif word in BENEFICIARIES and index > 0 and before[index - 1].lower_ == "voor":
            continue
        elif word == "voor" and index + 1 < len(before) and before[index + 1].lower_ in BENEFICIARIES:
            start = before[index]
        elif word in IS_FORMS and not seen_copula:
            seen_copula = True
            start = before[index]
        elif word in NEUTER_SUBJECTS and seen_copula:
            start = before[index]
            # Only openers may come before "dat is": "ja hoor, dat is geen probleem".
            if any(t.lower_ not in REPLY_OPENERS for t in before[:index]):
                return None
            return start
        elif word in REPLY_OPENERS:
            if any(t.lower_ not in REPLY_OPENERS for t in before[:index]):
                return None
            return start
        else:
            return None
    return start


def _is_reply(problem: Token, run: Span) -> Token | None:
    """The start of the reply if "geen (enkel) probleem" is a reply, else None."""
    doc = problem.doc
    index = problem.i - 1
    if index >= run.start and doc[index].lower_ in ("enkel", "enkele"):
        index -= 1
    if index < run.start or doc[index].lower_ != "geen":
        return None
    if any(t.text == "?" for t in run):
        return None  # "Is dat geen probleem?" asks; it does not reply
    following = doc[problem.i + 1] if problem.i + 1 < run.end else None
    if following is not None and following.lower_ in LOCATING:
        return None
    beneficiary = problem.i + 2 < run.end and doc[problem.i + 2].lower_ in BENEFICIARIES
    if following is not None and following.lower_ == "voor" and not beneficiary:
        return None  # "geen probleem voor de levering"
    if following is not None and following.lower_ in ("is", "zijn", "was", "meer"):
        return None  # "... geen probleem is", a subordinate clause about a fault
    if following is not None and (following.pos_ in ("VERB", "AUX") and "Fin" not in following.morph.get("VerbForm")):
        return None  # "Geen probleem gevonden bij de controle": a report, not a reply
    return _reply_start(doc[index], run)


def _after_reply(problem: Token, spans: list[Span], run_index: int) -> list[Token]:
    doc = problem.doc
    rest = _words(doc[problem.i + 1 : spans[run_index].end])
    if run_index + 1 < len(spans):
        rest += _words(spans[run_index + 1])
    return [t for t in rest if t.lower_ not in ("hoor", "mevrouw", "meneer") and t.pos_ != "PROPN"]


def _grants_request(start: Token, after: list[Token], spans: list[Span], run_index: int) -> bool:
    """Whether the reply grants a request (an action follows, or a question was repeated) rather than thanks."""
    words = [t.lower_ for t in after[:6]]
    if any(tuple(words[: len(c)]) == c for c in CLOSINGS):
        return False
    if any(w in FIRST_PERSON for w in words[:4]):
        return True
    previous = spans[run_index - 1] if run_index > 0 else None
    if previous is not None and any(t.text == "?" for t in previous):
        return True  # "Een andere datum? Geen probleem."
    before = _words(start.doc[spans[run_index].start : start.i])
    # An assent before it ("Natuurlijk, ...", "ja hoor ...") grants something.
    return any(t.lower_ in ("natuurlijk", "zeker", "tuurlijk", "prima", "ja", "jawel", "oké") for t in before)


def _action_follows(after: list[Token]) -> bool:
    """ "dat doe ik", "dat regel ik": the next clause already says the agent will do it."""
    words = [t.lower_ for t in after[:3]]
    return len(words) >= 3 and words[0] in ACTIONS_FIRST and words[2] in FIRST_PERSON


def _same_case(replacement: str, original: str) -> str:
    """Capitalised where the writer capitalised, lower case in a lower-case transcript."""
    return replacement if original[:1].isupper() else replacement[0].lower() + replacement[1:]


class NoProblem(Rule):
    info = RuleInfo(
        code="KL017",
        name="geen-probleem",
        severity="info",
        summary="'Geen probleem' als antwoord op een bedankje of een verzoek.",
        rationale="'Geen probleem' noemt het woord probleem, juist als er geen is, en klinkt alsof de klant "
        "iets lastigs vroeg. 'Graag gedaan' of 'Dat doe ik graag' zegt hetzelfde, positief.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker antwoordt op een bedankje of een verzoek met 'geen probleem': 'Geen "
            "probleem, dat doe ik.', 'Dat is geen probleem hoor!'.",
            waarom="'Geen probleem' brengt het woord probleem in het gesprek, terwijl er geen is; het klinkt "
            "alsof de klant iets lastigs vroeg dat u hem toch gunt. Een positieve formulering laat horen dat u "
            "het graag doet.",
            voorbeeld="Geen probleem, dat doe ik.\nGeen probleem hoor!\nDat is geen probleem, ik pas het adres "
            "voor u aan.",
            beter="Op een bedankje: 'Graag gedaan.' Op een verzoek: 'Dat doe ik graag.', 'Graag, dat doe ik.', "
            "'Dat doe ik graag, ik pas het adres voor u aan.'",
            veilig="Nee: of 'Graag gedaan' of 'Dat doe ik graag' past, hangt af van wat de klant zei. klantlint "
            "kiest op grond van de zin erna, maar past het voorstel alleen met --unsafe toe.",
        ),
        bad_examples=[
            "Geen probleem, dat doe ik.",
            "Geen probleem hoor!",
            "Dat is geen probleem, ik pas het adres voor u aan.",
            "ja hoor geen probleem",
            "Geen enkel probleem!",
        ],
        good_examples=[
            "Er is geen probleem met uw aansluiting.",
            "De monteur vond geen probleem in de meterkast.",
            "Graag gedaan.",
            "Als er geen probleem is met de betaling, komt het pakket dinsdag.",
            "Is dat geen probleem voor u?",
            "Dat doe ik graag, ik pas het adres voor u aan.",
        ],
    )
    triggers = frozenset(PROBLEM)
    needs = "tags"  # reads no dependency tree
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """ "geen (enkel) probleem" must be there, its words side by side."""
        return not self.triggers.isdisjoint(found) and GEEN_PROBLEEM.search(text.lower()) is not None

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        spans = punctuation_runs(doc)
        for run_index, run in enumerate(spans):
            for token in run:
                if token.lower_ not in PROBLEM:
                    continue
                start = _is_reply(token, run)
                if start is None:
                    continue
                yield self._hit(start, token, spans, run_index)

    def _hit(self, start: Token, problem: Token, spans: list[Span], run_index: int) -> Hit:
        after = _after_reply(problem, spans, run_index)
        request = _grants_request(start, after, spans, run_index)
        original = start.text
        end = problem.idx + len(problem)
        thanks = ProposedFix(
            _same_case("Graag gedaan", original),
            start.idx,
            end,
            "Reageer op een bedankje met 'Graag gedaan'.",
            safe=False,
        )
        gladly = "Graag" if _action_follows(after) else "Dat doe ik graag"
        granted = ProposedFix(
            _same_case(gladly, original),
            start.idx,
            end,
            f"Reageer op een verzoek met '{gladly}'.",
            safe=False,
        )
        return Hit(
            start=start.idx,
            end=end,
            message="'Geen probleem' noemt een probleem waar er geen is. Zeg het positief: 'Graag gedaan' of "
            "'Dat doe ik graag'.",
            fixes=(granted, thanks) if request else (thanks, granted),
        )
