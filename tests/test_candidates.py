"""Fast mode's first gate stage (`klantlint.engine.candidates`) is no stricter than the gates it spares.

The cue scan picks the rules whose `may_fire` is asked; a rule it leaves out must be one whose gate is false there,
and whose `check` stays quiet in full mode. The trigger scan it reads from finds exactly the whole-word
occurrences.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

import ahocorasick
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from klantlint import Config, Linter
from klantlint.checks.kl013_concurrent_afkraken import CONTEMPT_HEADS, ORGANISATION_HEADS
from klantlint.engine.base import GateCue, Hit, Rule, RuleContext
from klantlint.engine.candidates import CandidateRules
from klantlint.engine.linter import prepare
from klantlint.engine.triggers import TriggerScanner
from klantlint.testing import ALL_RULES
from tests.plugin_helpers import wachtmuziek_info

# Configurations whose words change what the gates look for: configured terms, names, the preferred address.
CONFIGS = {
    "all": ALL_RULES,
    "jargon": Config(select=["ALL"], jargon={"dossierkoppeling": "koppeling van dossiers", "SLA-termijn": "termijn"}),
    "competitors": Config(select=["ALL"], competitors=["Ziggo", "O'Brien Energie", "snel_net", "Zig’go Plus"]),
    "address_u": Config(select=["ALL"], aanspreekvorm="u"),
    "address_je": Config(select=["ALL"], aanspreekvorm="je"),
    "short_sentences": Config(select=["ALL"], max_sentence_words=6),
}
LINES = [
    "goedemorgen u spreekt met kim van zonnestroom waarmee kan ik u helpen",
    "Wat was uw naam ook alweer?",
    "Helaas kan dat niet.",
    "Ik hang u even op.",
    "Stuur maar een e-mail naar info@voorbeeld.nl.",
    "u moet eerst inloggen",
    "Geen probleem, dat regel ik.",
    "de concurrent is echt waardeloos",
    "Die van Ziggo? Oplichters.",
    "bij o’brien energie zijn het prutsers",
    "snel_net is een zooitje",
    "U belt nu al voor de derde keer.",
    "dat is uw eigen schuld",
    "ik begrijp dat je boos bent",
    "Ik maak een dossierkoppeling voor de SLA-termijn.",
    "klantlint: ignore[KL001]",
    # Gates that count on words besides their triggers (cue words the scan looks for too):
    "u heeft al eerder gebeld",
    "bent u een vaste beller",
    "dat heeft u niet goed ingevuld",
    "als u dat had gemeld, had u nu een nieuwe pas",
    "het ligt aan u",
    "wat was uw postcode",
    "hoe heette u ook alweer",
    "stuur het naar info@voorbeeld.nl",
]
FILLERS = ["eh", "ja", ",", ".", "?", "!", "(", ")", "-", "'", "’", "_", "@", "\t", "  ", "İ", "ß", "ﬁ", "😀", "x"]


def _words(config: Config) -> list[str]:
    """Every rule's trigger words and cue substrings under `config`, and the configured terms."""
    linter = Linter(config, mode="fast")
    words = {word for rule in linter.rules for word in rule.triggers or ()}
    words |= {part for rule in linter.rules for cue in rule.cues() or () for part in cue.substrings | cue.words}
    words |= {*config.jargon, *config.competitors, *CONTEMPT_HEADS, *ORGANISATION_HEADS}
    return sorted(words)


def _texts(config: Config) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(_words(config)),
        st.sampled_from(_words(config)).map(str.upper),
        st.sampled_from(LINES),
        st.sampled_from(FILLERS),
        st.text(max_size=6),
    )
    return st.lists(piece, min_size=1, max_size=12).flatmap(
        lambda pieces: st.sampled_from([" ", "", "-", "'"]).map(lambda glue: glue.join(pieces))
    )


def _context(linter: Linter, text: str, rule: Rule) -> RuleContext:
    context = RuleContext(
        config=linter.config, text=text, speaker="agent", document_segments=(text, "Zeg jij het maar.")
    )
    return context.for_rule(rule)


