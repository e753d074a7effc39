"""Time to diagnostics in the language server after a keystroke, on a 300-line dialogue script.

    python benchmarks/lsp_latency.py [--keystrokes 60] [--runs 2] [--debounce-ms 50]

Starts `klantlint server` over stdio as an editor would, opens a 300-line script built from examples/ and types
one character at a time at random lines. Measured from sending `textDocument/didChange` to receiving the
`publishDiagnostics` for that version, so it includes the debounce and the JSON-RPC round trip.
  cold  didOpen right after `initialized` in a fresh server (the pipeline is still loading)
  warm  keystrokes after that, each on a random line (the Linter's per-segment cache has the other lines)
Also with --debounce-ms 0, the linting alone. Writes benchmarks/results/lsp_latency.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from benchmarks.results_header import write_results  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "lsp_latency.md"
LINES = 300


def script_lines() -> list[str]:
    turns = [
        line
        for name in ("storing.txt", "afspraak-verzetten.txt")
        for line in (REPO / "examples" / name).read_text(encoding="utf-8").splitlines()
        if line.startswith(("Agent:", "Klant:"))
    ]
    return [f"{turns[i % len(turns)]} (regel {i + 1})" if i % 3 == 0 else turns[i % len(turns)] for i in range(LINES)]


async def measure(keystrokes: int, debounce_ms: int, seed: int) -> tuple[float, list[float]]:
    client = LanguageClient("lsp-latency", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived.setdefault(params.version, time.perf_counter())
            event.set()

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def on_message(params: types.ShowMessageParams) -> None:
        print(f"server: {params.message}", file=sys.stderr)

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    await client.start_io(sys.executable, "-m", "klantlint", "server", env=env)
    folder = Path(tempfile.mkdtemp())
    path = folder / "script.txt"
    lines = script_lines()
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=folder.as_uri(),
            initialization_options={"debounce_ms": debounce_ms},
        )
    )
    client.initialized(types.InitializedParams())
    uri = path.as_uri()

    async def wait_for(version: int, sent: float) -> float:
        while version not in arrived:
            event.clear()
            await asyncio.wait_for(event.wait(), timeout=300)
        return arrived[version] - sent

    sent = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text))
    )
    cold = await wait_for(1, sent)
    rng = random.Random(seed)
    warm = []
    for version in range(2, keystrokes + 2):
        line = rng.randrange(LINES)
        character = len(lines[line])
        lines[line] += "x"
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, character), types.Position(line, character)), text="x"
        )
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change])
        )
        warm.append(await wait_for(version, sent))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return cold, warm


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keystrokes", type=int, default=60)
    parser.add_argument("--runs", type=int, default=2, help="fresh servers (cold starts)")
    parser.add_argument("--debounce-ms", type=int, default=50)
    args = parser.parse_args()
    rows = []
    for debounce in (args.debounce_ms, 0):
        colds, warms = [], []
        for run in range(args.runs):
            cold, warm = asyncio.run(measure(args.keystrokes, debounce, seed=run))
            colds.append(cold)
            warms.extend(warm)
        rows.append((debounce, colds, warms))
    table = [
        "| debounce | cold: didOpen to diagnostics (median of runs) | warm keystroke median | warm p95 | warm max |",
        "|---|---|---|---|---|",
    ]
    for debounce, colds, warms in rows:
        table.append(
            f"| {debounce} ms | {statistics.median(colds) * 1000:.0f} ms | {statistics.median(warms) * 1000:.0f} ms "
            f"| {p95(warms) * 1000:.0f} ms | {max(warms) * 1000:.0f} ms |"
        )
    body = [
        f"A {LINES}-line "
        "dialogue script (built from examples/), one character typed at a random line per keystroke, measured "
        "from sending didChange to receiving publishDiagnostics for that version (over stdio, JSON-RPC "
        f"included), {args.runs} fresh servers x {args.keystrokes} keystrokes. Cold: didOpen sent right after "
        "`initialized` in a fresh server, so it includes loading the pipeline. Absolute times depend on the "
        "machine load in the line above.",
        "",
        *table,
    ]
    print(write_results(RESULTS, "Language server: time to diagnostics after a keystroke", body))


if __name__ == "__main__":
    main()
