"""klantlint's domain layer, added to whichever Dutch pipeline is loaded.

Statistical Dutch models are trained on news and Wikipedia, where "uw" and "u" hardly occur and
auxiliaries are left unlemmatised by the rule-based lemmatizer. This component fixes closed-class
words whose analysis never depends on context, so the rules see the same analysis with the bundled
pipeline and with a user's `nl_core_news_sm`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from klantlint.nlp.lexicon import SENTENCE_END_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT_NAME = "klantlint_domain"
SENTENCES_COMPONENT = "klantlint_sentences"

# Every inflected form of the Dutch auxiliaries and copulas (a closed class), with its lemma.
AUX_LEMMAS: dict[str, str] = {}
for lemma, forms in {
    "zijn": "ben bent is zijn was waren geweest wees weest zij zijnde",
    "hebben": "heb hebt heeft hebben had hadden gehad",
    "worden": "word wordt worden werd werden geworden",
    "kunnen": "kan kun kunt kunnen kon konden gekund",
    "zullen": "zal zult zullen zou zoudt zouden",
    "moeten": "moet moeten moest moesten gemoeten",
    "mogen": "mag mogen mocht mochten gemogen moge",
    "willen": "wil wilt willen wilde wilden wou wouden gewild",
    "hoeven": "hoef hoeft hoeven hoefde hoefden",
    "blijken": "blijk blijkt blijken bleek bleken gebleken",
    "lijken": "lijk lijkt lijken leek leken geleken",
    "blijven": "blijf blijft blijven bleef bleven gebleven",
    "gaan": "ga gaat gaan ging gingen gegaan",
    "komen": "kom komt komen kwam kwamen gekomen",
    "laten": "laat laten liet lieten gelaten",
    "krijgen": "krijg krijgt krijgen kreeg kregen gekregen",
    "heten": "heet heten heette heetten geheten",
    "schijnen": "schijn schijnt schijnen scheen schenen",
}.items():
    for form in forms.split():
        AUX_LEMMAS[form] = lemma

# Closed-class words whose part of speech and features do not depend on context.
CLOSED_CLASS: dict[str, tuple[str, str]] = {
    "uw": ("PRON", "Person=2|Poss=Yes|PronType=Prs"),
    "jouw": ("PRON", "Person=2|Poss=Yes|PronType=Prs"),
    "jullie": ("PRON", "Person=2|PronType=Prs"),
    "u": ("PRON", "Person=2|PronType=Prs"),
    "jij": ("PRON", "Case=Nom|Person=2|PronType=Prs"),
    "nee": ("INTJ", ""),
    "helaas": ("ADV", ""),
    "neen": ("INTJ", ""),
    "momentje": ("NOUN", "Gender=Neut|Number=Sing"),
    "ogenblikje": ("NOUN", "Gender=Neut|Number=Sing"),
    "mailtje": ("NOUN", "Gender=Neut|Number=Sing"),
    "e-mail": ("NOUN", "Number=Sing"),
    "e-mailadres": ("NOUN", "Gender=Neut|Number=Sing"),
}
CLOSED_CLASS_LEMMAS = {"uw": "uw", "jouw": "jouw", "u": "u", "jij": "jij", "jullie": "jullie", "nee": "nee"}


# "de was" is the laundry: after these words "was" cannot be the verb.
LAUNDRY_DETERMINERS = frozenset({"de", "mijn", "uw", "jouw", "onze"})


def klantlint_domain(doc: Doc) -> Doc:
    for token in doc:
        if token.lower_ == "was" and token.i > 0 and doc[token.i - 1].lower_ in LAUNDRY_DETERMINERS:
            token.pos_ = "NOUN"
            token.set_morph("Gender=Com|Number=Sing")
            token.lemma_ = "was"
            continue
        lower = token.lower_
        fixed = CLOSED_CLASS.get(lower)
        if fixed is not None:
            pos, morph = fixed
            if token.pos_ != pos:
                token.pos_ = pos
                token.set_morph(morph or None)
            elif lower in ("u", "jij") and "Person=2" not in str(token.morph):
                token.set_morph(morph)
            if lower in CLOSED_CLASS_LEMMAS:
                token.lemma_ = CLOSED_CLASS_LEMMAS[lower]
            elif not token.lemma_:
                token.lemma_ = lower
        if token.pos_ == "AUX" and lower in AUX_LEMMAS:
            token.lemma_ = AUX_LEMMAS[lower]
        elif not token.lemma_:
            token.lemma_ = lower
    return doc


def klantlint_sentences(doc: Doc) -> Doc:
    """Fix sentence boundaries from punctuation and line breaks before the parser runs.

    Where a writer punctuated, the punctuation is the truth; the parser, which respects preset
    boundaries, only decides for unpunctuated transcript text.
    """
    punctuated = any(token.text in SENTENCE_END_MARKS for token in doc)
    for index in range(1, len(doc)):
        previous = doc[index - 1]
        if "\n" in previous.text and previous.is_space:
            doc[index].is_sent_start = True
        elif punctuated:
            doc[index].is_sent_start = previous.text in SENTENCE_END_MARKS and doc[index].text not in SENTENCE_END_MARKS
    return doc


@cache
def register_components() -> None:
    """Make both components known to spaCy under their names; called before a pipeline is loaded (a saved
    pipeline may name them), not on import, so that reading the rules does not import spaCy."""
    from spacy.language import Language

    Language.component(COMPONENT_NAME, func=klantlint_domain)
    Language.component(SENTENCES_COMPONENT, func=klantlint_sentences)