def _scanner(rules: list[Rule], candidates: CandidateRules) -> TriggerScanner:
    """The linter's scan: the rules' triggers and the cue words."""
    return TriggerScanner([*(word for rule in rules for word in rule.triggers or ()), *candidates.words])


def _left_out_but_passing(linter: Linter, text: str) -> list[str]:
    """The rules the cue scan leaves out on `text` whose gate would pass there."""
    candidates = CandidateRules(linter.rules)
    found = _scanner(linter.rules, candidates).scan(text)
    picked = candidates.pick(text, found)
    return [
        rule.info.code
        for rule in linter.rules
        if rule not in picked and rule.may_fire(text, found, _context(linter, text, rule))
    ]


@pytest.fixture(scope="module")
def loaded() -> dict[str, Linter]:
    linters = {name: Linter(config, mode="fast") for name, config in CONFIGS.items()}
    for linter in linters.values():
        linter.load()
    return linters


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_the_cues_never_turn_away_a_text_a_gate_lets_through(loaded: dict[str, Linter], name: str) -> None:
    linter, unloaded = loaded[name], Linter(CONFIGS[name], mode="fast")
    for text in [*LINES, *(line.upper() for line in LINES)]:
        assert _left_out_but_passing(linter, text) == []

    @SETTINGS
    @given(_texts(CONFIGS[name]))
    def check(text: str) -> None:
        # With the pipeline loaded (the sharp gates) and before it is (the gates that cannot judge tokens yet).
        assert _left_out_but_passing(linter, text) == []
        assert _left_out_but_passing(unloaded, text) == []

    check()


@pytest.mark.parametrize("name", ["all", "competitors", "address_je"])
def test_the_cues_never_turn_away_a_text_on_which_full_mode_reports(name: str) -> None:
    full = Linter(CONFIGS[name], mode="full")
    # Not KL900: the engine reports unused suppressions itself, whichever segments the cues pick (its trigger,
    # the word "klantlint", misses "1eklantlint: ignore[KL001]", a suppression all the same, in both modes).
    codes = {rule.info.code for rule in full.rules} - {"KL900"}
    candidates = CandidateRules(full.rules)
    scanner = _scanner(full.rules, candidates)
    reported: set[str] = set()

    @settings(max_examples=60, deadline=None)
    @given(_texts(CONFIGS[name]))
    def check(text: str) -> None:
        picked = {
            rule.info.code
            for segment in prepare(text, "text").segments
            for rule in candidates.pick(segment.text, scanner.scan(segment.text))
        }
        fired = {finding.code for finding in full.check(text)} & codes
        reported.update(fired)
        assert fired <= picked

    check()
    assert reported, "full mode should report something on the generated texts, or the test proves nothing"


def test_most_ordinary_talk_has_no_candidate_rule() -> None:
    linter = Linter(mode="fast")  # the default rules
    candidates = CandidateRules([rule for rule in linter.rules if rule.scope == "segment"])
    ordinary = ["Goedemorgen, met Kim.", "Dat klopt.", "Fijn, dan noteer ik dat.", "Een momentje."]
    assert [candidates.pick(text, linter._scanner.scan(text)) for text in ordinary] == [[], [], [], []]
    # A judgement word alone does not make KL013 a candidate; with a reference to another company it does.
    assert "KL013" not in {rule.info.code for rule in candidates.pick("dat is niet goed", frozenset({"niet"}))}
    with_reference = candidates.pick("de concurrent is niet goed", frozenset({"niet", "concurrent"}))
    assert "KL013" in {rule.info.code for rule in with_reference}


# The rule's side of the contract ------------------------------------------------------------------------------------


class BaseGate(Rule):
    info = wachtmuziek_info("XX001")
    triggers = frozenset({"wachtmuziek"})

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        return []


class OwnGate(BaseGate):
    """Overrides `may_fire` without saying whether it needs a trigger: it may pass without one."""

    info = wachtmuziek_info("XX002")

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        return "muziek" in text


