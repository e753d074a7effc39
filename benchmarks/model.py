"""Accuracy, speed and size of Dutch pipelines for klantlint, side by side, against the issue's targets.

    OMP_NUM_THREADS=1 python benchmarks/model.py --ud PATH/TO/ud-dutch [--model bundled] [--model PATH ...]
        [--runs 5] [--json]

Evaluates every `--model` (default: the bundled one) on the UD held-out test split (whole documents, held out by
the training recipe's own split function, `training/splits.py`) and on the in-domain test split
(training/data/test), each also in transcript form (lowercase, punctuation removed). Speed is measured in the same
run for all models, alternating between them: the median of `--runs` passes over the UD test text, for the whole
pipeline and for its statistical parse alone (tok2vec + parser). Prints the report and writes
benchmarks/results/model.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.training.converters import conllu_to_docs

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))
sys.path.insert(0, str(REPO))
from conllu import Sentence, read_conllu, transcript_form  # noqa: E402
from splits import ud_splits  # noqa: E402

from benchmarks.results_header import write_results  # noqa: E402
from klantlint.nlp.pipeline import load_pipeline, model_folder, pipeline_label  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "model.md"
TARGETS = {
    "ud": {"pos": 0.93, "morph": 0.91, "lemma": 0.95, "las": 0.72},
    "in-domain": {"pos": 0.96, "las": 0.85},
    "in-domain transcript": {"pos": 0.94},
}
MIN_WORDS_PER_SECOND = 12_000
MAX_SIZE_MB = 20
PARSE_COMPONENTS = ("tok2vec", "parser")
METRICS = ("pos", "morph", "lemma", "uas", "las", "sents_f")


def normalise_lemma(lemma: str) -> str:
    return lemma.replace("_", "").lower()


def evaluate(nlp: Language, sentences: list[Sentence]) -> dict[str, float]:
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


def component_seconds(nlp: Language, texts: list[str]) -> tuple[int, float, float]:
    """One pass over `texts`, component by component: (words, seconds for the whole pipeline, for the parse)."""
    start = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    whole = time.perf_counter() - start
    parse = 0.0
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = (
            list(component.pipe(docs, batch_size=256)) if hasattr(component, "pipe") else [component(d) for d in docs]
        )
        elapsed = time.perf_counter() - start
        whole += elapsed
        parse += elapsed if name in PARSE_COMPONENTS else 0.0
    return sum(len(doc) for doc in docs), whole, parse


def speeds(pipelines: dict[str, Language], texts: list[str], runs: int) -> dict[str, dict[str, float]]:
    """Median words/s per pipeline (whole, parse), alternating the pipelines within each run after a warm-up."""
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label in pipelines}
    for nlp in pipelines.values():
        component_seconds(nlp, texts[:50])
    for _ in range(runs):
        for label, nlp in pipelines.items():
            words, whole, parse = component_seconds(nlp, texts)
            samples[label].append((words / whole, words / parse))
    return {
        label: {
            "whole": statistics.median(s[0] for s in runs_of),
            "parse": statistics.median(s[1] for s in runs_of),
        }
        for label, runs_of in samples.items()
    }


def uw_share(nlp: Language, sentences: list[Sentence]) -> tuple[int, int]:
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


def architecture(nlp: Language) -> str:
    """tok2vec width/depth and parser hidden width, read from the pipeline's config."""
    components = nlp.config["components"]
    encode = components["tok2vec"]["model"]["encode"]
    return f"width {encode['width']}, depth {encode['depth']}, hidden {components['parser']['model']['hidden_width']}"


def target_checks(row: dict[str, dict[str, float]], uw: tuple[int, int], size: float, speed: float) -> list[tuple]:
    checks: list[tuple[str, float, float, bool]] = []
    for name, targets in TARGETS.items():
        for metric, target in targets.items():
            checks.append((f"{name} {metric}", row[name][metric], target, row[name][metric] >= target))
    ok, total = uw
    checks.append(("in-domain 'uw' PRON Poss=Yes (share of sentences)", ok / max(total, 1), 1.0, ok == total))
    checks.append(("size (MB, at most)", size, MAX_SIZE_MB, size <= MAX_SIZE_MB))
    checks.append(("words/s on one core (whole pipeline)", speed, MIN_WORDS_PER_SECOND, speed >= MIN_WORDS_PER_SECOND))
    return checks


