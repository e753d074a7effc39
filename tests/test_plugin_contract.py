"""The plugin contract: exports, per-rule options, factories, declared needs and scope, conversation plugins and the
public testing helpers (issue 15, part 3)."""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Iterator
from contextlib import ExitStack
from importlib import metadata
from pathlib import Path

import pytest

import klantlint
from klantlint import Config, Linter
from klantlint.batch.runner import BatchOptions, run_batch
from klantlint.config import load_config
from klantlint.engine.base import Rule, UndeclaredRead
from klantlint.errors import ConfigError, RulePackError
from klantlint.testing import (
    ALL_RULES,
    assert_examples,
    assert_gate_sound,
    assert_needs_declared,
    install_plugin,
    variants,
)
from tests.cli_helpers import run_cli

LONG = "Ik kijk even in uw gegevens en dan zie ik of de monteur al een datum heeft voor u."  # 18 words


# -- a plugin package registered by hand, as pip would -----------------------------------------------------------------

RULE_HEADER = """
from pydantic import Field

from klantlint import ConversationHit, ConversationRule, Explanation, Hit, Rule, RuleInfo, RuleOptions

EXPLANATION = Explanation(
    wat_gaat_er_mis="De medewerker noemt de wachtmuziek.", waarom="Niemand wil over wachtmuziek horen.",
    voorbeeld="U hoort nu wachtmuziek.", beter="Ik ben zo terug.", veilig="Nee, schrijf het zelf.",
)


def info(code, bad=("U hoort nu wachtmuziek.",), good=("Ik ben zo terug.",)):
    return RuleInfo(
        code=code, name="geen-wachtmuziek", severity="warning", summary="Noem de wachtmuziek niet.",
        rationale="Niemand wil wachtmuziek.", explanation=EXPLANATION, bad_examples=list(bad),
        good_examples=list(good),
    )
"""


@pytest.fixture
def install(tmp_path: Path) -> Iterator[object]:
    """`install(module, source, {group: {name: "module:attr"}})` installs a plugin of one module (its source after
    RULE_HEADER) for the rest of the test."""
    with ExitStack() as installed:

        def _install(module: str, source: str, entry_points: dict[str, dict[str, str]]) -> None:
            plugin = install_plugin(tmp_path, module, entry_points, modules={module: RULE_HEADER + source})
            installed.enter_context(plugin)

        yield _install


COUNTING_RULE = """
class MaxMentionsOptions(RuleOptions):
    max_mentions: int = Field(default=1, ge=0)


class TooManyMentions(Rule):
    info = info("ACME010", bad=("wachtmuziek wachtmuziek",), good=("wachtmuziek", "Ik ben zo terug.", "nee"))
    Options = MaxMentionsOptions
    triggers = frozenset({"wachtmuziek"})
    needs = "tokens"
    configured = 0

    def configure(self, config):
        self.configured += 1

    def check(self, doc, context):
        mentions = [token for token in doc if token.lower_ == "wachtmuziek"]
        if len(mentions) > self.options.max_mentions:
            yield Hit(mentions[0].idx, mentions[-1].idx + len(mentions[-1]), f"{len(mentions)} keer wachtmuziek.")
"""


def test_the_contract_is_exported_from_the_package() -> None:
    for name in ("Hit", "ProposedFix", "Rule", "DeclarativeRule", "ConversationRule", "ConversationHit", "RuleOptions"):
        assert name in klantlint.__all__
        assert getattr(klantlint, name).__module__.startswith("klantlint.")


# -- per-rule options --------------------------------------------------------------------------------------------------


def test_rule_options_come_from_the_rules_table_of_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "klantlint.toml").write_text('select = ["KL016"]\n\n[rules.KL016]\nmax-words = 12\n')
    config = load_config(tmp_path / "klantlint.toml")
    assert config.rules == {"KL016": {"max_words": 12}}
    assert [f.code for f in Linter(config).check(LONG)] == ["KL016"]
    assert Linter(Config(select=["KL016"])).check(LONG) == []


