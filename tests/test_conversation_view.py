"""The call view the conversation rules share: normalised text, facts worked out once per turn text, and the
agent's next turn."""

from __future__ import annotations

from klantlint.conversation.text import normalise
from klantlint.conversation.view import CallView, ViewTurn


def test_normalise_folds_quotes_and_accents_and_keeps_the_length() -> None:
    assert normalise("Oké, ’t Café ‘bij´ `ons` - ëën naïef") == "oke, 't cafe 'bij' 'ons' - een naief"
    assert normalise("Goedemorgen") == "goedemorgen"
    # "İ" lowercases to two characters ("i" and a dot above): only the "i" is kept, so offsets stay right.
    assert normalise("İK BEN é") == "ik ben e"
    assert len(normalise("İK BEN é")) == len("İK BEN é")


def test_a_fact_is_worked_out_once_per_turn_text_and_shared_by_turns_with_that_text() -> None:
    seen: list[str] = []

    def words(turn: ViewTurn) -> int:
        seen.append(turn.text)
        return len(turn.lower.split())

    text = "Dat zoek ik even voor u uit (test_conversation_view)"
    first = ViewTurn(0, "agent", text)
    again = ViewTurn(4, "customer", text)
    other = ViewTurn(1, "agent", text + " nu")

    assert first.fact(words) == 8
    assert again.fact(words) == 8
    assert other.fact(words) == 9
    assert seen == [text, text + " nu"]


def test_the_next_agent_turn_and_the_timing_of_a_call() -> None:
    turns = (
        ViewTurn(0, "agent", "Goedemorgen.", 0.0, 2.0),
        ViewTurn(1, "customer", "Hallo.", 2.5, 3.0),
        ViewTurn(2, "unknown", "(ruis)", None, None),
        ViewTurn(3, "agent", "Momentje.", 3.5, 4.0),
        ViewTurn(4, "customer", "Ja.", 5.0, None),
    )
    view = CallView(turns)

    assert [view.next_agent_turn(index) for index in range(5)] == [turns[3], turns[3], turns[3], None, None]
    assert view.agent_turns == (turns[0], turns[3])
    assert view.opening is turns[0]
    # A turn of unknown role needs no times; the customer's last turn lacks an end time.
    assert view.has_start_times
    assert not view.has_timestamps
    assert not CallView((ViewTurn(0, "agent", "Hallo.", None, 1.0),)).has_start_times
    assert not CallView((ViewTurn(0, "unknown", "Hallo.", 0.0, 1.0),)).has_start_times
