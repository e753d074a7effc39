"""KL016 lange-zin: a sentence of more than `max_words` words (`[tool.klantlint.rules.KL016] max_words`, or the older
top-level `max_sentence_words`).

Sentences and words are counted on the surface, the way a reader or listener counts them, not from
the parse: a sentence ends at '.', '?', '!' or '…' followed by whitespace, or at a line break; ':' and
';' do not end it. A word is a whitespace-separated piece with a letter or digit in it, so "'s" and
"3512" count and a lone dash does not. An unpunctuated transcript turn is one stretch of speech
without a pause the transcriber marked, so it counts as one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from pydantic import Field

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo, RuleOptions

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from klantlint.config import Config

# The end of a sentence: closing punctuation (with closing quotes/brackets) before whitespace, or a line break.
SENTENCE_END = re.compile(r"[.?!…]+[\"'”’)\]]*(?=\s|$)|\n")
WORD = re.compile(r"\S+")
HAS_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# Masking blanks e-mail addresses and URLs to spaces of the same length; such a run is one spoken word.
MASKED_RUN = re.compile(r"(?<=\S)[ \t]{5,}(?=\S)")
# Points where a long sentence splits into two without changing a word: "X; y" and "X, maar y" -> "X. Maar y".
SPLIT_POINT = re.compile(r";\s+|,\s+(?=(?:maar|want|dus|en dan|daarna|daarom)\b)", re.IGNORECASE)
MIN_PART_WORDS = 5


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in `text`, trimmed of surrounding whitespace."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        yield from _trimmed(text, start, match.end())
        start = match.end()
    yield from _trimmed(text, start, len(text))


def long_sentences(text: str, limit: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, words) of each sentence of more than `limit` words."""
    for start, end in sentence_spans(text):
        words = count_words(text[start:end])
        if words > limit:
            yield start, end, words


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + (len(piece) - len(piece.lstrip()))
        yield offset, offset + len(stripped)


def count_words(text: str) -> int:
    words = sum(1 for word in WORD.findall(text) if HAS_LETTER_OR_DIGIT.search(word))
    return words + len(MASKED_RUN.findall(text))


class LongSentenceOptions(RuleOptions):
    # A sentence with more words than this is reported.
    max_words: int = Field(default=20, ge=1)


class LongSentence(Rule):
    Options = LongSentenceOptions
    options: LongSentenceOptions
    info = RuleInfo(
        code="KL016",
        name="lange-zin",
        severity="info",
        summary="Een zin van meer dan 20 woorden (instelbaar met max_sentence_words).",
        default=False,
        group="stijl",
        opt_in_reason="Hoe lang een zin mag zijn, verschilt per team en kanaal; stel de grens zelf in.",
        rationale="Een beller hoort een zin maar één keer; een lange zin is aan het eind al half vergeten.",
        explanation=Explanation(
            wat_gaat_er_mis="De zin telt meer woorden dan de ingestelde grens (standaard 20). In een transcript "
            "zonder leestekens telt de hele beurt als één zin.",
            waarom="Gesproken taal vraagt om korte zinnen. De beller kan niet terugkijken: wie aan het eind van een "
            "lange zin komt, is het begin kwijt, en afspraken of getallen halverwege gaan verloren.",
            voorbeeld="Als u de meterstand vandaag nog doorgeeft via de app of de website dan kan ik de "
            "jaarafrekening voor het einde van de maand aanpassen en ontvangt u het verschil terug.",
            beter="Geeft u de meterstand vandaag nog door, via de app of de website? Dan pas ik de jaarafrekening "
            "voor het einde van de maand aan. Het verschil krijgt u terug.",
            veilig="Nee. Alleen bij een puntkomma of een komma voor 'maar', 'want' of 'dus' stelt klantlint voor de "
            "zin daar in tweeën te knippen; de woorden blijven dan gelijk, maar of de delen goed lopen, beoordeelt "
            "u zelf. Verder inkorten is schrijfwerk.",
        ),
        bad_examples=[
            "Ik heb uw gegevens voor me en ik zie dat de monteur vorige week is langsgekomen maar dat de storing "
            "daarna opnieuw is begonnen in de meterkast.",
            "ja dus eh wat ik dan doe is ik kijk even in uw gegevens en dan zie ik of de monteur al een datum heeft",
            "De rente op uw spaarrekening gaat per de eerste van volgende maand omhoog van anderhalf naar twee "
            "procent, en dat geldt automatisch voor het hele saldo.",
            "Ik vat het even samen: de monteur komt dinsdag tussen acht en twaalf uur, hij vervangt de meter en u "
            "hoeft daarvoor niets te betalen.",
        ],
        good_examples=[
            "De monteur komt dinsdag tussen acht en twaalf uur. Hij vervangt de meter. U hoeft niets te betalen.",
            "ik kijk even in uw gegevens. dan zie ik of de monteur al een datum heeft",
            # Exactly 20 words: at the limit, not over it.
            "Ik heb uw gegevens voor me en ik zie dat de monteur vorige week bij u is langsgekomen voor onderhoud.",
            "Goedemorgen, u spreekt met Jaap de Vries van ABC. Waarmee kan ik u helpen?",
        ],
    )
    # Any text can hold a long sentence, so there is no trigger word; `may_fire` counts words instead.
    triggers = None
    # Sentences and words are counted on the characters (see the module docstring), never on the parse.
    needs = "characters"

    def options_from_config(self, config: Config) -> dict[str, Any]:
        # The older top-level key; `[tool.klantlint.rules.KL016] max_words` overrides it.
        return {"max_words": config.max_sentence_words}

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        limit = self.options.max_words
        # A short text cannot hold a long sentence; only a long one is split into sentences. Without a masked
        # run (5+ spaces or a tab), the whitespace-separated pieces bound the word count from above.
        if len(text.split()) <= limit and "\t" not in text and "     " not in text:
            return False
        return count_words(text) > limit and next(long_sentences(text, limit), None) is not None

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        limit = self.options.max_words
        text = doc.text
        for start, end, words in long_sentences(text, limit):
            message = (
                f"Deze zin telt {words} woorden (meer dan {limit}). Een beller hoort hem maar één keer: "
                "knip hem op in korte zinnen met één boodschap per zin."
            )
            yield Hit(start, end, message, tuple(_split_fix(text, start, end)))


def _split_fix(text: str, start: int, end: int) -> Iterator[ProposedFix]:
    """Split at the ';' or ', maar/want/dus' nearest the middle, when both halves keep a few words."""
    sentence = text[start:end]
    middle = len(sentence) / 2
    candidates = [
        match
        for match in SPLIT_POINT.finditer(sentence)
        if count_words(sentence[: match.start()]) >= MIN_PART_WORDS
        and count_words(sentence[match.end() :]) >= MIN_PART_WORDS
    ]
    if not candidates:
        return
    best = min(candidates, key=lambda m: abs(m.start() - middle))
    following = sentence[best.end() : best.end() + 1]
    if not following.isalpha():
        return
    yield ProposedFix(
        replacement=". " + following.upper(),
        start=start + best.start(),
        end=start + best.end() + 1,
        description="Knip de zin hier in tweeën.",
        safe=False,
    )
