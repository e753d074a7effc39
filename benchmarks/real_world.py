"""klantlint on text written by others: the real-world corpus, scored against a judge's verdicts.

    python benchmarks/real_world.py [--split dev|test|test2|all] [--select default|ALL|KL001,KL0...]
                                    [--write-unjudged [PATH]] [--no-write]
    python benchmarks/real_world.py --dump-findings FILE [--split ...] [--select ...]

Runs klantlint (fast mode) over the items of the split in benchmarks/real/corpus.jsonl, matches every finding to
its judgement in benchmarks/real/judgements.jsonl by (id, code, start, end), and prints per rule: findings,
precision, useful share and known misses; overall: precision, useful share and estimated recall; and the figures
per kind and per variant. Writes benchmarks/results/real_world.md and real_world.json (the README's rules table
reads the per-rule figures of opt-in rules from the JSON). A finding without a judgement is UNJUDGED: it counts in
no figure, is listed, and with --write-unjudged goes to benchmarks/real/unjudged.jsonl for the judge. The formats
and the definitions of the figures are in benchmarks/real/JUDGING.md. `test` was scored once in round 2 and is now a
second dev split; `test2` is the fresh test split: score it once, at the end. `all` is every split.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from benchmarks.real_world_scoring import (  # noqa: E402
    SPLITS,
    Found,
    InputFault,
    Item,
    Judgements,
    Scored,
    Tally,
    in_split,
    read_corpus,
    read_judgements,
    score,
)
from benchmarks.results_header import command_line, commit_label, results_header, write_results  # noqa: E402

CORPUS = REPO / "benchmarks" / "real" / "corpus.jsonl"
JUDGEMENTS = REPO / "benchmarks" / "real" / "judgements.jsonl"
UNJUDGED = REPO / "benchmarks" / "real" / "unjudged.jsonl"
RESULTS_MD = REPO / "benchmarks" / "results" / "real_world.md"
RESULTS_JSON = REPO / "benchmarks" / "results" / "real_world.json"
SHOWN_UNJUDGED = 20


def run_klantlint(items: list[Item], select: str) -> tuple[dict[str, list[Found]], set[str], str]:
    """Findings per item id (fast mode), the codes of the selected rules, and the pipeline's label."""
    from klantlint import Config, Linter

    config = Config() if select.lower() == "default" else Config(select=select.split(","))
    linter = Linter(config, mode="fast")
    findings: dict[str, list[Found]] = {}
    for item, found in zip(items, linter.pipe([item.text for item in items]), strict=True):
        findings[item.id] = [Found(item.id, f.code, f.start, f.end, f.text, f.message) for f in found]
    return findings, linter.enabled_codes(), linter.pipeline


def finding_record(finding: Found, item: Item) -> dict[str, Any]:
    """A finding as the judge sees it: where it is, what klantlint said, and the whole item."""
    return {
        "id": finding.id,
        "code": finding.code,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
        "message": finding.message,
        "item_text": item.text,
        "kind": item.kind,
        "variant": item.variant,
        "split": item.split,
    }


