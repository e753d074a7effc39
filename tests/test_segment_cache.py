"""Fast mode remembers each segment text's hits and reuses them, without changing any finding."""

from __future__ import annotations

import pytest

from klantlint import Linter
from klantlint.engine.base import Hit
from klantlint.engine.segment_cache import SegmentCache, SegmentEntry
from klantlint.testing import ALL_RULES
from tests.parse_counter import count_parses


@pytest.fixture
def fast() -> Linter:
    # A fresh linter per test: the cache starts empty.
    return Linter(ALL_RULES, mode="fast")


@pytest.fixture(scope="module")
def full() -> Linter:
    return Linter(ALL_RULES, mode="full")


def test_cache_evicts_the_least_recently_used_entry() -> None:
    cache = SegmentCache(capacity=2)
    for text in ("a", "b"):
        cache.put((text, "agent"), SegmentEntry(frozenset(), [], []))
    assert cache.get(("a", "agent")) is not None  # "a" is now the most recently used
    cache.put(("c", "agent"), SegmentEntry(frozenset(), [], []))
    assert len(cache) == 2
    assert cache.get(("b", "agent")) is None
    assert cache.get(("a", "agent")) is not None


def test_a_repeated_turn_is_parsed_once_with_the_same_findings(
    fast: Linter, full: Linter, monkeypatch: pytest.MonkeyPatch
) -> None:
    turn = "Helaas kan dat niet. Wat was uw naam ook alweer?"
    calls = [[turn, "Dank u wel."], [turn], [turn, "Fijne dag."]]
    expected = full.check_conversations(calls)
    # The pipeline is shared between linters: count only what the fast linter parses.
    parsed = count_parses(fast, monkeypatch)
    assert fast.check_conversations(calls) == expected
    assert fast.check_conversations(calls) == expected  # now all from the cache
    assert parsed.count(turn) == 1
    assert fast.check_conversations(calls)[0][0], "the turn has findings"


def test_document_level_hits_are_not_taken_from_the_cache(
    fast: Linter, full: Linter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same turn mixes forms in one conversation (KL014) and not in the other.
    turn = "Kun je dat even geven?"
    mixed = ["Goedemorgen, waarmee kan ik u helpen?", "Heeft u uw klantnummer bij de hand?", turn]
    plain = ["Hoi, waarmee kan ik je helpen?", turn]
    orders = ([mixed, plain], [plain, mixed])
    expected = [full.check_conversations(order) for order in orders]
    parsed = count_parses(fast, monkeypatch)
    for order, wanted in zip(orders, expected, strict=True):
        ours = fast.check_conversations(order)
        assert ours == wanted
        codes = [{f.code for f in findings} for findings in (ours[0][-1], ours[1][-1])]
        mixed_codes = codes[0] if order[0] is mixed else codes[1]
        plain_codes = codes[1] if order[0] is mixed else codes[0]
        assert "KL014" in mixed_codes
        assert "KL014" not in plain_codes
    # The hits are recomputed per conversation, but the parse of the repeated turn is kept.
    assert parsed.count(turn) == 1


def test_a_rule_that_needs_no_parse_runs_on_tokens_only(
    fast: Linter, full: Linter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long sentence (KL016) with no trigger word of any rule that needs the parse.
    long_turn = (
        "ja kijk dat gaat via de app en dan ziet u daar bovenaan een knop en daaronder staan alle "
        "meterstanden van de afgelopen twee jaar netjes op een rij"
    )
    expected = list(full.pipe([long_turn]))
    parsed = count_parses(fast, monkeypatch)
    ours = list(fast.pipe([long_turn]))
    assert ours == expected
    assert [f.code for f in ours[0]] == ["KL016"]
    assert parsed == []


def test_cached_hits_are_the_rules_own(fast: Linter) -> None:
    fast.check("Helaas kan dat niet.")
    entry = fast._segment_cache.get(("Helaas kan dat niet.", "unknown"))
    assert entry is not None and entry.hits is not None
    assert {rule.info.code for rule, _ in entry.hits} == {"KL002"}
    assert all(isinstance(hit, Hit) for _, hit in entry.hits)
