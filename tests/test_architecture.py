"""The house rules that CI checks: one-way layers, ruff-clean and type-checked code, and a catalogue readable (and a
clean script checked) without spaCy."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from klantlint.catalogue import build_catalogue
from klantlint.engine.base import Explanation, Rule, RuleInfo
from klantlint.errors import RulePackError
from klantlint.nlp.pipeline import PREFERRED_PACKAGES

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; it is in the test extra (pip install -e '.[test]')")
    return found


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}


def test_the_layers_contract_holds() -> None:
    result = subprocess.run([_tool("lint-imports")], cwd=REPO, env=_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "arguments", [["check", "."], ["format", "--check", "--extend-exclude", "*.md", "."]], ids=["check", "format"]
)
def test_ruff_is_clean(arguments: list[str]) -> None:
    result = subprocess.run([_tool("ruff"), *arguments], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_the_typed_core() -> None:
    """`mypy --strict` on engine/, findings.py, config.py and catalogue.py, as configured in [tool.mypy]."""
    result = subprocess.run([_tool("mypy")], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


# spaCy, its machine-learning library, and the model packages `model = "auto"` would load.
HEAVY = ("spacy", "thinc", *PREFERRED_PACKAGES)
PROBE = """
import json, sys
from klantlint.cli import main
heavy_names = json.loads(sys.argv[2])
sys.argv = ["klantlint", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as end:
    code = end.code
heavy = sorted(name for name in sys.modules if name.split(".")[0] in heavy_names)
cues = sys.modules.get("klantlint.conversation.cues")
compiled = [name for name, cue in vars(cues).items() if getattr(cue, "compiled", False)] if cues is not None else []
markdown = "markdown_it" in sys.modules
report = {"exit": code, "heavy": heavy, "compiled_cues": compiled, "markdown": markdown, "yaml": "yaml" in sys.modules}
report["forking"] = sorted(name for name in ("multiprocessing", "klantlint.batch.forked") if name in sys.modules)
print(json.dumps(report), file=sys.stderr)
"""


def _probe(arguments: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """Run `klantlint ARGUMENTS` in a fresh process under PROBE; its report (exit code, heavy modules imported)."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(arguments), json.dumps(HEAVY)],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    return result, json.loads(result.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("arguments", [["rules"], ["rules", "--format", "json"], ["explain", "KL001"]])
def test_rules_and_explain_do_not_import_spacy_nor_compile_cues(arguments: list[str], tmp_path: Path) -> None:
    """`rules` and `explain` read the catalogue: no spaCy, and the conversation rules' cue regexes stay uncompiled
    (they are compiled on first use). The bundled packs are read from their JSON copies: no PyYAML either."""
    result, report = _probe(arguments, tmp_path)
    assert report == {"exit": 0, "heavy": [], "compiled_cues": [], "markdown": False, "yaml": False, "forking": []}
    assert "KL001" in result.stdout


# A 30-line script on which no rule's gate passes (tests/test_cold_start.py checks that full mode agrees).
CLEAN_SCRIPT = REPO / "benchmarks" / "cold_start_clean.txt"


@pytest.mark.parametrize("output_format", ["text", "sarif"])
def test_a_check_of_a_clean_script_does_not_import_spacy(output_format: str, tmp_path: Path) -> None:
    result, report = _probe(["check", str(CLEAN_SCRIPT), "--format", output_format], tmp_path)
    assert report["exit"] == 0 and report["heavy"] == []
    assert report["forking"] == []  # multiprocessing and the forked runner come only with a run of several processes
    if output_format == "sarif":  # the pipeline is still named, read from its metadata
        assert json.loads(result.stdout)["runs"][0]["tool"]["driver"]["properties"]["pipeline"].startswith("nl_")


def test_a_check_with_a_finding_loads_the_pipeline_and_reports_it(tmp_path: Path) -> None:
    """The probe can see spaCy: a script where a gate passes is parsed, and its finding reported."""
    script = tmp_path / "script.txt"
    script.write_text(CLEAN_SCRIPT.read_text(encoding="utf-8") + "Wat was uw naam ook alweer?\n", encoding="utf-8")
    result, report = _probe(["check", str(script)], tmp_path)
    assert report["exit"] == 1
    assert "spacy" in report["heavy"]
    assert "script.txt:31:5: KL001 " in result.stdout


def test_a_batch_loads_spacy_without_its_commands_nor_a_markdown_parser(tmp_path: Path) -> None:
    """`klantlint batch` over transcripts needs spaCy's pipeline, not spaCy's command-line package (weasel, typer,
    ...) nor the Markdown parser: neither is imported (about 0.3 s of every run). Nor is PyYAML: the bundled packs
    and jargon list are read from their JSON copies (`klantlint.io.yaml_data`)."""
    calls = REPO / "tests" / "corpus" / "calls" / "calls.jsonl"
    result, report = _probe(["batch", str(calls), "-o", str(tmp_path / "findings.jsonl")], tmp_path)
    assert report["exit"] == 1, result.stderr  # findings
    assert "spacy" in report["heavy"] and "thinc" in report["heavy"]
    assert [name for name in report["heavy"] if name == "spacy.cli" or name.startswith("spacy.cli.")] == []
    assert report["markdown"] is False and report["yaml"] is False
    assert "klantlint.batch.forked" not in report["forking"]  # a small run stays in one process
    assert (tmp_path / "findings.jsonl").stat().st_size > 0


def test_the_catalogue_lists_every_kind_of_rule() -> None:
    codes = build_catalogue().codes()
    assert {"KL001", "KL002", "KL101", "KL900"} <= codes  # Python rule, YAML pack, conversation rule, meta rule
    infos = build_catalogue().infos()
    assert [info.code for info in infos] == sorted(info.code for info in infos)


def _rule(code: str, source: str) -> Rule:
    explanation = Explanation(wat_gaat_er_mis="a", waarom="b", voorbeeld="c", beter="d", veilig="e")
    info = RuleInfo(
        code=code,
        name="dubbel",
        severity="info",
        summary="Dubbel.",
        rationale="Dubbel.",
        explanation=explanation,
        source=source,
    )
    return type("Duplicate", (Rule,), {"info": info})()


def test_a_code_used_twice_is_refused_once_naming_both() -> None:
    builtin = [*build_catalogue().phrase_rules]
    with pytest.raises(RulePackError, match=r"^extra\.yaml: KL001: code wordt al gebruikt door klantlint"):
        build_catalogue(builtin=[*builtin, _rule("KL001", "extra.yaml")], plugins=False)
    with pytest.raises(RulePackError, match=r"^extra\.yaml: KL101: code wordt al gebruikt door de gespreksregel "):
        build_catalogue(builtin=[*builtin, _rule("KL101", "extra.yaml")], plugins=False)


BLAS_PROBE = """
import json, sys
from klantlint.cli import main
sys.argv = ["klantlint", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
from threadpoolctl import threadpool_info
threads = sorted({info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"})
print(json.dumps(threads), file=sys.stderr)
"""


@pytest.mark.parametrize(("given", "expected"), [(None, [1]), ("2", [2])], ids=["default", "the-users-own"])
def test_the_command_line_runs_numpys_blas_on_one_thread_unless_told_otherwise(
    given: str | None, expected: list[int], tmp_path: Path
) -> None:
    """`klantlint` sets OPENBLAS_NUM_THREADS=1 before numpy is imported (its threads only cost CPU time); a value
    the user set is kept."""
    calls = REPO / "tests" / "corpus" / "calls" / "calls.jsonl"
    env = {key: value for key, value in _env().items() if key != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    arguments = ["batch", str(calls), "-o", str(tmp_path / "findings.jsonl")]
    result = subprocess.run(
        [sys.executable, "-c", BLAS_PROBE, json.dumps(arguments)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert json.loads(result.stderr.strip().splitlines()[-1]) == expected, result.stderr
