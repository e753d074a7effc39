"""Records as plain values, for sending a chunk of them to a forked worker through a pipe.

Pickling a call as pydantic does it costs a Python `__setstate__` call per turn when it is read back, the larger part
of handing a chunk over (about 5 µs a turn, both ends together). A call's turns are nearly always those a reader
built with `checked_turn`, so they travel as tuples of their five values and are rebuilt the same way, and the call
as its field values. Whatever does not have that exact shape (a turn given a role, a subclass, an error record)
travels as itself, pickled as usual: the record that comes out equals the one that went in, either way.
"""

from __future__ import annotations

from typing import Any

from klantlint.transcripts.models import CHECKED_TURN_FIELDS, Call, Record, Turn, checked_turn, unvalidated_call

# A call's field values with its turns encoded, and the names of the fields it was given.
EncodedCall = tuple[dict[str, Any], tuple[str, ...]]


def encode_records(records: list[Record]) -> list[EncodedCall | Record]:
    """The records as plain values where they have the usual shape, else as themselves."""
    return [_encode_call(record) if type(record) is Call and _plain(record) else record for record in records]


def decode_records(items: list[EncodedCall | Record]) -> list[Record]:
    """The records `encode_records` was given, equal to them."""
    return [_decode_call(item) if type(item) is tuple else item for item in items]


def _plain(model: Call | Turn) -> bool:
    """Whether the model holds nothing beyond its fields (no extra or private values)."""
    return model.__pydantic_extra__ is None and model.__pydantic_private__ is None


def _encode_call(call: Call) -> EncodedCall:
    values = dict(call.__dict__)
    values["turns"] = [_encode_turn(turn) for turn in call.turns]
    return values, tuple(call.__pydantic_fields_set__)


def _encode_turn(turn: Turn) -> tuple[str, str, float | None, float | None, int | None] | Turn:
    values = turn.__dict__
    if type(turn) is Turn and values["role"] == "unknown" and turn.__pydantic_fields_set__ == CHECKED_TURN_FIELDS:
        return values["speaker"], values["text"], values["start"], values["end"], values["line"]
    return turn


def _decode_call(item: EncodedCall) -> Call:
    values, fields_set = item
    values["turns"] = [checked_turn(*turn) if type(turn) is tuple else turn for turn in values["turns"]]
    return unvalidated_call(values, fields_set)
