"""Pre-annotate raw sentences as CoNLL-U with a trained pipeline, for correction by hand.

    python training/bootstrap.py --model PATH --prefix kl-a sentences.txt > draft.conllu

Input: one sentence per line; a line may start with a tag in brackets that is kept as a comment,
e.g. "[agent script] Wat was uw naam ook alweer?". Every token of the output is then checked and
corrected by hand (see training/data/README.md); the model's draft is only a starting point.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.tokens import Token


def feats(token: Token) -> str:
    morph = str(token.morph)
    return morph if morph else "_"


def head_index(token: Token, sent_start: int) -> str:
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return "0"
    return str(token.head.i - sent_start + 1)


def to_conllu(nlp: spacy.Language, text: str, sent_id: str, tags: str) -> str:
    doc = nlp(text)
    tokens = list(doc)
    lines = [f"# sent_id = {sent_id}"]
    if tags:
        genre, _, style = tags.partition(" ")
        lines.append(f"# speaker = {genre}")
        lines.append(f"# style = {style or 'script'}")
    lines.append(f"# text = {text}")
    # A draft is one sentence by definition: attach any extra roots to the first root.
    roots = [t for t in tokens if t.dep_ == "ROOT" or t.head.i == t.i]
    main_root = roots[0] if roots else tokens[0]
    for position, token in enumerate(tokens, start=1):
        if token is main_root:
            head, deprel = "0", "root"
        elif token in roots:
            head, deprel = str(main_root.i + 1), "parataxis"
        else:
            head, deprel = head_index(token, 0), token.dep_
        misc = "_" if token.whitespace_ or position == len(tokens) else "SpaceAfter=No"
        lemma = token.lemma_ or token.text.lower()
        lines.append(
            "\t".join([str(position), token.text, lemma, token.pos_ or "X", "_", feats(token), head, deprel, "_", misc])
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, type=Path)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--start", type=int, default=1)
    parser.add_argument("sentences", type=Path)
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    number = args.start
    for raw in args.sentences.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        tags = ""
        if line.startswith("["):
            tags, _, line = line[1:].partition("]")
            line = line.strip()
        sys.stdout.write(to_conllu(nlp, line, f"{args.prefix}-{number:04d}", tags.strip()) + "\n")
        number += 1


if __name__ == "__main__":
    main()
