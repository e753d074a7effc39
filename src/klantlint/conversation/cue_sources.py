"""Writes `cue_sources.json`, the regex sources of the built-in cues (see `text.stored_cue_source`):

    python -m klantlint.conversation.cue_sources

after changing a cue of `klantlint.conversation.cues` or how `text.cue_source` builds a regex
(tests/test_cue_sources.py fails until it is run).
"""

from __future__ import annotations

from klantlint.conversation import cues
from klantlint.conversation.text import Cue, write_cue_sources


def builtin_cues() -> list[Cue]:
    """The cues of `klantlint.conversation.cues`, in the order they are defined."""
    return [value for value in vars(cues).values() if isinstance(value, Cue)]


if __name__ == "__main__":
    write_cue_sources(builtin_cues())
