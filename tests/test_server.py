"""The language server end to end: a real LSP client (pytest-lsp) talks to `klantlint server` over stdio."""

from __future__ import annotations

import asyncio
import os
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 120  # the first lint loads the pipeline; generous so a slow CI machine does not fail
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH", "")])}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scripts")
    # KL003 (opt-in) is the rule these tests watch: "Nee, dat doen we niet." trips it.
    (root / "klantlint.toml").write_text("fail_on = 'warning'\nextend-select = ['KL003']\n", encoding="utf-8")
    return root


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "klantlint", "server"], server_env=ENV),
)
async def client(lsp_client: LanguageClient, workspace: Path):
    registrations: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    lsp_client.registrations = registrations  # type: ignore[attr-defined]
    capabilities = pytest_lsp.client_capabilities("visual-studio-code")
    params = types.InitializeParams(
        capabilities=capabilities, root_uri=workspace.as_uri(), initialization_options={"debounce_ms": 10}
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def _diagnostics(client: LanguageClient, uri: str, until=lambda d: True) -> Sequence[types.Diagnostic]:
    for _ in range(int(WAIT_SECONDS / 0.05)):
        found = client.diagnostics.get(uri)
        if found is not None and until(found):
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"no matching diagnostics for {uri}: {client.diagnostics.get(uri)}")


def _open(client: LanguageClient, path: Path, text: str, language: str = "plaintext") -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    return uri


def _apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply edits to a single-line or multi-line ASCII text (positions are then code points)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        return starts[position.line] + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def _actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [action for action in result or [] if isinstance(action, types.CodeAction)]


@pytest.mark.asyncio(loop_scope="module")
async def test_diagnostics_appear_with_code_severity_and_explanation_link(client: LanguageClient, workspace: Path):
    text = "Agent: Goedemorgen.\nAgent: Wat was uw naam ook alweer?\n"
    uri = _open(client, workspace / "diag.txt", text)
    diagnostics = await _diagnostics(client, uri)
    kl001 = next(d for d in diagnostics if d.code == "KL001")
    assert kl001.source == "klantlint"
    assert kl001.severity in (types.DiagnosticSeverity.Warning, types.DiagnosticSeverity.Error)
    assert kl001.range.start.line == 1
    assert text.splitlines()[1][kl001.range.start.character : kl001.range.end.character] == "was uw naam"
    assert kl001.code_description is not None
    page = Path(kl001.code_description.href.removeprefix("file://"))
    assert "Wat gaat er mis" in page.read_text(encoding="utf-8")


@pytest.mark.asyncio(loop_scope="module")
async def test_a_change_is_linted_again(client: LanguageClient, workspace: Path):
    text = "Agent: Goedemorgen, waarmee kan ik u helpen?\n"
    uri = _open(client, workspace / "change.txt", text)
    assert not [d for d in await _diagnostics(client, uri) if d.code == "KL003"]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=1, character=0), end=types.Position(line=1, character=0)
                    ),
                    text="Agent: Nee, dat doen we niet.\n",
                )
            ],
        )
    )
    changed = await _diagnostics(client, uri, lambda found: any(d.code == "KL003" for d in found))
    assert next(d for d in changed if d.code == "KL003").range.start.line == 1


@pytest.mark.asyncio(loop_scope="module")
async def test_quick_fix_applies_the_safe_rewrite_and_suppression_writes_the_comment(
    client: LanguageClient, workspace: Path
):
    text = "Agent: Wat was uw naam ook alweer?\n"
    uri = _open(client, workspace / "fix.txt", text)
    diagnostic = next(d for d in await _diagnostics(client, uri) if d.code == "KL001")
    actions = await _actions(client, uri, diagnostic)
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1
    assert preferred[0].kind == types.CodeActionKind.QuickFix
    assert _apply(text, preferred[0].edit.changes[uri]) == "Agent: Wat is uw naam ook alweer?\n"
    unsafe = [a for a in actions if "onveilig" in a.title]
    assert unsafe and not any(a.is_preferred for a in unsafe)
    suppress = next(a for a in actions if "onderdrukken" in a.title)
    suppressed = _apply(text, suppress.edit.changes[uri])
    assert suppressed == "Agent: Wat was uw naam ook alweer?  # klantlint: ignore[KL001] -- reden invullen\n"
    fix_all = next(a for a in actions if "alle veilige" in a.title)
    assert _apply(text, fix_all.edit.changes[uri]) == "Agent: Wat is uw naam ook alweer?\n"