def write_findings(path: Path, findings: list[Found], items: dict[str, Item]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for finding in findings:
            handle.write(json.dumps(finding_record(finding, items[finding.id]), ensure_ascii=False) + "\n")


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def tally_table(label: str, tallies: dict[str, Tally]) -> list[str]:
    columns = [label, "items", "findings", "judged", "TP", "FP", "precision", "useful", "useful share"]
    columns += ["known misses", "est. recall", "unjudged"]
    rows = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for name, t in tallies.items():
        cells = [name, str(t.items), str(t.findings), str(t.judged), str(t.tp), str(t.fp), _figure(t.precision)]
        cells += [str(t.useful), _figure(t.useful_share), str(t.known_misses), _figure(t.estimated_recall)]
        cells.append(str(t.unjudged))
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def rule_table(tallies: dict[str, Tally]) -> list[str]:
    columns = ["rule", "findings", "judged", "TP", "FP", "precision", "useful", "low", "useful share"]
    columns += ["known misses", "unjudged"]
    rows = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for code, t in tallies.items():
        cells = [code, str(t.findings), str(t.judged), str(t.tp), str(t.fp), _figure(t.precision), str(t.useful)]
        cells += [str(t.low), _figure(t.useful_share), str(t.known_misses), str(t.unjudged)]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def overall_lines(t: Tally) -> list[str]:
    misses = t.estimated_misses
    return [
        f"- findings: {t.findings} on {t.items} items ({t.judged} judged, {t.unjudged} unjudged)",
        f"- precision: {_figure(t.precision)} ({t.tp} TP / {t.judged} judged)",
        f"- useful share: {_figure(t.useful_share)} ({t.useful} useful TP / {t.judged} judged; {t.low} low-value TP)",
        f"- estimated recall: {_figure(t.estimated_recall)} = TP / (TP + estimated misses); estimated misses "
        f"{_figure(misses)} = {t.sample_misses} misses in a sample of {t.sampled} of the {t.no_finding_items} "
        f"no-finding items, scaled, + {t.known_misses} known misses",
    ]


TITLE = "klantlint on real-world text (benchmarks/real_world.py)"


def report_lines(scored: Scored, header: dict[str, Any]) -> list[str]:
    """The report below the shared header (`results_header`), which gives the date, commit and machine load."""
    lines = [
        f"On split **{header['split']}**, rules: {header['select']} "
        f"({len(header['codes'])} rules), pipeline {header['pipeline']}, fast mode.",
        "Definitions and the judging procedure: benchmarks/real/JUDGING.md.",
        "",
    ]
    if scored.unjudged:
        lines += [
            f"**Incomplete: {len(scored.unjudged)} findings are not judged yet.** They count in no figure below; "
            "`--write-unjudged` lists them for the judge.",
            "",
        ]
    lines += ["## Overall", "", *overall_lines(scored.overall), ""]
    lines += ["## Per rule", "", *rule_table(scored.per_rule), ""]
    lines += ["## Per kind", "", *tally_table("kind", dict(sorted(scored.per_kind.items()))), ""]
    lines += ["## Per variant", "", *tally_table("variant", dict(sorted(scored.per_variant.items()))), ""]
    if scored.lost:
        lines += [f"{len(scored.lost)} findings judged TP earlier are no longer found; they count as known misses.", ""]
    return lines


def results_json(scored: Scored, header: dict[str, Any]) -> dict[str, Any]:
    return {
        **header,
        "codes": sorted(header["codes"]),
        "overall": scored.overall.as_dict(),
        "per_rule": {code: tally.as_dict() for code, tally in scored.per_rule.items()},
        "per_kind": {kind: tally.as_dict() for kind, tally in sorted(scored.per_kind.items())},
        "per_variant": {variant: tally.as_dict() for variant, tally in sorted(scored.per_variant.items())},
        "unjudged": len(scored.unjudged),
        "lost": len(scored.lost),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="dev")
    parser.add_argument("--select", default="default", help="default (the default set), ALL, or codes/prefixes")
    parser.add_argument("--write-unjudged", nargs="?", const=UNJUDGED, type=Path, metavar="PATH")
    parser.add_argument("--dump-findings", type=Path, metavar="FILE", help="write every finding for the judge")
    parser.add_argument("--no-write", action="store_true", help="do not write benchmarks/results/real_world.*")
    parser.add_argument("--results-md", type=Path, default=RESULTS_MD)
    parser.add_argument("--results-json", type=Path, default=RESULTS_JSON)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        corpus = read_corpus(args.corpus)
        judgements = (
            read_judgements(args.judgements, {item.id for item in corpus}) if args.judgements.exists() else Judgements()
        )
    except (OSError, InputFault) as error:
        print(f"real_world: {error}", file=sys.stderr)
        return 2
    items = in_split(corpus, args.split)
    by_id = {item.id: item for item in items}
    findings, codes, pipeline = run_klantlint(items, args.select)
    every_finding = [finding for item in items for finding in findings[item.id]]
    if args.dump_findings:
        write_findings(args.dump_findings, every_finding, by_id)
        print(f"{len(every_finding)} findings on {len(items)} items written to {args.dump_findings}")
        return 0
    if not args.judgements.exists():
        print(f"real_world: {args.judgements} does not exist: every finding is unjudged", file=sys.stderr)
    scored = score(items, findings, judgements, codes)
    header = {
        "date": datetime.date.today().isoformat(),
        "commit": commit_label(),
        "split": args.split,
        "select": args.select,
        "codes": codes,
        "pipeline": pipeline,
    }
    lines = report_lines(scored, header)
    command = command_line(None if argv is None else [__file__, *argv])
    print("\n".join([*results_header(TITLE, command=command), *lines]))
    for finding in scored.unjudged[:SHOWN_UNJUDGED]:
        print(f"UNJUDGED {finding.id} {finding.code} {finding.start}-{finding.end} {finding.text!r}")
    if len(scored.unjudged) > SHOWN_UNJUDGED:
        print(f"UNJUDGED ... and {len(scored.unjudged) - SHOWN_UNJUDGED} more")
    if args.write_unjudged:
        write_findings(args.write_unjudged, scored.unjudged, by_id)
        print(f"{len(scored.unjudged)} unjudged findings written to {args.write_unjudged}")
    if not args.no_write:
        write_results(args.results_md, TITLE, lines, command=command)
        data = results_json(scored, header)
        args.results_json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
