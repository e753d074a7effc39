"""The fast matcher core returns exactly the findings of the full path, and really skips parsing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from benchmarks.make_transcripts import generate
from klantlint import Config, Linter
from klantlint.engine.base import Hit, Rule, RuleContext
from klantlint.engine.triggers import TriggerScanner
from klantlint.evaluation import read_corpus
from klantlint.testing import ALL_RULES
from klantlint.transcripts import Call
from tests.plugin_helpers import wachtmuziek_info

CORPUS = Path(__file__).resolve().parent / "corpus" / "utterances.jsonl"


@pytest.fixture(scope="module")
def full() -> Linter:
    return Linter(ALL_RULES, mode="full")


@pytest.fixture(scope="module")
def fast() -> Linter:
    return Linter(ALL_RULES, mode="fast")


def test_scanner_finds_whole_words_only() -> None:
    scanner = TriggerScanner(["was", "helaas", "e-mail"])
    assert scanner.scan("Wat WAS uw e-mail? Helaas.") == {"was", "helaas", "e-mail"}
    assert scanner.scan("wasmachine, verwassen, helaasje") == frozenset()


def test_an_underscore_ends_a_word_as_the_tokenizer_splits_it_off(fast: Linter, full: Linter) -> None:
    assert TriggerScanner(["nee"]).scan("nee_ dat kan niet") == {"nee"}
    for text in ("Nee_ dat kan niet.", "nee_"):
        assert [f.code for f in fast.check(text)] == [f.code for f in full.check(text)] == ["KL003"]


def test_corpus_and_examples_are_identical(full: Linter, fast: Linter) -> None:
    texts = [u.text for u in read_corpus(CORPUS)]
    for info in full.rule_infos():
        texts += info.bad_examples + info.good_examples
    assert list(fast.pipe(texts)) == list(full.pipe(texts))


def test_fast_mode_parses_less(fast: Linter, full: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    ordinary = ["Goedemorgen, u spreekt met Kim.", "Dat klopt.", "Fijn, dan noteer ik dat voor u."]
    parsed: list[str] = []
    original = fast.nlp.pipe

    def counting_pipe(texts, **kwargs):  # type: ignore[no-untyped-def]
        texts = list(texts)
        parsed.extend(texts)
        return original(texts, **kwargs)

    monkeypatch.setattr(fast.nlp, "pipe", counting_pipe)
    assert list(fast.pipe(ordinary)) == [[], [], []]
    assert parsed == []


AGENT_LINES = [
    "goedemorgen u spreekt met kim van zonnestroom waarmee kan ik u helpen",
    "Wat was uw naam ook alweer?",
    "eh wat was je postcode",
    "Helaas kan dat niet.",
    "Dat is helaas niet mogelijk, maar ik kan wel een monteur sturen.",
    "Ik hang u even op.",
    "momentje",
    "Stuur maar een e-mail.",
    "Ik mail u de bevestiging.",
    "nee dat doen we niet",
    "ja of nee",
    "u moet eerst inloggen",
    "Waarom wilt u opzeggen?",
    "Geen probleem, dat regel ik.",
    "Uw aanvraag wordt behandeld.",
    "Het pakket is aangekomen.",
    "ik begrijp dat u boos bent",
    "de concurrent is echt waardeloos",
    "ik maak een ticket aan",
    "U belt nu al voor de derde keer.",
    "daar ga ik niet over",
    "dat is uw eigen schuld",
    "zoals ik al zei",
    "dank je wel voor uw geduld",
]
transcripts = st.lists(
    st.tuples(st.sampled_from(["Agent", "Klant"]), st.lists(st.sampled_from(AGENT_LINES), min_size=1, max_size=3)),
    min_size=1,
    max_size=8,
).map(lambda turns: "\n".join(f"{speaker}: {' '.join(lines)}" for speaker, lines in turns))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(transcripts, min_size=1, max_size=4))
def test_generated_transcripts_are_identical(full: Linter, fast: Linter, batch: list[str]) -> None:
    assert list(fast.pipe(batch)) == list(full.pipe(batch))


def test_varied_calls_rarely_repeat_and_fast_equals_full(fast: Linter, full: Linter) -> None:
    plain = [Call.model_validate(call) for call in generate(40, seed=5)]
    varied = [Call.model_validate(call) for call in generate(40, seed=5, varied=True)]

    def distinct_share(calls: list[Call]) -> float:
        texts = [turn.text for call in calls for turn in call.turns]
        return len(set(texts)) / len(texts)

    assert distinct_share(varied) > 0.9 > 0.6 > distinct_share(plain)
    assert list(fast.check_calls(varied)) == list(full.check_calls(varied))


class TooSharpGate(Rule):
    """Fires on "wachtmuziek", but its gate wrongly turns every text away."""

    info = wachtmuziek_info("XX001")
    triggers = frozenset({"wachtmuziek"})

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        return False

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        yield from (Hit(t.idx, t.idx + len(t)) for t in doc if t.lower_ == "wachtmuziek")


class TooSharpDocumentGate(TooSharpGate):
    """A document-level rule whose gates, per segment and per document, wrongly turn everything away."""

    info = wachtmuziek_info("XX002")
    scope = "document"

    def may_fire_in_document(self, document_segments: tuple[str, ...], config: Config) -> bool:
        return False


@pytest.mark.parametrize("rule", [TooSharpGate(), TooSharpDocumentGate()], ids=lambda rule: rule.info.code)
def test_full_mode_runs_rules_ungated_so_a_wrong_gate_shows(rule: Rule) -> None:
    text = "U hoort nu even wachtmuziek."
    fast, full = (Linter(builtin_rules=[rule], mode=mode) for mode in ("fast", "full"))
    assert [f.code for f in full.check(text)] == [rule.info.code]
    assert full.check_conversations([[text, "Dag."]])[0][0][0].code == rule.info.code
    assert fast.check(text) == []  # the gate hides the finding: fast != full exposes it


# Characters that decide how `prepare` treats a turn (line breaks, controls, surrogates, comment, address, label,
# URL), mixed with ordinary words, so that both the plain one-line shortcut and the full preparation are exercised.
_turn_pieces = st.sampled_from(
    [
        "Wat was uw naam",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\x0b",
        "\x85",
        "\u2028",
        "\x00",
        "\ud800",
        "#",
        " # opmerking",
        "info@example.nl",
        "www.example.nl",
        "https://example.nl",
        "Agent:",
        "Klant: ja",
        ":",
        "nee hoor.",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_turn_pieces | st.text(max_size=6), max_size=8).map("".join))
def test_a_turn_prepares_as_prepare_does(text: str) -> None:
    from klantlint.engine.linter import _prepared_turn, prepare

    shortcut, reference = _prepared_turn(text), prepare(text, "text")
    assert (shortcut.text, shortcut.segments, shortcut.line_starts, shortcut.turns) == (
        reference.text,
        reference.segments,
        reference.line_starts,
        reference.turns,
    )
    assert (shortcut.segments is shortcut.turns) == (reference.segments is reference.turns)


def test_a_remembered_turn_still_gets_what_document_level_rules_find_in_its_conversation(
    fast: Linter, full: Linter
) -> None:
    # The je-turn alone has no finding, and fast mode remembers that; in a conversation that says "u" elsewhere,
    # KL014 (document-level) must still report it.
    je_turn = "Kun je dat even voor me opzoeken?"
    conversations = [
        [je_turn],
        [je_turn],
        ["Kunt u mij uw postcode geven?", "Wilt u even wachten?", je_turn],
        [je_turn],
    ]
    ours = fast.check_conversations(conversations)
    assert ours == full.check_conversations(conversations)
    assert ours[0] == ours[1] == ours[3] == [[]]
    assert [finding.code for finding in ours[2][2]] == ["KL014"]
    assert ours[1][0] is not ours[0][0]  # a fresh list each time, so a caller may change its own
