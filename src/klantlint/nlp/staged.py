"""Running the pipeline with the dependency parser only on the texts that need its tree.

The parser does two things: it builds the dependency tree, and it decides sentence boundaries where none
are preset. `klantlint_sentences` presets every boundary of a punctuated text, and the parser respects
preset boundaries, so on such a text the parser adds only the tree. Tags, morphology and lemmas come from
components that do not read the tree (the morphologizer and parser each read the shared tok2vec output from
`doc.tensor`). A text whose rules read no tree and whose boundaries are all preset can therefore skip the
parser, and its doc is the same as a full parse in everything but `head` and `dep_`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from klantlint.nlp.domain import COMPONENT_NAME, SENTENCES_COMPONENT

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PARSER = "parser"
# Factories that may run after the parser on a doc without a tree: they read tags, morphology and the text only.
TREE_FREE_FACTORIES = frozenset({"lemmatizer", COMPONENT_NAME})


def boundaries_preset(doc: Doc) -> bool:
    """Whether every token's sentence start is decided before the parser runs."""
    return all(token.is_sent_start is not None for token in doc[1:])


class StagedPipeline:
    """`nlp.pipe` in stages: every component except the parser on all texts, the parser where needed."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        names = nlp.pipe_names
        self._after_parser = names[names.index(PARSER) + 1 :] if PARSER in names else []
        self.can_skip_parser = (
            PARSER in names
            and SENTENCES_COMPONENT in names
            and names.index(SENTENCES_COMPONENT) < names.index(PARSER)
            and all(nlp.get_pipe_meta(name).factory in TREE_FREE_FACTORIES for name in self._after_parser)
        )

    def parse(self, texts: Sequence[str], needs_tree: Sequence[bool], batch_size: int) -> list[tuple[Doc, bool]]:
        """A doc for each text, and whether it has the dependency tree. A text gets the tree when
        `needs_tree` says so or when the parser must decide its sentence boundaries."""
        if not self.can_skip_parser or all(needs_tree):
            return [(doc, True) for doc in self.nlp.pipe(texts, batch_size=batch_size)]
        docs = list(self.nlp.pipe(texts, batch_size=batch_size, disable=[PARSER, *self._after_parser]))
        with_tree = [need or not boundaries_preset(doc) for doc, need in zip(docs, needs_tree, strict=True)]
        needing = [doc for doc, tree in zip(docs, with_tree, strict=True) if tree]
        parsed = iter(_run(self.nlp.get_pipe(PARSER), needing, batch_size))
        docs = [next(parsed) if tree else doc for doc, tree in zip(docs, with_tree, strict=True)]
        for name in self._after_parser:
            docs = _run(self.nlp.get_pipe(name), docs, batch_size)
        return list(zip(docs, with_tree, strict=True))


def _run(component: Any, docs: Iterable[Doc], batch_size: int) -> list[Doc]:
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=batch_size))
    return [component(doc) for doc in docs]
