"""The public Python API: check, fix, Linter, rules, and the shape of findings."""

from __future__ import annotations

import pytest

import klantlint
from klantlint import Config, Finding, Linter
from klantlint.errors import ConfigError


def test_check_finds_past_tense_name_question_with_exact_span() -> None:
    text = "Goedemorgen. Wat was uw naam ook alweer?"
    findings = klantlint.check(text)
    assert [f.code for f in findings] == ["KL001"]
    finding = findings[0]
    assert finding.name == "verleden-tijd-gegevens"
    assert finding.severity == "warning"
    assert text[finding.start : finding.end] == finding.text == "was uw naam"
    assert (finding.line, finding.column) == (1, 18)
    assert any(s.safe and s.replacement == "is" for s in finding.suggestions)


def test_findings_are_sorted_by_position_and_frozen() -> None:
    text = "Ik hang u even op.\nWat was uw postcode?\nHelaas kan dat niet."
    findings = klantlint.check(text, config=Config(select=["ALL"]))  # KL002 is opt-in
    assert [f.code for f in findings] == ["KL006", "KL001", "KL002"]
    assert [f.line for f in findings] == [1, 2, 3]
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises ValidationError on frozen models
        findings[0].code = "KL999"  # type: ignore[misc]


def test_select_and_ignore_narrow_the_rules() -> None:
    text = "Ik hang u even op. Wat was uw naam?"
    assert [f.code for f in klantlint.check(text, select=["KL006"])] == ["KL006"]
    assert [f.code for f in klantlint.check(text, ignore=["KL006"])] == ["KL001"]
    assert klantlint.check(text, ignore=["KL0"]) == []
    with pytest.raises(ConfigError, match="KL777"):
        klantlint.check(text, select=["KL777"])


def test_config_select_and_severity_override() -> None:
    config = Config(select=["KL001"], severity={"KL001": "error"})
    findings = klantlint.check("Wat was je postcode?", config=config)
    assert [(f.code, f.severity) for f in findings] == [("KL001", "error")]


def test_unknown_code_in_config_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="onbekende regelcode 'KL999'"):
        Linter(Config(ignore=["KL999"]))


def test_check_reuses_one_linter_per_config() -> None:
    klantlint.check("Goedemorgen.")
    first = klantlint.api._linter(None)
    klantlint.check("Goedemiddag.")
    assert klantlint.api._linter(None) is first
    assert klantlint.api._linter(Config(select=["KL001"])) is not first


def test_fix_applies_only_safe_suggestions() -> None:
    text = "Helaas kunnen wij dat niet terugbetalen. Ik hang u even op."
    result = klantlint.fix(text, config=Config(select=["ALL"]))  # KL002 is opt-in
    assert result.text == "Wij kunnen dat niet terugbetalen. Ik hang u even op."
    assert [f.code for f in result.applied] == ["KL002"]
    assert [f.code for f in result.remaining] == ["KL006"]


def test_fix_unsafe_applies_rewrites_that_need_a_human() -> None:
    result = klantlint.fix("Ik hang u even op.", unsafe=True)
    assert "doorverbind" in result.text or "verbind u door" in result.text
    assert not [f for f in result.remaining if f.code == "KL006"]


def test_fix_keeps_informal_address() -> None:
    result = klantlint.fix("Ik hang je even op.", unsafe=True)
    assert "verbind je door" in result.text and " u " not in result.text


def test_pipe_matches_check(linter: Linter) -> None:
    texts = ["Wat was uw naam?", "", "Goedemorgen, waarmee kan ik u helpen?", "Helaas kan dat niet."]
    assert list(linter.pipe(texts, batch_size=2)) == [linter.check(t) for t in texts]


def test_rules_lists_the_catalogue() -> None:
    infos = klantlint.rules()
    codes = [info.code for info in infos]
    assert codes == sorted(codes)
    assert {"KL001", "KL002", "KL006", "KL900"} <= set(codes)
    kl006 = next(i for i in infos if i.code == "KL006")
    assert kl006.severity == "error" and kl006.bad_examples and kl006.rationale


def test_customer_lines_in_a_script_are_context_only(linter: Linter) -> None:
    script = "Klant: Nee, helaas kan ik dat niet.\nAgent: Helaas kan dat niet."
    findings = linter.check(script)
    # Phrase rules: only the agent's line; the conversation rules (KL1xx) also point at the agent's turn.
    assert [f.line for f in findings if not f.code.startswith("KL1")] == [2]
    assert {f.line for f in findings} == {2}


def test_finding_json_roundtrip() -> None:
    finding = klantlint.check("Hoe heette u?")[0]
    assert Finding.model_validate_json(finding.model_dump_json()) == finding
