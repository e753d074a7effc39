"""Rules for tests: a small plugin module to install with `klantlint.testing.install_plugin`, and the info of a
throwaway rule defined inside a test."""

from __future__ import annotations

from klantlint.engine.base import Explanation, RuleInfo

NO_HOLD_PLUGIN = """
from klantlint import Explanation, Rule, RuleInfo
from klantlint.engine.base import Hit


class NoHold(Rule):
    info = RuleInfo(
        code="ACME001", name="geen-wachtmuziek", severity="warning",
        summary="Noem de wachtmuziek niet.", rationale="Niemand wil wachtmuziek.",
        explanation=Explanation(wat_gaat_er_mis="x" * 12, waarom="x" * 12, voorbeeld="x" * 12, beter="x" * 12,
                                veilig="x" * 12),
        bad_examples=["U hoort nu wachtmuziek."], good_examples=["Ik ben zo terug."],
        {more_info}
    )
    triggers = frozenset({{"wachtmuziek"}})

    def check(self, doc, context):
        for token in doc:
            if token.lower_ == "wachtmuziek":
                yield Hit(token.idx, token.idx + len(token), "Wachtmuziek irriteert.")
"""


def no_hold_plugin(more_info: str = "") -> str:
    """The source of a module whose rule `NoHold` (ACME001) reports each 'wachtmuziek' with the message
    "Wachtmuziek irriteert."; `more_info` adds `RuleInfo` keyword arguments (`default=False, group="gesprek"`)."""
    return NO_HOLD_PLUGIN.format(more_info=more_info)


def wachtmuziek_info(code: str) -> RuleInfo:
    """A valid `RuleInfo` for a test rule `code` about hold music; its texts are placeholders."""
    words = "x" * 12
    return RuleInfo(
        code=code,
        name="wachtmuziek",
        severity="warning",
        summary="Noem de wachtmuziek niet.",
        rationale=words,
        explanation=Explanation(wat_gaat_er_mis=words, waarom=words, voorbeeld=words, beter=words, veilig=words),
    )
