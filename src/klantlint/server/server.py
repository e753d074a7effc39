"""The pygls wiring: documents are linted on open and (debounced) on change in one worker thread, so the
server keeps answering hovers and code actions while it lints; results are kept per document version."""

from __future__ import annotations

import asyncio
import contextlib
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from klantlint import __version__
from klantlint.engine.base import RuleInfo
from klantlint.engine.fixing import chosen_suggestion
from klantlint.engine.linter import Linter, TextFormat
from klantlint.errors import KlantlintError
from klantlint.findings import Finding
from klantlint.io.files import MARKDOWN_SUFFIXES
from klantlint.server.actions import FIX_ALL_KIND, fix_all_action, suggestion_action, suppression_action
from klantlint.server.diagnostics import ExplanationPages, to_diagnostic
from klantlint.server.hover import hover_for
from klantlint.server.linters import LinterStore
from klantlint.server.positions import LineIndex

DEBOUNCE_SECONDS = 0.05
# Longer documents are not linted while typing (a script is a few thousand words; this is a book).
MAX_DOCUMENT_CHARS = 200_000
# A "word" this long is never prose (a pasted hash, base64, binary garbage), and spaCy's tokenizer needs time
# quadratic in a token's length: such runs are blanked (offsets kept) before linting.
LONG_TOKEN = re.compile(r"\S{200,}")
CONFIG_GLOBS = ("**/pyproject.toml", "**/klantlint.toml", "**/.klantlint.toml", "**/*.yaml", "**/*.yml")


@dataclass
class Linted:
    """One version of a document and what the linter found in it."""

    text: str
    text_format: TextFormat
    index: LineIndex
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    linter: Linter | None = None
    infos: dict[str, RuleInfo] = field(default_factory=dict)
    checked: str = ""  # the text as linted: `text` with over-long tokens blanked
    problem: str | None = None  # why the document was not linted (config error, too long, binary)
    problem_type: types.MessageType = types.MessageType.Error


class KlantlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("klantlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.store = LinterStore(Path.cwd())
        self.pages = ExplanationPages()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="klantlint-lint")
        self.shown_problems: set[str] = set()
        self.debounce = DEBOUNCE_SECONDS
        # Per Linter (by id, the Linter kept so the id stays its own): its rules by code and explanation links.
        self.rule_links: dict[int, tuple[Linter, dict[str, RuleInfo], dict[str, str]]] = {}

    # -- linting ------------------------------------------------------------------------------

    def lint_text(self, uri: str, text: str, language_id: str | None) -> Linted:
        """Runs in the worker thread: the only place a Linter is used."""
        path_text = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(path_text) if path_text else None
        markdown = language_id == "markdown" or (path is not None and path.suffix.lower() in MARKDOWN_SUFFIXES)
        linted = Linted(text, "markdown" if markdown else "text", LineIndex(text, self.workspace.position_codec))
        name = path.name if path is not None else uri
        if len(text) > MAX_DOCUMENT_CHARS:
            linted.problem = f"{name}: te lang om tijdens het typen te controleren ({len(text)} tekens, "
            linted.problem += f"grens {MAX_DOCUMENT_CHARS}); gebruik 'klantlint check'"
            linted.problem_type = types.MessageType.Warning
            return linted
        if "\x00" in text:
            linted.problem = f"{name}: binaire inhoud, geen tekst; niet gecontroleerd"
            linted.problem_type = types.MessageType.Warning
            return linted
        try:
            linter = self.store.linter_for(path)
        except KlantlintError as error:
            linted.problem = f"klantlint: configuratiefout: {error}"
            return linted
        linted.linter = linter
        known = self.rule_links.get(id(linter))
        if known is None or known[0] is not linter:
            infos = linter.rule_infos()
            known = self.rule_links[id(linter)] = (linter, {i.code: i for i in infos}, self.pages.links(infos))
        linted.infos = known[1]
        linted.checked = LONG_TOKEN.sub(lambda match: " " * len(match.group()), text)
        linted.findings = linter.check(
            linted.checked, text_format=linted.text_format, path=_config_relative(path, linter)
        )
        linted.diagnostics = [to_diagnostic(finding, linted.index, known[2]) for finding in linted.findings]
        return linted

    def schedule(self, uri: str, delay: float) -> None:
        """Lint after a change: at once when nothing is waiting or running for the document (a keystroke after a
        pause), else after `delay`, replacing the waiting lint (a burst of typing is linted once it settles)."""
        previous = self.pending.pop(uri, None)
        wait = 0.0
        if previous is not None and not previous.done():
            previous.cancel()
            wait = delay
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, wait))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        await self.refresh(uri)

    async def refresh(self, uri: str) -> Linted | None:
        """Lint the document's current text (if not already linted) and publish its diagnostics."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        text, version = document.source, document.version
        known = self.linted.get(uri)
        if known is not None and known.text == text:
            return known
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(self.worker, self.lint_text, uri, text, document.language_id)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.source != text:
            return linted  # changed or closed meanwhile: a newer lint is on its way
        self.linted[uri] = linted
        if linted.problem and linted.problem not in self.shown_problems:
            self.shown_problems.add(linted.problem)
            self.window_show_message(types.ShowMessageParams(type=linted.problem_type, message=linted.problem))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=linted.diagnostics, version=version)
        )
        return linted

    def reload_config(self) -> None:
        self.store.reload()
        self.shown_problems.clear()
        self.linted.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    async def warm_up(self) -> None:
        """Load the pipeline for the workspace's config before the first document arrives."""
        loop = asyncio.get_running_loop()
        with contextlib.suppress(KlantlintError):  # reported when a document needs it
            await loop.run_in_executor(self.worker, self.store.linter_for, None)

    # -- requests -----------------------------------------------------------------------------

    async def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        linted = await self.refresh(params.text_document.uri)
        if linted is None or linted.linter is None:
            return []
        uri = params.text_document.uri
        start, end = linted.index.offset(params.range.start), linted.index.offset(params.range.end)
        only = params.context.only or []
        wants_fix_all = not only or any(kind.startswith(types.CodeActionKind.Source) for kind in only)
        wants_quick_fixes = not only or types.CodeActionKind.QuickFix in only
        actions: list[types.CodeAction] = []
        touched = False
        for finding, diagnostic in zip(linted.findings, linted.diagnostics, strict=True):
            if finding.end < start or finding.start > end:
                continue
            touched = True
            if not wants_quick_fixes:
                continue
            preferred = chosen_suggestion(finding, unsafe=False)
            for suggestion in finding.suggestions:
                actions.append(
                    suggestion_action(uri, finding, suggestion, suggestion is preferred, linted.index, diagnostic)
                )
            actions.append(suppression_action(uri, finding, linted.index, linted.text_format, diagnostic))
        has_safe_fix = any(chosen_suggestion(f, unsafe=False) for f in linted.findings)
        if has_safe_fix and wants_fix_all and (touched or only) and linted.checked == linted.text:
            loop = asyncio.get_running_loop()
            linter = linted.linter
            result = await loop.run_in_executor(
                self.worker, lambda: linter.fix(linted.text, text_format=linted.text_format)
            )
            if result.text != linted.text:
                kind = FIX_ALL_KIND if only and not wants_quick_fixes else types.CodeActionKind.QuickFix
                actions.append(fix_all_action(uri, linted.text, result.text, len(result.applied), linted.index, kind))
        return actions

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        linted = await self.refresh(params.text_document.uri)
        if linted is None:
            return None
        return hover_for(linted.findings, linted.index.offset(params.position), linted.infos, linted.index)


def _config_relative(path: Path | None, linter: Linter) -> str | None:
    """The path as `per_file_ignores` patterns see it: relative to the config file's folder where possible."""
    if path is None:
        return None
    source = linter.config.source
    if source is not None:
        try:
            return path.resolve().relative_to(source.parent.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def build_server() -> KlantlintServer:
    server = KlantlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: KlantlintServer, params: types.InitializeParams) -> None:
        options: Any = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce_ms"), int | float):
            ls.debounce = max(0.0, float(options["debounce_ms"]) / 1000)
        root = params.root_uri and to_fs_path(params.root_uri)
        if root:
            ls.store.default_folder = Path(root)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: KlantlintServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in CONFIG_GLOBS]
            )
            registration = types.Registration(
                id="klantlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
            )
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
            except JsonRpcException as error:  # the client will not tell us: config changes need a restart
                ls.window_log_message(
                    types.LogMessageParams(type=types.MessageType.Warning, message=f"klantlint: {error}")
                )
        await ls.warm_up()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: KlantlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: KlantlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: KlantlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: KlantlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: KlantlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload_config()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    async def code_action(ls: KlantlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return await ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: KlantlintServer, params: types.HoverParams) -> types.Hover | None:
        return await ls.hover(params)

    return server


def run() -> None:
    """Serve over standard input and output until the client says exit."""
    build_server().start_io()
