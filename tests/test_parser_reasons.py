"""Reasons for JSON, CSV, TOML, YAML and values that cannot be read are Dutch; a CSV record that runs on names the
lines it took."""

from __future__ import annotations

import csv
import json
import tomllib
from pathlib import Path

import pytest

from klantlint.io.parser_reasons import dutch_csv_reason, dutch_json_reason, dutch_toml_reason, dutch_yaml_reason
from klantlint.io.yaml_data import YAMLDataError, load_yaml
from klantlint.transcripts import Call, RecordError, iter_records
from tests.cli_helpers import run_cli

# One text for every message Python's json module raises (json/decoder.py, json/scanner.py).
BROKEN_JSON = [
    "",  # Expecting value
    '{"a": 1,}',  # Expecting property name enclosed in double quotes
    '{"a" 1}',  # Expecting ':' delimiter
    '{"a": 1 "b": 2}',  # Expecting ',' delimiter
    '{"a": "tekst',  # Unterminated string starting at
    '{"a": "tab\there"}',  # Invalid control character at
    '{"a": "\\u12"}',  # Invalid \uXXXX escape
    '{"a": "\\q"}',  # Invalid \escape
    '{"a": 1} {"b": 2}',  # Extra data
    "\ufeff{}",  # Unexpected UTF-8 BOM
]
ENGLISH = ("Expecting", "delimiter", "Invalid", "Unterminated", "Extra data", "Unexpected", "field limit")


def json_message(text: str) -> str:
    with pytest.raises(json.JSONDecodeError) as raised:
        json.loads(text)
    return raised.value.msg


@pytest.mark.parametrize("text", BROKEN_JSON)
def test_every_message_of_the_json_module_has_a_dutch_reason(text: str) -> None:
    reason = dutch_json_reason(json_message(text))
    assert not reason.startswith("onleesbaar") and not any(word in reason for word in ENGLISH)


def test_an_unknown_message_keeps_its_text_behind_a_dutch_lead() -> None:
    assert dutch_json_reason("Something new") == "onleesbaar (Something new)"
    assert dutch_csv_reason(csv.Error("something new")) == "onleesbaar (something new)"


def test_batch_names_file_line_and_a_dutch_reason_for_a_broken_json_line(tmp_path: Path) -> None:
    good = {"call_id": "c1", "turns": [{"speaker": "agent", "text": "Stuur maar een e-mail."}]}
    (tmp_path / "in.jsonl").write_text(json.dumps(good) + '\n{"call_id": "c2", "turns": [,]}\n', encoding="utf-8")
    result = run_cli("batch", "in.jsonl", "-o", "f.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert "in.jsonl:2: geen geldige JSON: hier hoort een waarde" in result.stderr
    assert not any(word in result.stderr for word in ENGLISH) and "Traceback" not in result.stderr
    assert "c1" in (tmp_path / "f.jsonl").read_text(encoding="utf-8")  # the good line is not lost


def test_csv_quote_never_closed_names_the_lines_it_took_and_the_next_record_keeps_its_line(tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    swallowed = limit // 100 + 10  # lines of about 100 characters inside the open quote: over the field limit
    lines = ["call_id,speaker,text", 'c1,agent,"Goedemorgen, u spreekt met Anna']
    lines += ["c1,klant," + "x" * 90 for _ in range(swallowed)]
    lines += ["c2,agent,Goedemorgen met Piet van De Bank, waarmee kan ik u helpen?", "c2,klant,Mijn factuur klopt niet"]
    path = tmp_path / "open-quote.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(iter_records(str(path)))
    errors = [record for record in records if isinstance(record, RecordError)]
    csv_error = next(error for error in errors if "geen geldige CSV" in error.reason)
    assert csv_error.line == 2
    last_taken = int(csv_error.reason.split(" t/m ")[1].split(")")[0])
    assert 2 < last_taken < len(lines)
    assert "aanhalingsteken dat niet wordt gesloten" in csv_error.reason
    assert not any(word in csv_error.reason for word in ENGLISH)
    # The reader goes on after the lines it took; what comes next is numbered from there (it used to be line 2).
    following = [record.line for record in records if record is not csv_error]
    assert following and min(following) == last_taken + 1
    assert any(isinstance(record, Call) and record.call_id == "c2" for record in records)


# One text for every message of tomllib (tomllib/_parser.py) that a klantlint config can run into.
BROKEN_TOML = [
    "a = 1\na = 2",  # Cannot overwrite a value
    "x = {a = 1}\nx.b = 2",  # Cannot mutate immutable namespace
    "[t]\n[t]",  # Cannot declare ('t',) twice
    "x = {a = 1, a = 2}",  # Duplicate inline table key
    'a = "c:\\map"',  # Unescaped '\' in a string
    'a = "x\x01"',  # Illegal character
    "[t\n",  # Expected ']' at the end of a table declaration
    "[[t]\n",  # Expected ']]' at the end of an array declaration
    "a b",  # Expected '=' after a key in a key/value pair
    'a = "abc',  # Unterminated string
    "a = {b = 1",  # Unclosed inline table
    "a = [1, 2",  # Unclosed array
    "a = hallo",  # Invalid value
    "= 1",  # Invalid statement
    'a = "\\uZZZZ"',  # Invalid hex value
    'a = "\\uD800"',  # Escaped character is not a Unicode scalar value
    "a = 1 b = 2",  # Expected newline or end of document after a statement
]


def toml_error(text: str) -> tomllib.TOMLDecodeError:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    return raised.value


@pytest.mark.parametrize("text", BROKEN_TOML)
def test_every_toml_message_has_a_dutch_reason_and_position(text: str) -> None:
    reason = dutch_toml_reason(toml_error(text))
    assert not reason.startswith("onleesbaar")
    assert not any(word in reason for word in ("Expected", "Invalid", "Cannot", "line", "column", "document"))
    assert reason.endswith(")") and ("(regel " in reason or "(aan het einde van het bestand)" in reason)


def test_a_toml_reason_names_the_table_declared_twice_and_where() -> None:
    reason = dutch_toml_reason(toml_error("[tool.klantlint]\nselect = []\n[tool.klantlint]\n"))
    assert reason == "deze tabel staat twee keer in het bestand: tool.klantlint (regel 3, kolom 16)"


def test_a_config_that_is_no_utf8_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "klantlint.toml").write_bytes(b'# caf\xe9\nselect = ["KL001"]\n')
    (tmp_path / "script.txt").write_text("Goedemorgen.\n", encoding="utf-8")
    result = run_cli("check", "script.txt", cwd=tmp_path)
    assert result.returncode == 2 and "klantlint.toml:1: configuratie is geen UTF-8-tekst" in result.stderr
    assert "codec" not in result.stderr and "Traceback" not in result.stderr


# One text for each problem of PyYAML (Python and libyaml wording) a rule pack can run into.
BROKEN_YAML = [
    "rules:\n  - code: KL500\n    message: 'nooit dicht\n",  # end of stream in a quoted scalar
    "rules: [\n",  # did not find expected node content
    "rules: [a, b\nc: d\n",  # did not find expected ',' or ']'
    "a: b: c\n",  # mapping values are not allowed
    "a:\n\t- b\n",  # found character that cannot start any token
    "a:\n  - b\n c: d\n",  # did not find expected key
    "- a\nb: c\n",  # did not find expected '-' indicator
    "a: {b: 1\n",  # did not find expected ',' or '}'
    "a: *x\n",  # found undefined alias
    'a: "\\q"\n',  # found unknown escape character
    "a: !!python/object:os.system x\n",  # could not determine a constructor for the tag
    "? [a]\n: b\n",  # found unhashable key
]


@pytest.mark.parametrize("text", BROKEN_YAML)
@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])  # PyYAML's own parser words some differently
def test_every_yaml_problem_has_a_dutch_reason_and_position(text: str, loader: str) -> None:
    yaml = pytest.importorskip("yaml")
    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML without {loader}")
    with pytest.raises(yaml.YAMLError) as raised:
        yaml.load(text, Loader=getattr(yaml, loader))
    reason = dutch_yaml_reason(raised.value)
    assert not reason.startswith("onleesbaar") and "regel " in reason and "kolom " in reason
    assert not any(word in reason for word in ("found", "expected", "while", "mapping values", "constructor"))