def report(labels: list[str], results: dict[str, dict], speed: dict[str, dict[str, float]], runs: int) -> list[str]:
    lines = ["| model | pipeline | architecture | MB on disk |", "|---|---|---|---|"]
    lines += [f"| `{m}` | {results[m]['name']} | {results[m]['arch']} | {results[m]['size']:.1f} |" for m in labels]
    lines += [
        "",
        "UD test: whole documents the recipe holds out (`training/splits.py`; ~10% of each UD file's sentences),",
        "never seen in training by a model trained with this recipe. A model trained with an older split may have",
        "seen sentences of these documents.",
        "",
        "| set | model | sentences | words | POS | morph | lemma (norm.) | UAS | LAS | sentence F |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in results[labels[0]]["rows"]:
        for m in labels:
            row = results[m]["rows"][name]
            values = " | ".join(f"{row[metric]:.3f}" for metric in METRICS)
            lines.append(f"| {name} | `{m}` | {row['sentences']} | {row['words']} | {values} |")
    checks = {
        m: target_checks(results[m]["rows"], results[m]["uw"], results[m]["size"], speed[m]["whole"]) for m in labels
    }
    lines += ["", "| target | " + " | ".join(f"`{m}`" for m in labels) + " | target |"]
    lines.append("|---|" + "---|" * (len(labels) + 1))
    for index, (label, _, target, _) in enumerate(checks[labels[0]]):
        cells = [f"{checks[m][index][1]:.3f}{'' if checks[m][index][3] else ' (NO)'}" for m in labels]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")
    lines += [
        "",
        f"Speed on the UD test text, one thread, median of {runs} runs, the models alternating within each run:",
        "",
        "| model | words/s, whole pipeline | words/s, parse (tok2vec + parser) |",
        "|---|---|---|",
    ]
    lines += [f"| `{m}` | {speed[m]['whole']:,.0f} | {speed[m]['parse']:,.0f} |" for m in labels]
    lines += [""]
    lines += [
        f"`{m}`: 'uw' tagged PRON with Poss=Yes in {results[m]['uw'][0]} of {results[m]['uw'][1]} in-domain test "
        "sentences that contain it."
        for m in labels
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ud", type=Path, required=True, help="folder with the UD Dutch CoNLL-U files")
    parser.add_argument("--model", action="append", help="a pipeline to measure (repeatable; default: bundled)")
    parser.add_argument("--runs", type=int, default=5, help="speed passes per model (median reported)")
    parser.add_argument("--json", action="store_true", help="also print one JSON line with all figures")
    args = parser.parse_args()
    import spacy

    labels: list[str] = args.model or ["bundled"]
    ud_test = ud_splits(args.ud)[2]
    indomain = [s for p in sorted((REPO / "training" / "data" / "test").glob("*.conllu")) for s in read_conllu(p)]
    sets = {
        "ud": ud_test,
        "ud transcript": [transcript_form(s) for s in ud_test],
        "in-domain": indomain,
        "in-domain transcript": [transcript_form(s) for s in indomain],
    }
    pipelines: dict[str, Language] = {}
    results: dict[str, dict] = {}
    for label in labels:
        spacy.util.fix_random_seed(0)
        nlp = pipelines[label] = load_pipeline(label)
        results[label] = {
            "name": pipeline_label(nlp),
            "arch": architecture(nlp),
            "size": model_size_mb(label),
            "rows": {name: evaluate(nlp, sentences) for name, sentences in sets.items()},
            "uw": uw_share(nlp, indomain),
        }
    speed = speeds(pipelines, [s.text for s in ud_test], args.runs)
    title = "Model benchmark: " + " vs ".join(results[m]["name"] for m in labels)
    print(write_results(RESULTS, title, report(labels, results, speed, args.runs)))
    if args.json:
        print(json.dumps({m: {**results[m], "words_per_s": speed[m]} for m in labels}))


if __name__ == "__main__":
    main()