class OwnGateNeedingTriggers(OwnGate):
    info = wachtmuziek_info("XX003")
    triggers_required = True

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        return not found.isdisjoint(self.triggers or ())


class CueOutsideTriggers(BaseGate):
    """A gate that needs "muziek" as well as its trigger: the scan looks for the cue word too."""

    info = wachtmuziek_info("XX004")

    def cues(self) -> tuple[GateCue, ...]:
        return GateCue(words=self.triggers or frozenset()), GateCue(words=frozenset({"muziek"}))

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        return "wachtmuziek" in found and "muziek" in found


class CapitalCue(BaseGate):
    info = wachtmuziek_info("XX005")

    def cues(self) -> tuple[GateCue, ...]:
        return (GateCue(words=frozenset({"Muziek"})),)


def test_an_overridden_gate_is_asked_of_every_text_unless_it_declares_its_triggers_required() -> None:
    assert BaseGate().cues() == (GateCue(words=frozenset({"wachtmuziek"})),)
    assert OwnGate().cues() is None
    assert OwnGateNeedingTriggers().cues() == (GateCue(words=frozenset({"wachtmuziek"})),)
    rules = [BaseGate(), OwnGate(), OwnGateNeedingTriggers()]
    assert [rule.info.code for rule in CandidateRules(rules).pick("muziek aan", frozenset())] == ["XX002"]


def test_a_cue_word_must_be_lowercase_as_the_scan_finds_it() -> None:
    with pytest.raises(TypeError, match=r"XX005.*Muziek"):
        CandidateRules([CapitalCue()])


def test_the_linter_scans_for_cue_words_besides_the_triggers() -> None:
    rule = CueOutsideTriggers()
    candidates = CandidateRules([rule])
    assert candidates.words == {"wachtmuziek", "muziek"}
    found = TriggerScanner(["wachtmuziek", *candidates.words]).scan("de wachtmuziek, muziek")
    assert candidates.pick("de wachtmuziek, muziek", found) == [rule]
    assert candidates.pick("de wachtmuziek", TriggerScanner(["wachtmuziek"]).scan("de wachtmuziek")) == []
    # The linter looks for every cue word of its rules ("keer" and "al" are KL009's, not its triggers).
    linter = Linter(Config(select=["ALL"]), mode="fast")
    cue_words = {word for rule in linter.rules for cue in rule.cues() or () for word in cue.words}
    assert {"keer", "al", "postcode"} & cue_words == {"keer", "al"}
    assert all(linter._scanner.scan(f"x {word} x") >= {word} for word in cue_words)


def test_a_word_the_scan_finds_where_a_run_of_word_characters_is() -> None:
    # The cue words of the gates that read `\w+` runs: every character that is no word character for `re` is no
    # letter or digit either, so the scan's boundaries are there too.
    everything = map(chr, range(sys.maxunicode + 1))
    assert [char for char in everything if char.isalnum() and not re.fullmatch(r"\w", char)] == []


# The trigger scan --------------------------------------------------------------------------------------------------


def _scan_per_character(words: Iterable[str], text: str) -> frozenset[str]:
    """The scan spelled out: every occurrence of a trigger, kept when no word character touches it."""
    automaton = ahocorasick.Automaton()
    for word in {w.lower() for w in words if w}:
        automaton.add_word(word, word)
    automaton.make_automaton()
    lowered = text.lower()
    found = set()
    for end, word in automaton.iter(lowered):
        start = end - len(word) + 1
        if (start == 0 or not lowered[start - 1].isalnum()) and (
            end + 1 == len(lowered) or not lowered[end + 1].isalnum()
        ):
            found.add(word)
    return frozenset(found)


@settings(max_examples=300, deadline=None)
@given(_texts(CONFIGS["jargon"]))
def test_the_scan_finds_the_whole_word_occurrences(text: str) -> None:
    words = [*_words(CONFIGS["jargon"]), "e-mail", "zo'n", "24/7", "İs", "ǅe"]
    assert TriggerScanner(words).scan(text) == _scan_per_character(words, text)
