"""spaCy imported without its command-line package (`klantlint.nlp.spacy_import`), each test in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def _run(code: str) -> dict[str, object]:
    """Run `code` in a fresh Python; it prints one JSON object last, which is returned."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_loading_the_pipeline_does_not_import_spacys_commands() -> None:
    report = _run(
        """
import json, sys
from klantlint.nlp.pipeline import load_pipeline
nlp = load_pipeline("auto")
doc = nlp("Ik heb uw mail ontvangen.")
print(json.dumps({
    "cli": sorted(name for name in sys.modules if name == "spacy.cli" or name.startswith("spacy.cli.")),
    "weasel": "weasel" in sys.modules,
    "tokens": [token.text for token in doc],
}))
"""
    )
    assert report == {"cli": [], "weasel": False, "tokens": ["Ik", "heb", "uw", "mail", "ontvangen", "."]}


def test_spacy_commands_and_info_still_work_afterwards() -> None:
    """The stand-in is gone once spaCy is imported: `spacy.cli` is the real package, `spacy.info` the real function."""
    report = _run(
        """
import json, sys
from klantlint.nlp.spacy_import import import_spacy
spacy = import_spacy()
stand_in_left = "spacy.cli.info" in sys.modules
import spacy.cli
import spacy.cli.info
details = spacy.info(markdown=False, silent=True)
print(json.dumps({
    "stand_in_left": stand_in_left,
    "real_info": sys.modules["spacy.cli.info"].__file__.endswith("info.py"),
    "has_download": hasattr(spacy.cli, "download"),
    "version": details["spacy_version"] == spacy.__version__,
}))
"""
    )
    assert report == {"stand_in_left": False, "real_info": True, "has_download": True, "version": True}


def test_a_spacy_imported_before_is_returned_as_it_is() -> None:
    report = _run(
        """
import json, sys
import spacy
from klantlint.nlp.spacy_import import import_spacy
print(json.dumps({"same": import_spacy() is spacy, "cli": "spacy.cli" in sys.modules}))
"""
    )
    assert report == {"same": True, "cli": True}
