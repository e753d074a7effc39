"""Markdown: only prose is linted, and offsets point into the original file."""

from __future__ import annotations

from klantlint import Linter
from klantlint.io.masking import mask_markdown
from klantlint.io.segments import split_segments

DOCUMENT = """---
titel: Wat was uw naam?
---
# Script

```
Wat was uw naam?
```

    Wat was uw postcode?

<!-- Wat was uw naam? -->
Zie https://example.org/wat-was-uw-naam of mail naar helaas@niet.nl.
Inline `Wat was uw naam?` telt niet.

**Agent:** Wat was uw naam ook alweer?
**Klant:** Nee, helaas kan ik dat niet.
"""


def test_mask_keeps_length_and_newlines() -> None:
    masked = mask_markdown(DOCUMENT)
    assert len(masked) == len(DOCUMENT)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(DOCUMENT) if c == "\n"]
    assert "example.org" not in masked and "helaas@niet.nl" not in masked and "titel" not in masked


def test_only_prose_is_linted_with_original_positions(linter: Linter) -> None:
    # The dialogue at the end is also a (very short) conversation: KL1xx point at its agent turn, line 16 too.
    findings = [f for f in linter.check(DOCUMENT, text_format="markdown") if not f.code.startswith("KL1")]
    assert [(f.code, f.line) for f in findings] == [("KL001", 16)]
    finding = findings[0]
    assert DOCUMENT[finding.start : finding.end] == finding.text == "was uw naam"
    assert finding.column == DOCUMENT.splitlines()[15].index("was uw naam") + 1


def test_speaker_labels_give_roles() -> None:
    segments = split_segments("Agent: Goedemorgen.\nKlant: Hallo.\nvervolg van klant\n\nlos")
    assert [(s.role, s.text) for s in segments] == [
        ("agent", "Goedemorgen."),
        ("customer", "Hallo.\nvervolg van klant"),
        ("unknown", "los"),
    ]
