"""Recall fixes: KL004 on "u kunt het mailen" and KL018 on stutters ("u u moet"), without new false alarms.

Each text is checked with the rule's `check` on the full parse, and every text it fires on must pass the rule's
cheap gate (`may_fire`), so fast mode reports it too.
"""

from __future__ import annotations

import pytest

from klantlint import Linter
from klantlint.testing import ALL_RULES, agent_context, fires, gate_passes, rule_of
from tests.labelled_cases import reported_and_quiet_tests


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(ALL_RULES, mode="full")


# KL004 verwijzen-naar-mail: the caller is told to mail it ------------------------------------------------------------

KL004_REFERRALS = [
    "U kunt het mailen.",
    "u kunt het mailen",
    "u kunt het mailen naar info@bedrijf.nl",
    "U kunt het mailen naar klachten@voorbeeld.nl.",
    "Je kunt het mailen.",
    "je kan het mailen naar de klantenservice",
    "jij kunt het mailen",
    "kunt u het mailen naar de afdeling facturen",
    "dan kun je het mailen",
    "Dat kunt u mailen.",
    "dat kunt u mailen",
    "ja u kunt het mailen hoor",
]

KL004_NOT_REFERRALS = [
    # The speaker sends the mail.
    "ik kan het u mailen",
    "Ik kan het u vandaag nog mailen.",
    "zal ik het u mailen",
    "Zal ik het u mailen?",
    "we mailen het u",
    "We mailen het u morgen.",
    "ik kan het mailen",
    "wij kunnen het mailen als u dat wilt",
    # "het mailen" as a noun, or no referral.
    "Het mailen lukt vandaag niet.",
    "kan het mailen even wachten",
    "u hoeft het niet te mailen",
    "U heeft het al gemaild.",
    "u kunt het mailen of per post opsturen",
]


@pytest.mark.parametrize("text", KL004_REFERRALS + KL004_NOT_REFERRALS)
def test_kl004_gate_passes_where_checkfires(linter: Linter, text: str) -> None:
    for variant in (text, text.upper(), text.replace(" het ", "  het "), text.replace(" het ", " het\n")):
        assert not fires(linter, "KL004", variant) or gate_passes(linter, "KL004", variant), variant


def test_kl004_gate_turns_away_het_mailen_as_a_noun(linter: Linter) -> None:
    assert not gate_passes(linter, "KL004", "Het mailen lukt vandaag niet.")
    assert not gate_passes(linter, "KL004", "kan het mailen even wachten")
    assert not gate_passes(linter, "KL004", "ik kan het mailen")


# KL018 u-moet: repeated words in transcripts -------------------------------------------------------------------------

KL018_STUTTERS = [
    "u u moet het formulier invullen",
    "U u moet het formulier invullen.",
    "u moet moet het formulier invullen",
    "je je moet de stekker er even uit halen",
    "ja u u moet eerst inloggen",
    "dan moet moet u het formulier invullen",
    "Dan moet moet u eerst de meterstand doorgeven.",
    "jullie jullie moeten eerst inloggen",
]

KL018_NOT_COMMANDS = [
    "ik ik moet u iets vragen",
    "ik ik moet nog even navragen hoe het zit",
    "het formulier dat u u moet invullen stuur ik u toe",
    "omdat u u moet aanmelden duurt het langer",
    "de monteur moet moet u nog bellen",
    "u u moet de brief inmiddels hebben ontvangen",
    "Moet moet u vandaag nog weg?",
    "u u hoeft niets te doen",
]


# Both rules: what must be reported (gate and check), what must stay quiet ---------------------------------------------

REPORTED = [("KL004", text) for text in KL004_REFERRALS] + [("KL018", text) for text in KL018_STUTTERS]
QUIET = [("KL004", text) for text in KL004_NOT_REFERRALS] + [("KL018", text) for text in KL018_NOT_COMMANDS]


test_reported, test_stays_quiet = reported_and_quiet_tests(REPORTED, QUIET)


def test_kl018_reports_a_stutter_once_and_rewrites_it_whole(linter: Linter) -> None:
    text = "u u moet het formulier invullen"
    hits = list(rule_of(linter, "KL018").check(linter.nlp(text), agent_context(linter, text)))
    assert len(hits) == 1
    assert text[hits[0].start : hits[0].end] == "u u moet"
    request = hits[0].fixes[0]
    assert text[: request.start] + request.replacement + text[request.end :] == "wilt u het formulier invullen"

    text = "u moet moet het formulier invullen"
    hits = list(rule_of(linter, "KL018").check(linter.nlp(text), agent_context(linter, text)))
    assert len(hits) == 1
    request = hits[0].fixes[0]
    assert text[: request.start] + request.replacement + text[request.end :] == "wilt u het formulier invullen"
