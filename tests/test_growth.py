"""Growth guard (issue 13): no input may cost time superlinear in its size.

Adversarial shapes (long runs of one letter, of blanks, of indentation, of punctuation, of '@' and '.', long URLs,
nested list markup, unpunctuated word soup full of the rules' trigger words) are timed at a size and at 10 times
that size: masking and segmenting, the whole linter, and every rule on its own (its gate and its check, on docs
parsed once per shape). A ratio far above 10 means superlinear growth (see `tests/growth.py`).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from klantlint import Linter
from klantlint.engine.base import Rule, RuleContext
from klantlint.engine.linter import prepare
from klantlint.engine.suppression import parse_suppressions
from klantlint.io import segments
from klantlint.io.masking import mask_markdown, mask_plain_text
from tests.growth import SUPERLINEAR_RATIO, assert_linear, growth

TRIGGERS = (
    "ik ga daar niet over u moet wat was uw naam helaas nee bel maar later terug momentje geduld begrijp dat weet "
    "mail sturen jullie schuld fout als had zou van voor over uur je jij geen probleem waarom wordt werd gedaan "
    "verstuurd moment wacht even eh ons mijn afdeling collega hoor zelf"
).split()
NEUTRAL = "de het een pakket levering morgen adres klant systeem order factuur gewoon vandaag en".split()
_seeds = itertools.count()


def soup(size: int, *, punctuated: bool = False) -> str:
    """Unpunctuated (or lightly punctuated) speech made of trigger words and ordinary ones; new words each call."""
    rng = random.Random(next(_seeds))
    words = []
    length = 0
    while length < size:
        word = rng.choice(TRIGGERS) if rng.random() < 0.4 else rng.choice(NEUTRAL)
        if punctuated and rng.random() < 0.08:
            word += rng.choice(".,?")
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def nested_list(size: int) -> str:
    block = "".join("  " * depth + f"- punt {depth}\n" for depth in range(60))
    return (block * (size // len(block) + 1))[:size]


SHAPES: dict[str, Callable[[int], str]] = {
    "letters": lambda n: "a" * n + "!",
    "blanks": lambda n: " " * n + "Wat was uw naam?",
    "indentation": lambda n: "\t" * n + "- Agent: hallo",
    "punctuation": lambda n: "!?,.;:…" * (n // 7),
    "at signs and dots": lambda n: "a@b." * (n // 4),
    "long url": lambda n: "Zie https://voorbeeld.nl/" + "a/" * (n // 2) + " voor meer.",
    "nested list": nested_list,
    "backticks and brackets": lambda n: "`](<" * (n // 4),
    "label-like lines": lambda n: "Agent:\n" + "Klant: ja\n" * (n // 10),
    "word soup": soup,
}
FUNCTIONS: dict[str, Callable[[str], object]] = {
    "mask_plain_text": mask_plain_text,
    "mask_markdown": mask_markdown,
    "split_segments": lambda text: segments.split_segments(mask_plain_text(text)),
    "pieces": lambda text: segments.pieces(segments.Segment(0, text, "agent")),
    "parse_suppressions": parse_suppressions,
}


@pytest.mark.parametrize("function", list(FUNCTIONS))
@pytest.mark.parametrize("shape", list(SHAPES))
def test_masking_and_segmenting_grow_linearly(shape: str, function: str) -> None:
    assert_linear(FUNCTIONS[function], SHAPES[shape], 10_000, what=f"{function} on {shape}")


@pytest.mark.parametrize("shape", [name for name in SHAPES if name != "word soup"])
def test_the_linter_grows_linearly(linter: Linter, shape: str) -> None:
    text_format = "markdown" if shape == "nested list" else "text"
    assert_linear(
        lambda text: linter.check(text, text_format=text_format), SHAPES[shape], 10_000, what=f"linting {shape}"
    )


# Every rule on its own, on docs parsed once. The linter gives a rule one piece of at most MAX_PARSE_CHARS at a time
# (with all pieces of the document as context), so what can grow superlinearly is the work across pieces: the large
# input is ten copies of the small one's pieces (a gate that happens to pass on one fresh piece and not on another
# would otherwise be mistaken for growth).
RULE_SIZE = segments.MAX_PARSE_CHARS


class Parsed:
    """A text's pieces (as the linter cuts them) with their docs, and each piece's trigger words."""

    def __init__(self, linter: Linter, text: str) -> None:
        self.pieces = [piece.text for piece in prepare(text, "text").segments]
        self.docs: list[Doc] = list(linter.nlp.pipe(self.pieces))
        self.found = [linter._scanner.scan(piece) for piece in self.pieces]

    def times(self, copies: int) -> Parsed:
        repeated = object.__new__(Parsed)
        repeated.pieces, repeated.docs, repeated.found = self.pieces * copies, self.docs * copies, self.found * copies
        return repeated

    def run(self, linter: Linter, rule: Rule) -> None:
        document = tuple(self.pieces)
        for piece, doc, found in zip(self.pieces, self.docs, self.found, strict=True):
            context = RuleContext(config=linter.config, text=piece, speaker="agent", document_segments=document)
            if rule.may_fire(piece, found, context):
                list(rule.check(doc, context))


@pytest.fixture(scope="module")
def parsed(linter: Linter) -> dict[tuple[str, int], Parsed]:
    texts = {
        "word soup": soup(RULE_SIZE),
        "punctuated word soup": soup(RULE_SIZE, punctuated=True),
    }
    found = {}
    for name, text in texts.items():
        once = Parsed(linter, text)
        found[(name, RULE_SIZE)] = once
        found[(name, 10 * RULE_SIZE)] = once.times(10)
    return found


def test_every_rule_grows_linearly(linter: Linter, parsed: dict[tuple[str, int], Parsed]) -> None:
    superlinear = []
    for rule in linter.rules:
        for shape in ("word soup", "punctuated word soup"):

            def run(size_text: str, rule: Rule = rule, shape: str = shape) -> None:
                parsed[(shape, int(size_text))].run(linter, rule)

            ratio = growth(run, str, RULE_SIZE, runs=3, floor=0.02)
            if ratio >= SUPERLINEAR_RATIO:
                superlinear.append(f"{rule.info.code} on {shape}: {ratio:.0f}x")
    assert not superlinear, "10x the input took this much more time: " + ", ".join(superlinear)