def test_max_sentence_words_still_sets_kl016_and_the_rules_table_wins() -> None:
    assert [f.code for f in Linter(Config(select=["KL016"], max_sentence_words=12)).check(LONG)] == ["KL016"]
    both = Config(select=["KL016"], max_sentence_words=12, rules={"KL016": {"max_words": 30}})
    assert Linter(both).check(LONG) == []


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("[rules.KL999]\nmax_words = 3\n", r"klantlint\.toml: sleutel 'rules\.KL999': onbekende regelcode 'KL999'"),
        (
            "[rules.KL016]\nmax_wordz = 3\n",
            r"klantlint\.toml: onbekende sleutel 'rules\.KL016\.max_wordz'; .*max_words",
        ),
        ("[rules.KL016]\nmax_words = 'veel'\n", r"klantlint\.toml: sleutel 'rules\.KL016\.max_words': .*'veel'"),
        ("[rules.KL016]\nmax_words = 0\n", r"klantlint\.toml: sleutel 'rules\.KL016\.max_words'"),
        ("[rules.KL001]\nstreng = true\n", r"onbekende sleutel 'rules\.KL001\.streng'; opties van KL001: geen"),
        ("[rules.KL104]\nmax_wait = 3\n", r"onbekende sleutel 'rules\.KL104\.max_wait'"),  # conversation rules too
    ],
)
def test_a_bad_rule_option_is_a_config_error_naming_file_and_key(tmp_path: Path, table: str, expected: str) -> None:
    (tmp_path / "klantlint.toml").write_text(table)
    config = load_config(tmp_path / "klantlint.toml")
    with pytest.raises(ConfigError, match=expected):
        Linter(config)
    with pytest.raises(ConfigError, match=expected):
        klantlint.rules(config)  # also without loading the pipeline