@pytest.mark.asyncio(loop_scope="module")
async def test_suppression_in_markdown_is_an_html_comment_and_silences_the_finding(
    client: LanguageClient, workspace: Path
):
    text = "**Agent:** Wat was uw naam ook alweer?\n"
    uri = _open(client, workspace / "fix.md", text, language="markdown")
    diagnostic = next(d for d in await _diagnostics(client, uri) if d.code == "KL001")
    suppress = next(a for a in await _actions(client, uri, diagnostic) if "onderdrukken" in a.title)
    suppressed = _apply(text, suppress.edit.changes[uri])
    assert suppressed.endswith("alweer? <!-- klantlint: ignore[KL001] -- reden invullen -->\n")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=suppressed)],
        )
    )
    await _diagnostics(client, uri, lambda found: not any(d.code == "KL001" for d in found))


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_shows_the_explanation(client: LanguageClient, workspace: Path):
    text = "Agent: Nee, dat doen we niet.\n"
    uri = _open(client, workspace / "hover.txt", text)
    diagnostic = next(d for d in await _diagnostics(client, uri) if d.code == "KL003")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=diagnostic.range.start)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    for section in ("KL003", "Wat gaat er mis", "Waarom", "Beter"):
        assert section in hover.contents.value
    elsewhere = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=25)
        )
    )
    assert elsewhere is None


@pytest.mark.asyncio(loop_scope="module")
async def test_config_change_is_picked_up(client: LanguageClient, workspace: Path):
    watched = [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]  # type: ignore[attr-defined]
    assert watched, "the server asks to be told about config changes"
    folder = workspace / "team"
    folder.mkdir()
    config = folder / "klantlint.toml"
    config.write_text("ignore = []\n", encoding="utf-8")
    uri = _open(client, folder / "config.txt", "Agent: Wat was uw naam ook alweer?\n")
    await _diagnostics(client, uri, lambda found: any(d.code == "KL001" for d in found))
    config.write_text("ignore = ['KL001']\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    await _diagnostics(client, uri, lambda found: not any(d.code == "KL001" for d in found))


@pytest.mark.asyncio(loop_scope="module")
async def test_broken_config_shows_an_error_message_and_the_server_keeps_working(
    client: LanguageClient, workspace: Path
):
    folder = workspace / "kapot"
    folder.mkdir()
    (folder / "klantlint.toml").write_text("select = [KL001\n", encoding="utf-8")
    uri = _open(client, folder / "script.txt", "Agent: Wat was uw naam ook alweer?\n")
    assert not await _diagnostics(client, uri)
    error = next(m for m in client.messages if "klantlint.toml" in m.message)
    assert error.type == types.MessageType.Error
    assert "geen geldige TOML" in error.message
    other = _open(client, workspace / "after-broken.txt", "Agent: Nee, dat doen we niet.\n")
    assert any(d.code == "KL003" for d in await _diagnostics(client, other))


@pytest.mark.asyncio(loop_scope="module")
async def test_very_long_and_binary_like_input_do_not_hang_the_server(client: LanguageClient, workspace: Path):
    huge = _open(client, workspace / "huge.txt", "Agent: Goedemorgen. " * 15_000)
    assert not await _diagnostics(client, huge)
    assert any("te lang" in m.message for m in client.messages)
    # One 150,000-character "word" (spaCy's tokenizer is quadratic in a token's length) before a real finding.
    long_token = _open(client, workspace / "token.txt", "x" * 150_000 + "\nAgent: Wat was uw naam ook alweer?\n")
    assert any(d.code == "KL001" for d in await _diagnostics(client, long_token))
    noise = random.Random(17)
    binary_like = "".join(chr(noise.choice([*range(1, 32), *range(127, 256)])) for _ in range(50_000))
    garbage = _open(client, workspace / "garbage.txt", binary_like + "\nAgent: Nee, dat doen we niet.\n")
    assert any(d.code == "KL003" for d in await _diagnostics(client, garbage))
    with_nul = _open(client, workspace / "nul.txt", "abc\x00def\n")
    assert not await _diagnostics(client, with_nul)
    assert any("binaire inhoud" in m.message for m in client.messages)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_positions_round_trip_in_every_encoding_and_match_pygls(encoding: str):
    from pygls.workspace import PositionCodec

    from klantlint.server.positions import LineIndex

    text = "ab\nxé😋yz\r\nlaatste"
    codec = PositionCodec(encoding)
    index = LineIndex(text, codec)
    lines = text.splitlines(keepends=True)
    for offset in range(len(text) + 1):
        position = index.position(offset)
        assert index.offset(position) == offset or text[offset - 1] == "\n"
        column = offset - index.starts[position.line]
        expected = codec.position_to_client_units(lines, types.Position(line=position.line, character=column))
        assert position.character == expected.character
