"""KL900 ongebruikte-onderdrukking: suppression comments that are unknown or suppress nothing.

The linter itself produces these findings (it alone knows which suppressions were used); this
class gives the rule its place in the catalogue, `klantlint explain` and `select`/`ignore`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, Hit, Rule, RuleContext, RuleInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc


class UnusedSuppression(Rule):
    info = RuleInfo(
        code="KL900",
        name="ongebruikte-onderdrukking",
        severity="info",
        summary="Onderdrukking met een onbekende code, of die niets onderdrukt.",
        rationale="Een vergeten onderdrukking verbergt later een echte bevinding op die regel.",
        explanation=Explanation(
            wat_gaat_er_mis="Een commentaar 'klantlint: ignore[...]' of 'klantlint: disable=...' noemt een code die "
            "niet bestaat, of er staat op die plek niets meer dat klantlint zou melden.",
            waarom="Een onderdrukking die niets doet, verbergt later een echte bevinding als de tekst verandert, en "
            "een tikfout in de code onderdrukt nooit wat u bedoelde.",
            voorbeeld="Goedemorgen, waarmee kan ik u helpen? # klantlint: ignore[KL003]",
            beter="Haal de onderdrukking weg, of verbeter de code.",
            veilig="Ja: het weghalen van een onderdrukking die niets onderdrukt, verandert geen bevinding.",
        ),
        bad_examples=[
            "Goedemorgen, waarmee kan ik u helpen? # klantlint: ignore[KL006]",
            "Dank u wel voor het wachten. # klantlint: ignore[KL999]",
            "<!-- klantlint: disable=KL001 -->\nWat is uw naam?\n<!-- klantlint: enable=KL001 -->",
        ],
        good_examples=[
            "Wat was uw naam ook alweer? # klantlint: ignore[KL001] -- citaat uit oud script",
            "Goedemorgen, waarmee kan ik u helpen?",
            "<!-- klantlint: disable=KL001 -->\nWat was uw naam?\n<!-- klantlint: enable=KL001 -->",
        ],
    )
    triggers = frozenset({"klantlint"})
    # The linter reports unused suppressions itself; `check` reads nothing.
    needs = "characters"

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        return ()
