"""Texts for comparing two loads of the pipeline: the sentences of the test corpora and a few that exercise the
tokenizer's special cases, affixes, URLs and numbers, and a Hypothesis strategy of Dutch-ish text."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

CORPUS = Path(__file__).parent / "corpus"
# Abbreviations ("d.w.z.", "bijv."), elisions ("'s ochtends", "zo'n"), e-mail addresses and links, amounts, dates,
# emoticons and transcript noise.
EXTRA = [
    "Dat is d.w.z. morgen om 9.30 uur, bijv. 's ochtends of 's avonds, zo'n 12,50 euro (incl. btw).",
    "Mail naar info@netvast.nl of kijk op https://www.netvast.nl/faq?id=3&x=y, dhr. Jansen.",
    "ehm... ja-nee, da's 't punt :) 10-12-2025 t/m 1-1-2026; m.a.w. NIET.",
    "U heeft 'n e-mail gekregen? Ok\u00e9, pr\u00e9cies: \u20ac 1.250,- of $20!!",
]
_PIECES = [
    *"de het een ik u we zij niet wel kan zal heeft had was zijn worden werd moet mag".split(),
    *"klant klanten factuur facturen storing monteur abonnement rekening bellen teruggebeld gebeld".split(),
    *"helaas natuurlijk morgen vandaag graag even alstublieft bedankt sorry mevrouw meneer".split(),
    *"d.w.z. bijv. incl. excl. m.a.w. t/m dhr. mevr. nr. 's zo'n da's 't 'n ca. o.a. e.d.".split(),
    *"1 12 9.30 12,50 € 1.250,- 10-12-2025 06-12345678 info@netvast.nl www.netvast.nl :) ;-)".split(),
    *". , ! ? ; : ( ) ' \" - ... / %".split(),
    "Groningen",
    "NetVast",
    "Jansen",
    "ZIGGO",
    "ehm",
]


def corpus_texts() -> list[str]:
    """The fixed texts above and every utterance of the test corpora."""
    texts = list(EXTRA)
    for name in ("utterances.jsonl", "heldout.jsonl"):
        with (CORPUS / name).open(encoding="utf-8") as lines:
            texts.extend(str(json.loads(line)["text"]) for line in lines if line.strip())
    return texts


def dutchish_texts() -> st.SearchStrategy[str]:
    """Words, abbreviations, numbers and punctuation, joined by a space, nothing or a newline."""
    piece = st.sampled_from(_PIECES)
    glue = st.sampled_from([" ", " ", " ", "", "\n", "  "])
    return st.lists(st.tuples(piece, glue), min_size=1, max_size=25).map(
        lambda parts: "".join(word + space for word, space in parts)
    )
