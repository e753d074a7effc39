"""File-per-call transcripts: WebVTT, SRT, plain text and Whisper/WhisperX JSON.

A cue that cannot be read becomes an error record naming its line; the call is still linted with the other cues
and marked incomplete (`Call.turns_lost`). A file in which no cue can be read gives only those error records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from klantlint.transcripts.cues import BadBlock, Cue, cues
from klantlint.transcripts.decoding import decoded_text
from klantlint.transcripts.errors import RecordError
from klantlint.transcripts.models import Call, Record, Turn
from klantlint.transcripts.records import finished_call, number, parse_json

# A tag or voice ends before the next "<" (so "<<<<..." is read once, not once per "<"); blanks are taken whole and
# a speaker's name starts with no blank (a line of spaces is not read again for every way to share them out).
VOICE = re.compile(r"<v(?:\.[\w.-]++)?\s([^<>]++)>(.*?)(?=<v[\s.]|</v>|$)", re.DOTALL)
TAG = re.compile(r"</?[^<>]++>")
SPEAKER_LINE = re.compile(r"^\s*+(?:\[[^\]]*+\]\s*+)?([^:\s][^:\n]{0,39}?)\s*+:\s*(.*)$")


class LineError(ValueError):
    """The whole file cannot be a call: the reason, and the line it was found on."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class ParsedFile:
    """The turns of a file (each with the line it starts on), and the cues that could not be read."""

    turns: list[tuple[int, Turn]] = field(default_factory=list)
    problems: list[BadBlock] = field(default_factory=list)


# Reads a whole file's text into turns; a LineError when the file cannot be a call at all.
FileParser = Callable[[str], ParsedFile]


def whole_file_records(
    data: bytes, source: str, parse: FileParser, call_id: str, encoding: str | None, *, cue_lines: bool
) -> Iterator[Record]:
    """The call in one file (and an error record per cue that cannot be read). `cue_lines`: the call's line is its
    first cue's (WebVTT, SRT), else 1."""
    text, line, problem = decoded_text(data, encoding)
    if text is None:
        yield RecordError(source, line, problem or "onleesbaar", call_id)
        return
    try:
        parsed = parse(text)
    except LineError as error:
        yield RecordError(source, error.line, str(error), call_id)
        return
    for bad in parsed.problems:
        yield RecordError(source, bad.line, bad.reason, call_id)
    if parsed.problems and not parsed.turns:
        return  # every cue has its error record; an empty call would only hide why
    first_line = parsed.turns[0][0] if parsed.turns and cue_lines else 1
    call = Call(
        call_id=call_id,
        turns=[turn for _, turn in parsed.turns],
        source=source,
        line=first_line,
        turns_lost=len(parsed.problems),
    )
    yield finished_call(call)


def _cue_turns(text: str, vtt: bool, speakers: Callable[[Cue], list[Turn]], unlabelled: str) -> ParsedFile:
    parsed = ParsedFile()
    cues_without_speaker: list[Cue] = []
    for item in cues(text, vtt=vtt):
        if isinstance(item, BadBlock):
            parsed.problems.append(item)
            continue
        turns = speakers(item)
        if not turns:
            cues_without_speaker.append(item)
            parsed.problems.append(BadBlock(item.line, unlabelled))
        parsed.turns.extend((item.line, turn) for turn in turns)
    if cues_without_speaker and not parsed.turns:
        # No cue names a speaker: the file is not in the expected shape at all, which one error says best.
        raise LineError(f"{unlabelled}; geen enkele cue heeft er een", cues_without_speaker[0].line)
    return parsed


def _vtt_speakers(cue: Cue) -> list[Turn]:
    return [
        Turn(
            speaker=voice.group(1).strip(),
            text=TAG.sub("", voice.group(2)).strip(),
            start=cue.start,
            end=cue.end,
            line=cue.line,
        )
        for voice in VOICE.finditer(cue.body)
    ]


def _srt_speakers(cue: Cue) -> list[Turn]:
    first, *rest = TAG.sub("", cue.body).strip().split("\n")
    labelled = SPEAKER_LINE.match(first)
    if labelled is None:
        return []
    text = " ".join(part.strip() for part in [labelled.group(2), *rest] if part.strip())
    return [Turn(speaker=labelled.group(1).strip(), text=text, start=cue.start, end=cue.end, line=cue.line)]


def vtt_file(text: str) -> ParsedFile:
    if not text.lstrip().startswith("WEBVTT"):
        raise LineError("geen WebVTT: de eerste regel moet 'WEBVTT' zijn", 1)
    return _cue_turns(text, True, _vtt_speakers, "cue zonder spreker (<v Naam>)")


def srt_file(text: str) -> ParsedFile:
    return _cue_turns(text, False, _srt_speakers, "ondertitel zonder spreker ('Naam: tekst')")


def txt_file(text: str) -> ParsedFile:
    parsed = ParsedFile()
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        labelled = SPEAKER_LINE.match(line)
        if labelled is None:
            if not parsed.turns:
                raise LineError("regel zonder spreker ('Agent: ...' / 'Klant: ...')", line_number)
            start, last = parsed.turns[-1]
            parsed.turns[-1] = (start, last.model_copy(update={"text": f"{last.text} {line.strip()}"}))
            continue
        turn = Turn(speaker=labelled.group(1).strip(), text=labelled.group(2).strip(), line=line_number)
        parsed.turns.append((line_number, turn))
    return parsed


def whisper_file(text: str) -> ParsedFile:
    try:
        data = parse_json(text)
    except ValueError as error:
        raise LineError(str(error), 1) from None
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise LineError("Whisper-JSON zonder lijst 'segments'", 1)
    parsed = ParsedFile()
    without_speaker = 0
    for index, segment in enumerate(segments):
        # One bad segment is an error record of its own; the file's other segments are still a call (incomplete).
        if not isinstance(segment, dict) or not isinstance(segment.get("text"), str):
            parsed.problems.append(BadBlock(1, f"segment {index} zonder tekst"))
            continue
        speaker = segment.get("speaker")
        if not speaker:
            without_speaker += 1
            parsed.problems.append(BadBlock(1, f"segment {index} zonder spreker (gebruik WhisperX met diarisatie)"))
            continue
        try:
            start, end = number(segment.get("start")), number(segment.get("end"))
        except (TypeError, ValueError):
            parsed.problems.append(BadBlock(1, f"segment {index}: 'start'/'end' moeten getallen (seconden) zijn"))
            continue
        parsed.turns.append((1, Turn(speaker=str(speaker), text=segment["text"].strip(), start=start, end=end)))
    if without_speaker and without_speaker == len(segments):
        # No segment names a speaker: a transcript without diarisation, which one error says best.
        raise LineError("geen enkel segment heeft een spreker (gebruik WhisperX met diarisatie)", 1)
    return parsed
