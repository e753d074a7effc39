"""Config that steers rules: jargon / jargon_allow (KL007), competitors (KL013), aanspreekvorm (KL014) and
max_sentence_words (KL016)."""

from __future__ import annotations

import pytest

from klantlint import Linter
from klantlint.config import Config


def _linter(code: str, **settings: object) -> Linter:
    return Linter(Config.model_validate({"select": [code], **settings}))


def _texts(linter: Linter, text: str, code: str) -> list[str]:
    return [finding.text for finding in linter.check(text) if finding.code == code]


# -- KL007 vakjargon -----------------------------------------------------------------------


def test_jargon_adds_terms_with_their_plain_alternative() -> None:
    linter = _linter("KL007", jargon={"klantreis": "uw ervaring met ons"})
    findings = [f for f in linter.check("Hoe was uw klantreis vandaag?") if f.code == "KL007"]
    assert [f.text for f in findings] == ["klantreis"]
    assert "uw ervaring met ons" in findings[0].message
    assert findings[0].suggestions[0].replacement == "uw ervaring met ons"
    # Inflected forms are found too.
    assert _texts(linter, "Alle klantreizen zijn anders, maar de klantreis van u telt.", "KL007") == ["klantreis"]


def test_jargon_as_a_list_of_terms_without_alternative_still_suggests_an_explanation() -> None:
    linter = _linter("KL007", jargon=["dossierbeheer"])
    findings = [f for f in linter.check("Dat ligt bij dossierbeheer.") if f.code == "KL007"]
    assert [f.text for f in findings] == ["dossierbeheer"]
    suggestion = findings[0].suggestions[0]
    assert suggestion.replacement.startswith("dossierbeheer (") and not suggestion.safe
    fixed = linter.fix("Dat ligt bij dossierbeheer.", unsafe=True).text
    assert not _texts(linter, fixed, "KL007")


def test_jargon_term_in_capitals_is_an_abbreviation() -> None:
    linter = _linter("KL007", jargon={"WTW": "warmteterugwinning"})
    assert _texts(linter, "De WTW staat in de kelder.", "KL007") == ["WTW"]
    assert not _texts(linter, "Het wtw is een tikfout, maar we lezen het wel.", "KL007")


def test_configured_term_without_alternative_keeps_the_builtin_one() -> None:
    linter = _linter("KL007", jargon=["SLA"])
    findings = [f for f in linter.check("Volgens de SLA hebben we vijf werkdagen.") if f.code == "KL007"]
    assert findings and "afgesproken termijn" in findings[0].message


def test_jargon_allow_removes_builtin_terms_only() -> None:
    default = _linter("KL007")
    allowing = _linter("KL007", jargon_allow=["ticket", "Backoffice"])
    text = "Ik maak een ticket aan en zet het in de queue van de backoffice."
    assert _texts(default, text, "KL007") == ["ticket", "queue", "backoffice"]
    assert _texts(allowing, text, "KL007") == ["queue"]


# -- KL013 concurrent-afkraken -------------------------------------------------------------


def test_competitor_names_from_config_are_references() -> None:
    linter = _linter("KL013", competitors=["Stroomnet", "Groene Stroom BV"])
    assert _texts(linter, "Stroomnet is echt waardeloos.", "KL013")
    assert _texts(linter, "die groene stroom bv zijn gewoon prutsers", "KL013")
    assert not _texts(linter, "Stroomnet rekent ook opzegkosten.", "KL013")
    assert not _texts(_linter("KL013"), "Stroomnet is echt waardeloos.", "KL013")


def test_competitor_name_in_a_script_needs_its_capital() -> None:
    linter = _linter("KL013", competitors=["Budget"])
    assert _texts(linter, "Budget is echt waardeloos.", "KL013")
    assert not _texts(linter, "Uw budget is echt slecht besteed aan die dure bundel.", "KL013")


# -- KL014 aanspreekvorm-wisselen ----------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "text", "expected"),
    [
        ("auto", "Heeft u de factuur bij de hand? En je klantnummer?", ["je"]),
        ("auto", "Heb je de factuur bij de hand? En je klantnummer?", []),
        ("auto", "Heeft u de factuur bij de hand? En uw klantnummer?", []),
        ("u", "Heb je de factuur bij de hand? En je klantnummer?", ["je", "je"]),
        ("u", "Heeft u de factuur bij de hand?", []),
        ("je", "Heeft u de factuur bij de hand? En uw klantnummer?", ["u", "uw"]),
        ("je", "Heb je de factuur bij de hand?", []),
        # Generic "je" never addresses the customer, whatever the setting.
        ("u", "Dan weet je het maar nooit; ik zet het voor u in de notities.", []),
    ],
)
def test_aanspreekvorm(setting: str, text: str, expected: list[str]) -> None:
    assert _texts(_linter("KL014", aanspreekvorm=setting), text, "KL014") == expected


def test_auto_reports_the_rarer_form_and_on_a_tie_je() -> None:
    linter = _linter("KL014")
    assert _texts(linter, "Heb je je pas? Dan zoek ik je gegevens op. Wat is uw postcode?", "KL014") == ["uw"]
    assert _texts(linter, "Wat is uw postcode? Heb je de pas?", "KL014") == ["je"]
    assert _texts(linter, "Dank je wel voor uw geduld.", "KL014") == ["je"]
    # Spelling a name is not addressing: "met een u", "u van Utrecht".
    assert not _texts(linter, "Heb je het met een u geschreven? Dus u van Utrecht?", "KL014")


def test_auto_judges_all_agent_turns_of_one_text_together() -> None:
    linter = _linter("KL014")
    script = "Agent: Waarmee kan ik u helpen?\nKlant: Mijn pas doet het niet.\nAgent: Heb je hem bij de hand?"
    findings = [f for f in linter.check(script) if f.code == "KL014"]
    assert [f.text for f in findings] == ["je"]
    assert findings[0].line == 3
    # Customer turns are not the agent's voice: the customer's "je" does not count.
    customer_je = "Agent: Waarmee kan ik u helpen?\nKlant: Kun je mijn pas blokkeren?\nAgent: Dat doe ik voor u."
    assert not _texts(linter, customer_je, "KL014")


def test_auto_judges_the_turns_of_one_conversation_together() -> None:
    linter = _linter("KL014")
    conversations = [
        ["Waarmee kan ik u helpen?", "Heb je de pas bij de hand?"],
        ["Waarmee kan ik je helpen?", "Heb je de pas bij de hand?"],
    ]
    results = linter.check_conversations(conversations)
    found = [[[f.text for f in turn if f.code == "KL014"] for turn in conversation] for conversation in results]
    assert found == [[[], ["je"]], [[], []]]


# -- KL016 lange-zin ------------------------------------------------------------------------

TWELVE_WORDS = "Ik heb uw aanvraag ontvangen en ik stuur u morgen de bevestiging."


def test_max_sentence_words() -> None:
    assert not _texts(_linter("KL016"), TWELVE_WORDS, "KL016")
    strict = _linter("KL016", max_sentence_words=10)
    findings = [f for f in strict.check(TWELVE_WORDS) if f.code == "KL016"]
    assert [f.text for f in findings] == [TWELVE_WORDS]
    assert "12 woorden" in findings[0].message
    assert not _texts(_linter("KL016", max_sentence_words=12), TWELVE_WORDS, "KL016")
