"""Accuracy, speed and size of the Dutch pipeline klantlint uses, against the issue's targets.

    python benchmarks/model.py --ud PATH/TO/ud-dutch [--model bundled] [--json]

Evaluates on the UD held-out split (every 10th sentence of each UD file, as the training recipe holds
it out) and on the in-domain test split (training/data/test), each also in transcript form (lowercase,
punctuation removed). Prints a table and writes benchmarks/results/model.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.training.converters import conllu_to_docs

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))
sys.path.insert(0, str(REPO))
from conllu import Sentence, read_conllu, split_by_index, transcript_form  # noqa: E402

from benchmarks.results_header import write_results  # noqa: E402
from klantlint.nlp.pipeline import load_pipeline, model_folder  # noqa: E402

UD_FILES = ("nl_alpino-ud-dev.conllu", "nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu")
RESULTS = REPO / "benchmarks" / "results" / "model.md"
TARGETS = {
    "ud": {"pos": 0.93, "morph": 0.91, "lemma": 0.95, "las": 0.72},
    "in-domain": {"pos": 0.96, "las": 0.85},
    "in-domain transcript": {"pos": 0.94},
}
MIN_WORDS_PER_SECOND = 12_000
MAX_SIZE_MB = 20


def normalise_lemma(lemma: str) -> str:
    return lemma.replace("_", "").lower()


def evaluate(nlp, sentences: list[Sentence]) -> dict[str, float]:
    text = "\n".join(s.to_conllu() for s in sentences)
    # Re-home the gold docs in the pipeline's vocab so the scorer can read their strings.
    references = list(DocBin(docs=conllu_to_docs(text, n_sents=8, no_print=True)).get_docs(nlp.vocab))
    scores = nlp.evaluate([Example(nlp.make_doc(ref.text), ref) for ref in references])
    # Lemmas are compared on the gold tokenisation, so every gold token has exactly one prediction.
    gold_tokenised = [
        Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref]) for ref in references
    ]
    lemma_hits = lemma_total = 0
    for predicted, reference in zip(nlp.pipe(gold_tokenised), references, strict=True):
        for guess, gold in zip(predicted, reference, strict=True):
            if gold.is_punct:
                continue
            lemma_total += 1
            lemma_hits += normalise_lemma(guess.lemma_) == normalise_lemma(gold.lemma_)
    words = sum(len(doc) for doc in references)
    return {
        "sentences": len(sentences),
        "words": words,
        "pos": scores.get("pos_acc") or 0.0,
        "morph": scores.get("morph_acc") or 0.0,
        "lemma": lemma_hits / lemma_total if lemma_total else 0.0,
        "uas": scores.get("dep_uas") or 0.0,
        "las": scores.get("dep_las") or 0.0,
        "sents_f": scores.get("sents_f") or 0.0,
    }


def words_per_second(nlp, sentences: list[Sentence], repeats: int = 3) -> float:
    """Throughput of the whole pipeline on one core, after a warm-up, over `repeats` passes."""
    texts = [s.text for s in sentences]
    list(nlp.pipe(texts[:50]))
    start = time.perf_counter()
    words = 0
    for _ in range(repeats):
        for doc in nlp.pipe(texts, batch_size=256):
            words += len(doc)
    return words / (time.perf_counter() - start)


def uw_share(nlp, sentences: list[Sentence]) -> tuple[int, int]:
    """Sentences with 'uw' in which every 'uw' is PRON with Poss=Yes, out of those with 'uw'."""
    ok = total = 0
    for sentence in sentences:
        doc = nlp(sentence.text)
        uws = [t for t in doc if t.lower_ == "uw"]
        if not uws:
            continue
        total += 1
        ok += all(t.pos_ == "PRON" and "Poss=Yes" in str(t.morph) for t in uws)
    return ok, total


def model_size_mb(model: str) -> float:
    folder = model_folder(model)
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / (1024 * 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ud", type=Path, required=True, help="folder with the UD Dutch CoNLL-U files")
    parser.add_argument("--model", default="bundled")
    parser.add_argument("--json", action="store_true", help="also print one JSON line with all figures")
    args = parser.parse_args()
    import spacy

    spacy.util.fix_random_seed(0)
    nlp = load_pipeline(args.model)
    ud_test: list[Sentence] = []
    for name in UD_FILES:
        ud_test += split_by_index(read_conllu(args.ud / name))[2]
    indomain = [s for p in sorted((REPO / "training" / "data" / "test").glob("*.conllu")) for s in read_conllu(p)]
    sets = {
        "ud": ud_test,
        "ud transcript": [transcript_form(s) for s in ud_test],
        "in-domain": indomain,
        "in-domain transcript": [transcript_form(s) for s in indomain],
    }
    rows = {name: evaluate(nlp, sentences) for name, sentences in sets.items()}
    uw_ok, uw_total = uw_share(nlp, indomain)
    size = model_size_mb(args.model)
    speed = words_per_second(nlp, ud_test)

    checks: list[tuple[str, float, float, bool]] = []
    for name, targets in TARGETS.items():
        for metric, target in targets.items():
            checks.append((f"{name} {metric}", rows[name][metric], target, rows[name][metric] >= target))
    checks.append(
        ("in-domain 'uw' PRON Poss=Yes (share of sentences)", uw_ok / max(uw_total, 1), 1.0, uw_ok == uw_total)
    )
    checks.append(("size (MB, at most)", size, MAX_SIZE_MB, size <= MAX_SIZE_MB))
    checks.append(("words/s on one core", speed, MIN_WORDS_PER_SECOND, speed >= MIN_WORDS_PER_SECOND))

    header = "| set | sentences | words | POS | morph | lemma (norm.) | UAS | LAS | sentence F |"
    lines = [
        f"Pipeline `{args.model}` with klantlint's domain layer; {size:.1f} MB on disk.",
        "",
        header,
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, row in rows.items():
        lines.append(
            f"| {name} | {row['sentences']} | {row['words']} | {row['pos']:.3f} | {row['morph']:.3f} | "
            f"{row['lemma']:.3f} | {row['uas']:.3f} | {row['las']:.3f} | {row['sents_f']:.3f} |"
        )
    lines += ["", "| target | measured | target | met |", "|---|---|---|---|"]
    lines += [
        f"| {label} | {value:.3f} | {target} | {'yes' if met else 'NO'} |" for label, value, target, met in checks
    ]
    lines += ["", f"Throughput: {speed:,.0f} words/s on one core (UD held-out text, whole pipeline)."]
    lines += ["", f"'uw' tagged PRON with Poss=Yes in {uw_ok} of {uw_total} in-domain test sentences that contain it."]
    print(
        write_results(RESULTS, f"Model benchmark: {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}", lines)
    )
    if args.json:
        print(
            json.dumps(
                {"model": args.model, "size_mb": size, "words_per_s": speed, "rows": rows, "uw": [uw_ok, uw_total]}
            )
        )


if __name__ == "__main__":
    main()