@pytest.mark.parametrize("text", BROKEN_YAML[:2])
def test_load_yaml_raises_the_dutch_reason(text: str) -> None:
    with pytest.raises(YAMLDataError) as raised:
        load_yaml(text)
    reason = str(raised.value)
    assert not reason.startswith("onleesbaar") and "regel " in reason and "kolom " in reason
    assert not any(word in reason for word in ("found", "expected", "while", "mapping values", "constructor"))


def test_an_unclosed_quote_in_yaml_is_placed_where_it_opens() -> None:
    with pytest.raises(YAMLDataError, match=r"niet afgesloten \(vanaf regel 3, kolom 14\)$"):
        load_yaml("rules:\n  - code: KL500\n    message: 'nooit dicht\n")


@pytest.mark.parametrize(
    ("config", "said"),
    [
        ("max_sentence_words = 'veel'\n", "sleutel 'max_sentence_words': moet een geheel getal zijn (gegeven: 'veel')"),
        ("max_sentence_words = -3\n", "sleutel 'max_sentence_words': moet minstens 1 zijn (gegeven: -3)"),
        ('fail_on = "alles"\n', "sleutel 'fail_on': moet een van deze zijn: 'error', 'warning' of 'info'"),
        ("columns = {call_id = 3}\n", "sleutel 'columns.call_id': moet tekst zijn (gegeven: 3)"),
    ],
)
def test_config_values_of_the_wrong_kind_are_named_in_dutch(tmp_path: Path, config: str, said: str) -> None:
    (tmp_path / "klantlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "script.txt").write_text("Goedemorgen.\n", encoding="utf-8")
    result = run_cli("check", "script.txt", cwd=tmp_path)
    assert result.returncode == 2 and f"klantlint.toml: {said}" in result.stderr
    assert "Input should" not in result.stderr and "Traceback" not in result.stderr


def test_a_rule_pack_entry_with_missing_and_wrong_fields_is_named_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("rules:\n  - code: KL501\n    severity: hoog\n", encoding="utf-8")
    (tmp_path / "klantlint.toml").write_text('rule_paths = ["pack.yaml"]\n', encoding="utf-8")
    (tmp_path / "script.txt").write_text("Goedemorgen.\n", encoding="utf-8")
    result = run_cli("check", "script.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "pack.yaml: KL501: name: ontbreekt;" in result.stderr
    assert "severity: moet een van deze zijn: 'error', 'warning' of 'info'" in result.stderr
    assert "Field required" not in result.stderr and "Input should" not in result.stderr