def test_the_cli_reports_a_bad_rule_option_with_exit_code_2(tmp_path: Path) -> None:
    (tmp_path / "klantlint.toml").write_text("[rules.KL016]\nmax_wordz = 3\n")
    (tmp_path / "script.txt").write_text("Goedemorgen.\n")
    result = run_cli("check", "script.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "klantlint.toml: onbekende sleutel 'rules.KL016.max_wordz'" in result.stderr
    assert "Traceback" not in result.stderr


# -- entry points are factories ----------------------------------------------------------------------------------------


def test_every_linter_gets_its_own_plugin_instances_and_options(install) -> None:  # type: ignore[no-untyped-def]
    install("acme_counting", COUNTING_RULE, {"klantlint.rules": {"acme": "acme_counting:TooManyMentions"}})
    strict = Linter(Config(select=["ACME010", "KL016"], rules={"ACME010": {"max_mentions": 0}}, max_sentence_words=12))
    lenient = Linter(Config(select=["ACME010", "KL016"], rules={"ACME010": {"max_mentions": 5}}))
    text = "U hoort wachtmuziek. " + LONG
    # Built in one process, one after the other: each keeps its own options (before, the last config won).
    assert [f.code for f in strict.check(text)] == ["ACME010", "KL016"]
    assert lenient.check(text) == []
    first, second = (next(r for r in linter.rules if r.info.code == "ACME010") for linter in (strict, lenient))
    assert first is not second
    assert (first.configured, second.configured) == (1, 1)


def test_an_entry_point_naming_an_instance_is_refused(install) -> None:  # type: ignore[no-untyped-def]
    install(
        "acme_instance",
        COUNTING_RULE + "\nSHARED = TooManyMentions()\n",
        {"klantlint.rules": {"a": "acme_instance:SHARED"}},
    )
    with pytest.raises(RulePackError, match=r"plugin a \(acme_instance:SHARED\): verwijst naar een Rule-instantie"):
        klantlint.rules()


def test_a_factory_returning_the_same_instance_twice_is_refused(install) -> None:  # type: ignore[no-untyped-def]
    source = COUNTING_RULE + "\nSHARED = TooManyMentions()\n\ndef rules():\n    return [SHARED]\n"
    install("acme_same", source, {"klantlint.rules": {"a": "acme_same:rules"}})
    assert "ACME010" in {info.code for info in klantlint.rules()}
    with pytest.raises(RulePackError, match="steeds dezelfde instantie"):
        klantlint.rules()


def test_a_factory_may_return_classes_or_fresh_instances(install) -> None:  # type: ignore[no-untyped-def]
    source = COUNTING_RULE + "\ndef rules():\n    return [TooManyMentions]\n"
    install("acme_factory", source, {"klantlint.rules": {"a": "acme_factory:rules"}})
    assert "ACME010" in {info.code for info in klantlint.rules()}
    assert "ACME010" in {info.code for info in klantlint.rules()}


# -- declared scope and needs ------------------------------------------------------------------------------------------

PEEKING_RULE = """
class MentionsInDocument(Rule):
    # Fires on "wachtmuziek" only when the document also says "sorry": its hits depend on the document.
    info = info("ACME020", bad=("Sorry. U hoort nu wachtmuziek.",), good=("U hoort nu wachtmuziek.",))
    triggers = frozenset({"wachtmuziek"})
    needs = "tokens"

    def check(self, doc, context):
        if "sorry" in context.text.lower():
            yield from (Hit(t.idx, t.idx + len(t)) for t in doc if t.lower_ == "wachtmuziek")


class PeekingGate(MentionsInDocument):
    info = info("ACME021")

    def may_fire(self, text, found, context):
        return "sorry" in context.text.lower()


class DeclaredDocument(MentionsInDocument):
    info = info("ACME022", bad=("Sorry.\\n\\nU hoort nu wachtmuziek.",), good=("U hoort nu wachtmuziek.",))
    scope = "document"
"""


@pytest.mark.parametrize(
    ("code", "mode", "where"),
    [
        ("ACME020", "fast", r"ACME020 \(plugin"),
        ("ACME020", "full", r"ACME020 \(plugin"),
        ("ACME021", "fast", r"ACME021 \(may_fire\)"),
    ],
)
def test_a_segment_rule_that_reads_the_document_fails_loudly(install, code: str, mode: str, where: str) -> None:  # type: ignore[no-untyped-def]
    module = f"acme_peek_{code.lower()}_{mode}"
    install(
        module, PEEKING_RULE, {"klantlint.rules": {"a": f"{module}:MentionsInDocument", "b": f"{module}:PeekingGate"}}
    )
    linter = Linter(Config(select=[code]), mode=mode)  # type: ignore[arg-type]
    # Before, fast mode reused the hits of "U hoort nu wachtmuziek." from the first text in the second one.
    with pytest.raises(UndeclaredRead, match=rf"{where}.*RuleContext\.text.*scope = 'document'"):
        list(linter.pipe(["Sorry. U hoort nu wachtmuziek.", "U hoort nu wachtmuziek."]))


def test_a_rule_that_declares_the_document_scope_sees_it_and_is_not_cached(install) -> None:  # type: ignore[no-untyped-def]
    install("acme_document", PEEKING_RULE, {"klantlint.rules": {"c": "acme_document:DeclaredDocument"}})
    linter = Linter(Config(select=["ACME022"]))
    texts = ["Sorry.\n\nU hoort nu wachtmuziek.", "U hoort nu wachtmuziek.", "Sorry.\n\nU hoort nu wachtmuziek."]
    assert [[f.code for f in findings] for findings in linter.pipe(texts)] == [["ACME022"], [], ["ACME022"]]
    assert_examples(linter, "ACME022")


def test_the_old_flags_still_declare_needs_and_scope_with_a_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")

        class Old(Rule):
            document_level = True
            needs_parse = False

        class Tree(Rule):
            needs_dependencies = False

    assert (Old.scope, Old.needs, Tree.scope, Tree.needs) == ("document", "tokens", "segment", "tags")
    assert [w.category for w in caught] == [DeprecationWarning, DeprecationWarning]
    assert Old().document_level and not Old().needs_parse and Tree().needs_parse and not Tree().needs_dependencies


def test_an_unknown_needs_level_or_scope_is_refused_where_the_rule_is_defined() -> None:
    with pytest.raises(TypeError, match=r"Parsed: needs must be one of characters, tokens, tags, tree \(not 'parse'\)"):

        class Parsed(Rule):
            needs = "parse"  # type: ignore[assignment]

    with pytest.raises(TypeError, match=r"scope one of segment, document \(not 'call'\)"):

        class Called(Rule):
            scope = "call"  # type: ignore[assignment]


TREE_READER = """
class ReadsTheTree(Rule):
    # Says it needs tags only, but reads the dependency label of the word.
    info = info("ACME030", bad=("Ik hoor u.",), good=("Dank u.", "Ja.", "Nee."))
    needs = "tags"

    def check(self, doc, context):
        for token in doc:
            if token.lower_ == "u" and token.dep_:
                yield Hit(token.idx, token.idx + 1)


class DeclaresTheTree(ReadsTheTree):
    info = info("ACME031", bad=("Ik hoor u.",), good=("Dank u.", "Ja.", "Nee."))
    needs = "tree"


class CountsTokens(Rule):
    info = info("ACME032", bad=("a b c d e",), good=("a b", "c", "d"))
    needs = "characters"

    def check(self, doc, context):
        if len(doc) > 4:
            yield Hit(0, len(doc.text))
"""


def test_assert_needs_declared_catches_an_undeclared_read_of_the_tree(install) -> None:  # type: ignore[no-untyped-def]
    names = {"a": "acme_tree:ReadsTheTree", "b": "acme_tree:DeclaresTheTree", "c": "acme_tree:CountsTokens"}
    install("acme_tree", TREE_READER, {"klantlint.rules": names})
    linter = Linter(Config(select=["ACME030", "ACME031", "ACME032"]))
    texts = ["Ik hoor u goed.", "Dank u wel.", "Goedemorgen."]
    with pytest.raises(
        AssertionError, match=r"ACME030 declares needs = 'tags'.*\['Ik hoor u goed\.', 'Dank u wel\.'\]"
    ):
        assert_needs_declared(linter, "ACME030", texts)
    assert_needs_declared(linter, "ACME031", texts)
    with pytest.raises(AssertionError, match="ACME032 declares needs = 'characters'"):
        assert_needs_declared(linter, "ACME032", ["a b c d e"])


def test_the_built_in_rules_read_what_they_declare_and_their_gates_are_sound_on_their_examples() -> None:
    linter = Linter(ALL_RULES)
    for rule in linter.rules:
        texts = variants([*rule.info.bad_examples, *rule.info.good_examples])
        assert_needs_declared(linter, rule.info.code, texts)
        assert_gate_sound(linter, rule.info.code, texts)


def test_assert_gate_sound_names_the_texts_a_too_sharp_gate_turns_away(install) -> None:  # type: ignore[no-untyped-def]
    source = (
        COUNTING_RULE
        + "\n\nclass Sharp(TooManyMentions):\n    def may_fire(self, text, found, context):\n        return False\n"
    )
    install("acme_sharp", source, {"klantlint.rules": {"a": "acme_sharp:Sharp"}})
    linter = Linter(Config(select=["ACME010"]))
    with pytest.raises(
        AssertionError, match="the gate turns away texts on which the rule fires: \\['wachtmuziek wachtmuziek'\\]"
    ):
        assert_gate_sound(linter, "ACME010", ["wachtmuziek wachtmuziek", "wachtmuziek"])


# -- install_plugin ----------------------------------------------------------------------------------------------------

HOLD_RULE = """
class Hold(Rule):
    info = info("ACME040")
    triggers = frozenset({"wachtmuziek"})
    needs = "tokens"

    def check(self, doc, context):
        for token in doc:
            if token.lower_ == "wachtmuziek":
                yield Hit(token.idx, token.idx + len(token), "Wachtmuziek.")
"""


def _plugin_codes() -> set[str]:
    return {info.code for info in klantlint.rules() if info.code.startswith("ACME")}


def test_install_plugin_registers_the_entry_points_for_the_with_block_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Bytecode is written, as for most users (the import leaves __pycache__/acme_hold.*.pyc behind, to be removed).
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    site = tmp_path / "site"
    entry_points = {"klantlint.rules": {"hold": "acme_hold:Hold"}}
    modules = {"acme_hold": RULE_HEADER + HOLD_RULE}
    with install_plugin(site, "acme-hold", entry_points, modules=modules, version="2.3") as distribution:
        assert (distribution.metadata["Name"], distribution.version) == ("acme-hold", "2.3")
        found = metadata.entry_points(group="klantlint.rules")
        assert [(point.name, point.value) for point in found if point.name == "hold"] == [("hold", "acme_hold:Hold")]
        linter = Linter(Config(select=["ACME040"]))
        assert [(f.code, f.text) for f in linter.check("U hoort nu wachtmuziek.")] == [("ACME040", "wachtmuziek")]
    assert "hold" not in metadata.entry_points(group="klantlint.rules").names
    assert _plugin_codes() == set()
    assert "acme_hold" not in sys.modules
    assert str(site) not in sys.path
    assert list(site.iterdir()) == []


def test_install_plugin_shares_a_folder_and_overwrites_nothing(tmp_path: Path) -> None:
    one = {"klantlint.rules": {"one": "acme_one:Hold"}}
    two = {"klantlint.rules": {"two": "acme_two:Hold"}}
    with install_plugin(tmp_path, "acme-one", one, modules={"acme_one": RULE_HEADER + HOLD_RULE}):
        with install_plugin(
            tmp_path, "acme-two", two, modules={"acme_two": RULE_HEADER + HOLD_RULE.replace("40", "41")}
        ):
            assert _plugin_codes() == {"ACME040", "ACME041"}
        assert _plugin_codes() == {"ACME040"}
        assert str(tmp_path) in sys.path
        source = (tmp_path / "acme_one.py").read_text(encoding="utf-8")
        again = install_plugin(tmp_path, "acme-again", one, modules={"acme_new": "", "acme_one": "HOLD = 1"})
        with pytest.raises(FileExistsError, match=r"acme_one\.py"), again:
            pass
        assert (tmp_path / "acme_one.py").read_text(encoding="utf-8") == source
        assert not (tmp_path / "acme_new.py").exists()
        assert _plugin_codes() == {"ACME040"}
    assert _plugin_codes() == set()
    assert str(tmp_path) not in sys.path


# -- conversation rules as plugins -------------------------------------------------------------------------------------

CONVERSATION_RULE = """
class LongCallOptions(RuleOptions):
    max_agent_turns: int = Field(default=3, ge=1)


class TooManyAgentTurns(ConversationRule):
    info = info(
        "ACME101",
        bad=("Agent: Goedemorgen.\\nKlant: Hallo.\\nAgent: Ja.\\nKlant: Nou.\\nAgent: Ja.\\nKlant: Dus.\\nAgent: Ja.",),
        good=("Agent: Goedemorgen.\\nKlant: Hallo.\\nAgent: Dag.",),
    )
    Options = LongCallOptions

    def check(self, view):
        agent = view.agent_turns
        if len(agent) > self.options.max_agent_turns:
            turn = agent[-1]
            yield ConversationHit(turn.index, 0, len(turn.text), f"{len(agent)} beurten van de medewerker.")
"""


def test_a_conversation_rule_plugin_is_catalogued_configured_and_run(install) -> None:  # type: ignore[no-untyped-def]
    install(
        "acme_calls", CONVERSATION_RULE, {"klantlint.conversation_rules": {"calls": "acme_calls:TooManyAgentTurns"}}
    )
    info = next(info for info in klantlint.rules() if info.code == "ACME101")
    assert info.source == "plugin calls (acme_calls:TooManyAgentTurns)"
    linter = Linter(Config(select=["ACME101"]))
    assert_examples(linter, "ACME101")
    script = info.good_examples[0]
    assert linter.check(script) == []
    tight = Linter(Config(select=["ACME101"], rules={"ACME101": {"max_agent_turns": 1}}))
    assert [(f.code, f.text, f.message) for f in tight.check(script)] == [
        ("ACME101", "Dag.", "2 beurten van de medewerker.")
    ]
    with pytest.raises(ConfigError, match=r"onbekende sleutel 'rules\.ACME101\.max_turns'"):
        Linter(Config(select=["ACME101"], rules={"ACME101": {"max_turns": 1}}))


def test_the_batch_summary_lists_a_plugin_conversation_rule(install, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Before: the summary's `conversation_rules` column knew only the built-in codes (KL101-KL107).
    install(
        "acme_calls", CONVERSATION_RULE, {"klantlint.conversation_rules": {"calls": "acme_calls:TooManyAgentTurns"}}
    )
    spoken = ["Goedemorgen.", "Hallo.", "Ja.", "Nou.", "Ja.", "Dus.", "Ja."]
    turns = [{"speaker": ("Agent", "Klant")[index % 2], "text": text} for index, text in enumerate(spoken)]
    calls = tmp_path / "calls.jsonl"
    calls.write_text(json.dumps({"call_id": "c1", "agent_speaker": "Agent", "turns": turns}) + "\n", encoding="utf-8")
    summary = tmp_path / "summary.jsonl"
    linter = Linter(Config(select=["ACME101", "KL101"]))
    run_batch(linter, BatchOptions(inputs=[str(calls)], output=None, summary=summary, errors=None))
    record = json.loads(summary.read_text(encoding="utf-8"))
    assert record["counts"].get("ACME101") == 1
    assert "ACME101" in record["conversation_rules"]


def test_a_conversation_plugin_reusing_a_code_is_refused(install) -> None:  # type: ignore[no-untyped-def]
    install(
        "acme_dup",
        CONVERSATION_RULE.replace("ACME101", "KL104"),
        {"klantlint.conversation_rules": {"d": "acme_dup:TooManyAgentTurns"}},
    )
    with pytest.raises(RulePackError, match=r"plugin d \(acme_dup:TooManyAgentTurns\): KL104: code wordt al gebruikt"):
        klantlint.rules()
