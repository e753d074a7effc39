"""The training recipe's held-out split keeps whole documents apart (training/splits.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
from conllu import Sentence
from splits import document_id, split_by_document


def sentence(sent_id: str) -> Sentence:
    return Sentence(comments=[f"# sent_id = {sent_id}"], rows=[], meta={"sent_id": sent_id})


@pytest.mark.parametrize(
    ("sent_id", "document"),
    [
        ("wiki-1181.p.10.s.1", "wiki-1181"),
        ("WR-P-E-I-0000006366.p.3.s.2", "WR-P-E-I-0000006366"),
        ("WR-P-P-H-0000000105\\WR-P-P-H-0000000105.p.5.s.4", "WR-P-P-H-0000000105"),
    ],
)
def test_document_id_is_the_sent_id_prefix(sent_id: str, document: str) -> None:
    assert document_id(sentence(sent_id)) == document


def test_a_sentence_without_sent_id_is_an_error_naming_its_place() -> None:
    nameless = Sentence(comments=[], rows=[], source="x.conllu", line=7)
    with pytest.raises(ValueError, match=r"x\.conllu:7"):
        document_id(nameless)


def corpus() -> list[Sentence]:
    """60 documents of 1 to 30 sentences, in both sent_id styles, sentences of a document interleaved."""
    sentences = []
    for s in range(30):
        for d in range(60):
            if s < 1 + (d * 7) % 30:
                name = f"wiki-{d}.p.1.s.{s}" if d % 2 else f"WR-P-P-H-{d:010d}\\WR-P-P-H-{d:010d}.p.1.s.{s}"
                sentences.append(sentence(name))
    return sentences


def test_no_document_is_in_two_splits_and_shares_are_near_8_1_1() -> None:
    sentences = corpus()
    train, dev, test = split_by_document(sentences)
    documents = [{document_id(s) for s in part} for part in (train, dev, test)]
    assert not (documents[0] & documents[1]) and not (documents[0] & documents[2]) and not (documents[1] & documents[2])
    assert len(train) + len(dev) + len(test) == len(sentences)
    for part, share in ((train, 0.8), (dev, 0.1), (test, 0.1)):
        assert abs(len(part) / len(sentences) - share) < 0.04


def test_the_split_does_not_depend_on_sentence_order() -> None:
    sentences = corpus()
    forward = split_by_document(sentences)
    backward = split_by_document(list(reversed(sentences)))
    for a, b in zip(forward, backward, strict=True):
        assert {s.meta["sent_id"] for s in a} == {s.meta["sent_id"] for s in b}
