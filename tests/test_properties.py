"""Properties over arbitrary text: check never raises, offsets are exact, fix is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantlint import Linter
from klantlint.engine.fixing import chosen_suggestion

DUTCH_PIECES = [
    "Wat was uw naam ook alweer?",
    "Helaas kan dat niet.",
    "Ik hang u even op.",
    "Hoe heette u?",
    "helaas kan dat niet",
    "Dat is helaas niet mogelijk, maar ik kan wel iets anders.",
    "de was",
    "nee",
    "# klantlint: ignore[KL001]",
    "<!-- klantlint: disable=KL002 -->",
    "Agent:",
    "Klant:",
    "\n",
    "\n\n",
    " ",
    "Sorry, maar",
    "wat was je postcode",
    "😀",
    "\u202e",
    "\x00",
    "\t",
    "ﷺ",
    "Jammer genoeg is het uitverkocht.",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(DUTCH_PIECES), st.text(max_size=20)), max_size=12).map(" ".join),
    st.integers(min_value=1, max_value=40).map(lambda n: "Wat was uw naam? " * n + "x" * 3000),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


@SETTINGS
@given(texts)
def test_findings_have_exact_offsets(linter: Linter, text: str) -> None:
    for finding in linter.check(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]
        assert (finding.line, finding.column) == _line_column(text, finding.start)
        for suggestion in finding.suggestions:
            assert 0 <= suggestion.start <= suggestion.end <= len(text)


@SETTINGS
@given(texts)
def test_fix_is_idempotent_and_leaves_no_safe_fix(linter: Linter, text: str) -> None:
    once = linter.fix(text)
    twice = linter.fix(once.text)
    assert twice.text == once.text
    assert not twice.applied
    assert not [f for f in once.remaining if chosen_suggestion(f, unsafe=False) is not None]


@SETTINGS
@given(st.lists(texts, max_size=5))
def test_pipe_equals_repeated_check(linter: Linter, batch: list[str]) -> None:
    assert list(linter.pipe(batch, batch_size=2)) == [linter.check(text) for text in batch]
