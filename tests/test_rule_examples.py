"""Every rule's own examples are its tests: bad ones must fire the rule, good ones must not."""

from __future__ import annotations

import pytest

from klantlint import Linter
from klantlint.engine.base import EXPLANATION_SECTIONS, PinnedExample, RuleInfo
from klantlint.engine.pinned_examples import pinned_example_problem

MIN_EXAMPLES = 3


def _all_rules() -> list[RuleInfo]:
    return Linter().rule_infos()


RULES = _all_rules()
BAD = [(info.code, text) for info in RULES for text in info.bad_examples]
GOOD = [(info.code, text) for info in RULES for text in info.good_examples]
PINNED = [(info.code, example) for info in RULES for example in info.pinned_examples]


@pytest.mark.parametrize(("code", "text"), BAD, ids=[f"{c}-bad-{i}" for i, (c, _) in enumerate(BAD)])
def test_bad_example_fires_its_rule(linter: Linter, code: str, text: str) -> None:
    codes = [finding.code for finding in linter.check(text)]
    assert code in codes, f"{code} should fire on {text!r}, got {codes}"


@pytest.mark.parametrize(("code", "text"), GOOD, ids=[f"{c}-good-{i}" for i, (c, _) in enumerate(GOOD)])
def test_good_example_stays_quiet(linter: Linter, code: str, text: str) -> None:
    codes = [finding.code for finding in linter.check(text)]
    assert code not in codes, f"{code} should not fire on {text!r}"


@pytest.mark.parametrize(("code", "example"), PINNED, ids=[f"{c}-pinned-{i}" for i, (c, _) in enumerate(PINNED)])
def test_pinned_example_flags_its_span_and_rewrites_as_pinned(
    linter: Linter, code: str, example: PinnedExample
) -> None:
    assert pinned_example_problem(linter, code, example) is None


def test_core_pack_pins_examples() -> None:
    """The pinned-example test above checks something: the bundled pack pins examples of more than one rule."""
    assert len({code for code, _ in PINNED}) >= 2


@pytest.mark.parametrize("info", RULES, ids=[info.code for info in RULES])
def test_rule_has_enough_examples(info: RuleInfo) -> None:
    assert len(info.bad_examples) >= MIN_EXAMPLES, f"{info.code} needs at least {MIN_EXAMPLES} bad examples"
    assert len(info.good_examples) >= MIN_EXAMPLES, f"{info.code} needs at least {MIN_EXAMPLES} good examples"


@pytest.mark.parametrize("info", RULES, ids=[info.code for info in RULES])
def test_rule_explanation_is_complete_dutch_text(info: RuleInfo) -> None:
    rendered = info.explanation.render()
    for title in ("Wat gaat er mis", "Waarom", "Voorbeeld", "Beter", "Herschrijven veilig?"):
        assert f"## {title}\n" in rendered
    assert all(len(getattr(info.explanation, key).strip()) > 10 for key in EXPLANATION_SECTIONS)
    # The Flemish line is optional (only where usage differs); when given, it says something.
    assert not info.explanation.vlaanderen or len(info.explanation.vlaanderen.strip()) > 10


def test_codes_are_unique_and_names_kebab_case() -> None:
    codes = [info.code for info in RULES]
    assert len(codes) == len(set(codes))
    assert all(info.name == info.name.lower() and " " not in info.name for info in RULES)
