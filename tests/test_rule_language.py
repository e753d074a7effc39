"""The YAML rule language: named word sets (`$negations`), `filter:` predicates, and pinned examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantlint import Config, Linter
from klantlint.engine.base import PinnedExample
from klantlint.engine.packs import bundled_pack_dir, load_pack
from klantlint.engine.pinned_examples import pinned_example_problem
from klantlint.errors import RulePackError
from klantlint.nlp.lexicon import FIRST_PERSON, NEGATIONS, named_sets

PACK = """
{sets}
rules:
  - code: ORG002
    name: ophangen-aangekondigd
    severity: info
    summary: "De medewerker zegt dat hij ophangt."
    message: "Zeg wat er gebeurt in plaats van 'ik hang op'."
    patterns:
      - [{{LOWER: {{IN: {who}}}}}, {{LOWER: hang}}, {{LOWER: {{NOT_IN: [$negations]}}, OP: "*"}}, {{LOWER: op}}]
    {filter}
    explanation:
      wat_gaat_er_mis: "De medewerker kondigt aan dat hij ophangt."
      waarom: "De beller weet niet wat er daarna gebeurt."
      voorbeeld: "Ik hang op."
      beter: "Ik verbind u door met een collega."
      veilig: "Nee, alleen u weet wat er daarna gebeurt."
    examples:
      bad: ["Ik hang op.", "Wij hang nu op.", "ik hang even op"]
      good: ["Ik hang niet op.", "Ik bel u terug.", "Hangt u niet op."]
"""


def _pack(tmp_path: Path, *, sets: str = "", who: str = "$first_person", filter: str = "") -> Path:
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "org.yaml"
    path.write_text(PACK.format(sets=sets, who=who, filter=filter), encoding="utf-8")
    return path


def _first_pattern(path: Path) -> list[dict[str, object]]:
    return load_pack(path)[0].spec.patterns[0]


def test_set_reference_becomes_the_lexicon_words(tmp_path: Path) -> None:
    pattern = _first_pattern(_pack(tmp_path))
    assert pattern[0] == {"LOWER": {"IN": sorted(FIRST_PERSON)}}
    assert pattern[2]["LOWER"] == {"NOT_IN": sorted(NEGATIONS)}


def test_set_reference_splices_into_a_list_of_words(tmp_path: Path) -> None:
    pattern = _first_pattern(_pack(tmp_path, who="[$first_person, jullie]"))
    assert pattern[0] == {"LOWER": {"IN": [*sorted(FIRST_PERSON), "jullie"]}}


def test_pack_defines_its_own_set_from_lexicon_sets(tmp_path: Path) -> None:
    path = _pack(tmp_path, sets="sets:\n  sprekers: [$first_person, collega]", who="$sprekers")
    assert set(_first_pattern(path)[0]["LOWER"]["IN"]) == FIRST_PERSON | {"collega"}  # type: ignore[index]


def test_unknown_set_names_file_rule_and_key_in_dutch(tmp_path: Path) -> None:
    path = _pack(tmp_path, who="$eerste_persoon")
    with pytest.raises(RulePackError) as raised:
        load_pack(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: ORG002: patterns[0][0].LOWER.IN: onbekende woordenset '$eerste_persoon'")
    assert "$first_person" in message  # the known sets are listed


def test_pack_set_may_not_shadow_a_lexicon_set(tmp_path: Path) -> None:
    path = _pack(tmp_path, sets="sets:\n  negations: [niet]")
    with pytest.raises(RulePackError, match=r"org\.yaml: sets\.negations: de set '\$negations' bestaat al"):
        load_pack(path)


def test_unknown_filter_names_file_rule_and_filter_in_dutch(tmp_path: Path) -> None:
    path = _pack(tmp_path, filter="filter: geen_vraag")
    with pytest.raises(RulePackError, match=r"org\.yaml: ORG002: filter: onbekend filter 'geen_vraag' \(bekende"):
        load_pack(path)


def test_filter_drops_the_matches_its_predicate_rejects(tmp_path: Path) -> None:
    filtered = _pack(tmp_path / "filtered", filter="filter: not_a_question")
    linter = Linter(Config(select=["ORG002"], rule_paths=[filtered]))
    assert [finding.text for finding in linter.check("Ik hang op.")] == ["Ik hang op"]
    # The pattern matches the question too; only the filter keeps it quiet.
    assert linter.check("Wij hang op?") == []
    unfiltered = Linter(Config(select=["ORG002"], rule_paths=[_pack(tmp_path / "plain")]))
    assert [finding.text for finding in unfiltered.check("Wij hang op?")] == ["Wij hang op"]


def test_core_pack_uses_the_lexicon_negations() -> None:
    """KL002's bad-news condition is the lexicon's negations plus its own words: a new negation reaches it."""
    kl002 = next(rule for rule in load_pack(bundled_pack_dir() / "core.yaml") if rule.info.code == "KL002")
    assert set(kl002.spec.when.sentence[0][0]["LOWER"]["IN"]) >= NEGATIONS


def test_named_sets_are_the_lexicon_constants() -> None:
    sets = named_sets()
    assert sets["negations"] is NEGATIONS
    assert all(name == name.lower() and words for name, words in sets.items())


KL006_EXAMPLE = PinnedExample(
    text="Ik hang u even op.",
    span="Ik hang u even op",
    correction="Ik verbind u door met een collega die u verder helpt.",
)


def test_pinned_example_holds_when_span_and_rewrite_agree(linter: Linter) -> None:
    assert pinned_example_problem(linter, "KL006", KL006_EXAMPLE) is None


def test_pinned_example_fails_when_the_span_differs(linter: Linter) -> None:
    wrong = KL006_EXAMPLE.model_copy(update={"span": "hang u even op"})
    problem = pinned_example_problem(linter, "KL006", wrong)
    assert problem is not None and "pins 'hang u even op'" in problem


def test_pinned_example_fails_when_the_rewrite_differs(linter: Linter) -> None:
    wrong = KL006_EXAMPLE.model_copy(update={"correction": "Ik verbind u door."})
    problem = pinned_example_problem(linter, "KL006", wrong)
    assert problem is not None and "pins 'Ik verbind u door.'" in problem


def test_pinned_example_fails_when_the_rule_is_quiet(linter: Linter) -> None:
    quiet = KL006_EXAMPLE.model_copy(update={"text": "Ik bel u terug."})
    assert pinned_example_problem(linter, "KL006", quiet) == "KL006 does not fire on 'Ik bel u terug.'"


def test_set_reference_in_phrases(tmp_path: Path) -> None:
    path = _pack(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    patterns:\n      - [",
            '    phrases: [$hums, "beste klant"]\n    patterns:\n      - [',
        ),
        encoding="utf-8",
    )
    assert load_pack(path)[0].spec.phrases == ["hm", "hmm", "beste klant"]
