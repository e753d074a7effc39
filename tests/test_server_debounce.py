"""The server lints a keystroke after a pause at once, whatever the debounce: a server whose debounce is ten minutes
still answers a single change within the test's wait."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from tests.test_server import ENV, _diagnostics, _open  # noqa: E402

TEN_MINUTES_MS = 600_000


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scripts")
    (root / "klantlint.toml").write_text("extend-select = ['KL003']\n", encoding="utf-8")  # KL003 is opt-in
    return root


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "klantlint", "server"], server_env=ENV),
)
async def client(lsp_client: LanguageClient, workspace: Path):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        """The server asks to watch config files; this client just accepts."""

    params = types.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
        root_uri=workspace.as_uri(),
        initialization_options={"debounce_ms": TEN_MINUTES_MS},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_a_keystroke_after_a_pause_is_linted_without_waiting_for_the_debounce(
    client: LanguageClient, workspace: Path
):
    uri = _open(client, workspace / "pauze.txt", "Agent: Goedemorgen, waarmee kan ik u helpen?\n")
    await _diagnostics(client, uri)  # the open is linted; nothing is waiting or running now
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="Agent: Nee, dat doen we niet.\n")],
        )
    )
    changed = await _diagnostics(client, uri, lambda found: any(d.code == "KL003" for d in found))
    assert next(d for d in changed if d.code == "KL003").range.start.line == 0
