"""`variant = "nl-NL" | "nl-BE"`: validated like other keys, reaches the rules, and steers the Flemish lines of
`klantlint explain`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from klantlint import Config, Linter
from klantlint.config import load_config
from klantlint.engine.base import Explanation, Hit, Rule, RuleContext, RuleInfo
from klantlint.errors import ConfigError
from klantlint.rulesdoc import explain_text
from tests.cli_helpers import run_cli


class FlemishOnly(Rule):
    """Fires on 'gsm' only when the config says the text is Flemish: a rule that reads the variant."""

    info = RuleInfo(
        code="TST001",
        name="gsm-alleen-in-vlaanderen",
        severity="info",
        summary="Test.",
        rationale="Test.",
        explanation=Explanation(wat_gaat_er_mis="a", waarom="b", voorbeeld="c", beter="d", veilig="e"),
    )
    triggers = frozenset({"gsm"})

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        if context.config.variant == "nl-BE":
            yield from (Hit(t.idx, t.idx + len(t)) for t in doc if t.lower_ == "gsm")


@pytest.mark.parametrize(("given", "expected"), [("nl-BE", "nl-BE"), ("nl-be", "nl-BE"), ("NL_NL", "nl-NL")])
def test_variant_is_read_from_a_config_file(tmp_path: Path, given: str, expected: str) -> None:
    (tmp_path / "klantlint.toml").write_text(f'variant = "{given}"\n', encoding="utf-8")
    assert load_config(tmp_path / "klantlint.toml").variant == expected


def test_default_accepts_both_and_a_wrong_variant_names_file_and_key(tmp_path: Path) -> None:
    assert Config().variant is None
    (tmp_path / "klantlint.toml").write_text('variant = "nl-FR"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"klantlint\.toml: sleutel 'variant'.*'nl-FR'"):
        load_config(tmp_path / "klantlint.toml")
    result = run_cli("check", "-", "--variant", "nl-FR", cwd=tmp_path, stdin=b"Goeiedag.\n")
    assert result.returncode == 2 and "--variant" in result.stderr


def test_rules_read_the_variant_from_their_context() -> None:
    text = "Wat is uw gsm-nummer? Ik bel u terug op uw gsm."
    flemish = Linter(Config(variant="nl-BE", select=["TST"]), builtin_rules=[FlemishOnly()])
    assert [f.text for f in flemish.check(text)] == ["gsm"]
    either = Linter(Config(select=["TST"]), builtin_rules=[FlemishOnly()])
    assert either.check(text) == []


@pytest.mark.parametrize(
    ("code", "flemish"),
    [
        ("KL101", "Goeiedag, u spreekt met Lien van Wonen Oost. Waarvoor mag ik u helpen?"),
        ("KL005", "Ook 'efkes' zegt niets over de duur."),
        ("KL012", "'Waarvoor mag ik u helpen?' en 'Waarvoor belt u?' zijn gewone, vriendelijke vragen."),
        ("KL001", "'Wat is uw gsm-nummer?'"),
        ("KL009", "'Steeds' betekent daar vaak 'altijd'"),
    ],
)
def test_explanations_name_the_flemish_alternative(code: str, flemish: str) -> None:
    info = next(i for i in Linter(Config(select=[code])).rule_infos() if i.code == code)
    both = explain_text(info)
    beter = both.split("## Beter\n", 1)[1].split("\n\n## ", 1)[0]
    assert "\nVlaanderen: " in beter and flemish in beter
    assert explain_text(info, "nl-BE") == both
    assert "Vlaanderen:" not in explain_text(info, "nl-NL")


def test_explain_follows_the_configured_variant(tmp_path: Path) -> None:
    assert "Waarvoor mag ik u helpen?" in run_cli("explain", "KL101", cwd=tmp_path).stdout
    (tmp_path / "klantlint.toml").write_text('variant = "nl-NL"\n', encoding="utf-8")
    assert "Vlaanderen:" not in run_cli("explain", "KL101", cwd=tmp_path).stdout
    assert "Vlaanderen:" in run_cli("explain", "KL101", "--variant", "nl-BE", cwd=tmp_path).stdout
