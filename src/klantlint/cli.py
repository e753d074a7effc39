"""The `klantlint` command line: check, fix, rules, explain.

Exit codes: 0 nothing at or above `fail_on`, 1 findings, 2 usage, config or input error, a file-system
fault or any other failure (see `main`).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import click

from klantlint import __version__
from klantlint.batch.progress import text_progress
from klantlint.catalogue import Catalogue, build_catalogue
from klantlint.click_dutch import OPTIONS_METAVAR, SUBCOMMAND_METAVAR, speak_dutch
from klantlint.config import Config, ReportConfig, check_delimiter, resolve_config
from klantlint.errors import InputError, KlantlintError
from klantlint.findings import SEVERITY_RANK, VARIANTS, Finding
from klantlint.io.encoding import check_encoding
from klantlint.io.files import STDIN, Source, discover, read_source
from klantlint.io.os_errors import describe_os_error
from klantlint.io.output import (
    OutputError,
    check_target,
    guard_stdout,
    silence_stdout,
    write_atomically,
)
from klantlint.io.wording import counted
from klantlint.nlp.pipeline import describe_model
from klantlint.report import RENDERERS, RunResult
from klantlint.report.run import FileFindings
from klantlint.rulesdoc import explain_text, measured_figures, rules_markdown_table, rules_text_table
from klantlint.transcripts.readers import FORMATS as TRANSCRIPT_FORMATS

if TYPE_CHECKING:
    from klantlint.api import Linter

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
speak_dutch()  # before the commands below are declared: click words some option types as they are made
FORMATS = list(RENDERERS)


class Session:
    """Linters per config (files in different folders may have different configs), built lazily."""

    def __init__(
        self, config_path: Path | None, overrides: dict[str, object], extend_select: Sequence[str] = ()
    ) -> None:
        self.config_path = config_path
        self.overrides = overrides
        self.extend_select = list(extend_select)  # added to the config's own extend_select
        self._linters: dict[str, Linter] = {}
        self._configs: dict[Path, Config] = {}

    def config_for(self, path: str) -> Config:
        # Files in one folder share their config: find and parse it once per folder, not once per file.
        start = Path.cwd() if path == STDIN else Path(path)
        # os.path.realpath, not Path.resolve: a symlink loop is reported when the file is read, not as a crash.
        resolved = Path(os.path.realpath(start))
        folder = resolved if resolved.is_dir() else resolved.parent
        if folder not in self._configs:
            config = resolve_config(self.config_path, folder)
            extended = [*config.extend_select, *self.extend_select] if self.extend_select else None
            self._configs[folder] = config.merged(**self.overrides, extend_select=extended)
        return self._configs[folder]

    def linter_for(self, path: str) -> Linter:
        config = self.config_for(path)
        key = config.cache_key()
        if key not in self._linters:
            from klantlint.api import Linter  # the linting machinery only for commands that lint

            self._linters[key] = Linter(config)
        return self._linters[key]

    def any_linter(self) -> Linter:
        return self.linter_for(str(Path.cwd()))

    def catalogue(self) -> Catalogue:
        """The rules of the working folder's config, read without loading the pipeline."""
        config = self.config_for(str(Path.cwd()))
        catalogue = build_catalogue(config.rule_paths)
        catalogue.check_config(config)
        return catalogue


def _print_version(ctx: click.Context) -> None:
    config = resolve_config(None, Path.cwd())
    from spacy import __version__ as spacy_version

    _out(f"klantlint {__version__} (pijplijn: {describe_model(config.model)}, spaCy {spacy_version})")
    ctx.exit(EXIT_CLEAN)


def _split_codes(values: Sequence[str]) -> list[str] | None:
    codes = [code.strip().upper() for value in values for code in value.split(",") if code.strip()]
    return codes or None


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _checked(check: Callable[[str], str], value: str | None) -> str | None:
    """An option's value, checked; the check's ValueError becomes a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return check(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _jobs(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | Literal["auto"] | None:
    """`--jobs`: a number of processes from 1, or "auto" (every CPU available to the process); None when absent."""
    if value is None or value.strip().lower() == "auto":
        return None if value is None else "auto"
    number = int(value) if value.strip().isdigit() else 0
    if number < 1:
        raise click.BadParameter(f"{value!r} is geen aantal werkprocessen: geef een geheel getal vanaf 1, of 'auto'")
    return number


def _fail(message: str) -> None:
    click.echo(f"klantlint: fout: {message}", err=True)


def _out(text: str, *, nl: bool = True) -> None:
    """Standard output: quietly cut off when the reader stops (`| head`); a write fault is an OutputError."""
    with guard_stdout():
        click.echo(text, nl=nl)


def _out_bytes(data: bytes) -> None:
    """Standard output as bytes (a fixed text in its own encoding), cut off quietly like `_out`."""
    with guard_stdout():
        sys.stdout.flush()  # text written before stays before
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def _run_paths(session: Session, paths: Sequence[str], exclude_from: Config) -> tuple[list[Source], list[str]]:
    sources: list[Source] = []
    errors: list[str] = []
    for path in discover(list(paths), exclude_from.exclude):
        try:
            sources.append(read_source(path))
        except InputError as error:
            errors.append(str(error))
    return sources, errors


variant_option = click.option(
    "--variant",
    type=click.Choice(list(VARIANTS)),
    help="Nederlands uit Nederland (nl-NL) of Vlaanderen (nl-BE); anders zijn beide goed.",
)
common_options = [
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Configuratiebestand (anders: dichtstbijzijnde pyproject.toml / klantlint.toml).",
    ),
    click.option(
        "--select",
        multiple=True,
        help="Codes, prefixen of groepen die aan staan (komma's mogen), of ALL (ook opt-in); anders de standaardset.",
    ),
    click.option(
        "--extend-select",
        multiple=True,
        help="Codes, prefixen of groepen (gesprek, stijl) die er bovenop aan staan (opt-in-regels).",
    ),
    click.option("--ignore", multiple=True, help="Codes, prefixen of groepen die uit staan."),
    variant_option,
]


def with_common_options(function):  # type: ignore[no-untyped-def]
    for option in reversed(common_options):
        function = option(function)
    return function


class KlantlintCommand(click.Command):
    """A command whose usage line reads "[OPTIES]" (click's own placeholder is English)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)


class KlantlintGroup(click.Group):
    """The command group; a reader that stops reading standard output (`| head`) ends the run quietly.

    Click itself would turn that broken pipe into exit code 1, which here means findings.
    """

    command_class = KlantlintCommand

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:  # --help or --version into a closed pipe
            silence_stdout()
            raise click.exceptions.Exit(EXIT_CLEAN) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            silence_stdout()
            raise click.exceptions.Exit(EXIT_CLEAN) from None


@click.group(
    cls=KlantlintGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=SUBCOMMAND_METAVAR,
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _p, value: _print_version(ctx) if value else None,
    help="Toon de versie en de gebruikte spaCy-pijplijn.",
)
def cli() -> None:
    """klantlint: controleert Nederlandse klantenservicetaal in belscripts en transcripties."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PADEN...")
@with_common_options
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Vanaf welke ernst exit-code 1.")
@click.option("--statistics", is_flag=True, help="Toon het aantal bevindingen per regel.")
@click.option("--exit-zero", is_flag=True, help="Altijd exit-code 0 bij bevindingen (fouten blijven 2).")
def check(
    paths: tuple[str, ...],
    config_path: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    variant: str | None,
    output_format: str,
    fail_on: str | None,
    statistics: bool,
    exit_zero: bool,
) -> None:
    """Controleer bestanden, mappen of '-' (standaardinvoer)."""
    session = Session(
        config_path,
        {"select": _split_codes(select), "ignore": _split_codes(ignore), "fail_on": fail_on, "variant": variant},
        _split_codes(extend_select) or (),
    )
    base = session.config_for(paths[0])
    sources, errors = _run_paths(session, paths, base)
    files: list[FileFindings] = []
    failing = False
    for source in sources:
        linter = session.linter_for(source.path)
        text_format = "markdown" if source.markdown else "text"
        with text_progress(source.path, len(source.text)) as progress:
            findings = linter.check(source.text, text_format=text_format, path=source.path, progress=progress)
        findings = source.locate(findings) if source.locate is not None else findings
        files.append(FileFindings(source.path, findings, source.text))
        failing |= _fails(findings, linter.config.fail_on)
    linter = session.any_linter()
    run = RunResult(
        files=files,
        errors=errors,
        rules=linter.rule_infos(),
        pipeline=linter.pipeline,
        version=__version__,
        color=_use_color() and output_format == "text",
        statistics=statistics,
    )
    _out(RENDERERS[output_format](run), nl=False)
    for error in errors:
        _fail(error)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _fails(findings: list[Finding], fail_on: str) -> bool:
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[f.severity] >= threshold for f in findings)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PADEN...")
@with_common_options
@click.option("--unsafe", is_flag=True, help="Pas ook voorstellen toe die de betekenis kunnen veranderen.")
@click.option("--diff", is_flag=True, help="Toon de wijzigingen als diff en schrijf niets weg.")
def fix(
    paths: tuple[str, ...],
    config_path: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    variant: str | None,
    unsafe: bool,
    diff: bool,
) -> None:
    """Herschrijf wat veilig kan; met '-' komt de tekst op standaarduitvoer."""
    session = Session(
        config_path,
        {"select": _split_codes(select), "ignore": _split_codes(ignore), "variant": variant},
        _split_codes(extend_select) or (),
    )
    base = session.config_for(paths[0])
    sources, errors = _run_paths(session, paths, base)
    unread = len(errors)
    fixed_total = 0
    remaining_fail = False
    for source in sources:
        linter = session.linter_for(source.path)
        if source.locate is not None:  # a Word script: the rewrites go into a copy
            applied, remaining = _fix_word(linter, source.path, diff)
            fixed_total += applied
            remaining_fail |= _fails(remaining, linter.config.fail_on)
            continue
        result = linter.fix(source.text, unsafe=unsafe, text_format="markdown" if source.markdown else "text")
        remaining_fail |= _fails(result.remaining, linter.config.fail_on)
        if source.path == "<stdin>" and not diff:
            _out_bytes(source.encoded(result.text))  # in the encoding it came in, byte order mark included
            fixed_total += len(result.applied)
            continue
        if result.text == source.text:
            continue
        if diff:
            import difflib

            _out(
                "".join(
                    difflib.unified_diff(
                        source.text.splitlines(keepends=True),
                        result.text.splitlines(keepends=True),
                        fromfile=f"a/{source.path}",
                        tofile=f"b/{source.path}",
                    )
                ),
                nl=False,
            )
        else:
            try:
                write_atomically(source.path, source.encoded(result.text))  # same mark, same codec
            except OutputError as error:  # the other files are still fixed; the run ends with exit code 2
                errors.append(str(error))
                continue
        fixed_total += len(result.applied)  # shown as a diff, or written
        for finding in result.remaining:
            click.echo(
                f"{source.path}:{finding.line}:{finding.column}: {finding.code} [{finding.severity}] {finding.message}",
                err=True,
            )
    summary = [f"{counted(fixed_total, 'bevinding', 'bevindingen')} {'te herstellen' if diff else 'hersteld'}."]
    if unread:
        summary.append(f"{counted(unread, 'bestand', 'bestanden')} niet gelezen.")
    if len(errors) > unread:
        summary.append(f"{counted(len(errors) - unread, 'bestand', 'bestanden')} niet weggeschreven.")
    click.echo(" ".join(summary), err=True)
    for error in errors:
        _fail(error)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if remaining_fail else EXIT_CLEAN)


@cli.command(name="rules")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def rules_command(output_format: str, config_path: Path | None) -> None:
    """Toon alle regels (code, naam, ernst, standaard of opt-in, groep, samenvatting)."""
    infos = Session(config_path, {}).catalogue().infos()
    if output_format == "markdown":
        _out(rules_markdown_table(infos, measured_figures()), nl=False)
    elif output_format == "json":
        import json

        _out(json.dumps([info.model_dump() for info in infos], ensure_ascii=False, indent=2))
    else:
        _out(rules_text_table(infos), nl=False)


@cli.command()
@click.argument("code", metavar="CODE")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
@variant_option
def explain(code: str, config_path: Path | None, variant: str | None) -> None:
    """Leg een regel uit: wat er misgaat, waarom, en hoe het beter kan."""
    session = Session(config_path, {"variant": variant})
    catalogue = session.catalogue()
    info = catalogue.find(code)
    if info is None:
        raise click.UsageError(f"onbekende regel '{code}'; bekende codes: {', '.join(sorted(catalogue.codes()))}")
    _out(explain_text(info, session.config_for(str(Path.cwd())).variant))


MIN_AGENT_CALLS_OPTION = click.option(
    "--min-agent-calls",
    type=click.IntRange(min=1),
    help="Rapport: minimum aantal gesprekken voordat een agent wordt gerangschikt (standaard 10).",
)


def _report_settings(config: Config, min_agent_calls: int | None) -> ReportConfig:
    """The config's report settings, with the command line's minimum when given."""
    if min_agent_calls is None:
        return config.report
    return config.report.model_copy(update={"min_agent_calls": min_agent_calls})


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INVOER...")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Bevindingen (JSONL).")
@click.option("--summary", type=click.Path(dir_okay=False, path_type=Path), help="Per gesprek (.jsonl of .csv).")
@click.option("--errors", type=click.Path(dir_okay=False, path_type=Path), help="Onleesbare records (JSONL).")
@click.option(
    "--input-format", type=click.Choice(list(TRANSCRIPT_FORMATS)), help="Anders: uit de extensie (stdin: de inhoud)."
)
@click.option(
    "--encoding",
    callback=lambda _ctx, _param, value: _checked(check_encoding, value),
    help="Tekenset van de invoer, bijvoorbeeld cp1252 (anders: UTF-8, of wat een BOM aangeeft).",
)
@click.option(
    "--delimiter",
    callback=lambda _ctx, _param, value: _checked(check_delimiter, value),
    help="Scheidingsteken van CSV ('tab' voor een tab; anders: uit de kopregel).",
)
@click.option("--agent-speaker", help="Naam van de spreker die de agent is (anders: herkend).")
@click.option(
    "--jobs",
    "-j",
    metavar="N|auto",
    callback=_jobs,
    help="Werkprocessen; auto: één per beschikbare processor. Zonder deze optie: auto boven 4.096 gesprekken, "
    "anders 1.",
)
@click.option("--mode", type=click.Choice(["fast", "full"]), default="fast", show_default=True)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: werkprocessen op deze machine; dask: een Dask-cluster (klantlint[dask]).",
)
@click.option("--scheduler", metavar="ADRES", help="Met --engine dask: de scheduler (tcp://host:8786); anders lokaal.")
@click.option("--resume", is_flag=True, help="Ga verder waar een afgebroken run met dezelfde argumenten stopte.")
@click.option("--strict", is_flag=True, help="Stop bij het eerste onleesbare record (exit-code 2).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]))
@variant_option
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ook een HTML-rapport (klantlint[report]).",
)
@MIN_AGENT_CALLS_OPTION
def batch(
    inputs: tuple[str, ...],
    output: Path | None,
    summary: Path | None,
    errors: Path | None,
    input_format: str | None,
    encoding: str | None,
    delimiter: str | None,
    agent_speaker: str | None,
    jobs: int | Literal["auto"] | None,
    mode: str,
    engine: str,
    scheduler: str | None,
    resume: bool,
    strict: bool,
    config_path: Path | None,
    fail_on: str | None,
    variant: str | None,
    report_path: Path | None,
    min_agent_calls: int | None,
) -> None:
    """Controleer gesprekstranscripties (JSONL, CSV, VTT, SRT, tekst, Whisper-JSON; ook .gz, mappen, '-')."""
    from klantlint.api import Linter
    from klantlint.batch.runner import BatchOptions, StrictStop, run_batch
    from klantlint.transcripts.readers import expand_inputs_with_roots

    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler hoort bij --engine dask")
    # Resolve folders and globs before starting, so a missing input stops the run before any output.
    found = list(expand_inputs_with_roots(inputs))
    files, roots = [path for path, _root in found], dict(found)
    config = resolve_config(config_path, Path.cwd()).merged(
        fail_on=fail_on, encoding=encoding, csv_delimiter=delimiter, variant=variant
    )
    linter = Linter(config, mode=mode)  # type: ignore[arg-type]
    if report_path is not None:
        from klantlint.report.html import report_inputs

        check_target(report_path)  # a report that cannot be written stops the run before it starts
        output, summary = report_inputs(output, summary)
    options = BatchOptions(
        inputs=files,
        output=output,
        summary=summary,
        errors=errors,
        input_format=input_format,
        agent_speaker=agent_speaker,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        resume=resume,
        strict=strict,
        progress=True,
        roots=roots,
    )
    try:
        totals = run_batch(linter, options)
    except StrictStop as stop:
        _fail(f"--strict: {stop}")
        sys.exit(EXIT_ERROR)
    for line in totals.error_lines(errors):
        click.echo(f"klantlint batch: {line}", err=True)
    click.echo(totals.closing_line(), err=True)
    if report_path is not None and output is not None and summary is not None:
        from klantlint.report.html import write_report

        write_report(output, summary, report_path, linter.rule_infos(), _report_settings(config, min_agent_calls))
        click.echo(f"klantlint batch: rapport in {report_path}", err=True)
    if totals.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if totals.findings else EXIT_CLEAN)


@cli.command()
@click.argument("findings", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="BEVINDINGEN")
@click.argument("summary", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="SAMENVATTING")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Het HTML-bestand."
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
@MIN_AGENT_CALLS_OPTION
def report(findings: Path, summary: Path, output: Path, config_path: Path | None, min_agent_calls: int | None) -> None:
    """Maak een HTML-rapport van de bevindingen en de samenvatting van 'klantlint batch'."""
    from klantlint.report.html import write_report

    # Rule names and explanations from the catalogue, so packs and plugins of this config appear too.
    linter = Session(config_path, {}).any_linter()
    settings = _report_settings(linter.config, min_agent_calls)
    data = write_report(findings, summary, output, linter.rule_infos(), settings)
    click.echo(
        f"klantlint report: {counted(data.overall.calls, 'gesprek', 'gesprekken')}, "
        f"{counted(data.overall.findings, 'bevinding', 'bevindingen')}; rapport in {output}",
        err=True,
    )


@cli.command()
@click.option(
    "--stdio", is_flag=True, help="Via standaardinvoer en -uitvoer (de standaard; voor editors die het meegeven)."
)
def server(stdio: bool) -> None:
    """Start de taalserver (LSP) voor editors: bevindingen tijdens het typen (klantlint[server])."""
    try:
        from klantlint.server.server import run
    except ImportError as error:
        _fail(f"de taalserver heeft extra pakketten nodig ({error.name}); installeer klantlint[server]")
        sys.exit(EXIT_ERROR)
    run()


def _fix_word(linter: Linter, path: str, dry_run: bool) -> tuple[int, list[Finding]]:
    from klantlint.engine.docx_fixing import fix_docx, fixed_copy_path

    if dry_run:
        _fail(f"{path}: --diff werkt niet op Word-bestanden; overgeslagen")
        return 0, []
    output = fixed_copy_path(path)
    applied, remaining = fix_docx(linter, path, output)
    click.echo(f"{path}: {counted(len(applied), 'herschrijving', 'herschrijvingen')} in {output}", err=True)
    for finding in remaining:
        click.echo(
            f"{path}:{finding.line}:{finding.column}: {finding.code} [{finding.severity}] {finding.message}", err=True
        )
    return len(applied), remaining


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False), metavar="WORD-BESTAND")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Anders: NAAM.nagekeken.docx.")
@with_common_options
def annotate(
    path: str,
    output: Path | None,
    config_path: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    variant: str | None,
) -> None:
    """Maak een kopie van een Word-script met een opmerking bij elke bevinding (het origineel blijft gelijk)."""
    from klantlint.report.docx_comments import annotate_file

    session = Session(
        config_path,
        {"select": _split_codes(select), "ignore": _split_codes(ignore), "variant": variant},
        _split_codes(extend_select) or (),
    )
    linter = session.linter_for(path)
    if not path.lower().endswith(".docx"):
        raise InputError(f"{path}: annotate werkt op Word-bestanden (.docx)")
    target = output or Path(path).with_name(f"{Path(path).stem}.nagekeken.docx")
    findings, added = annotate_file(linter, path, target)
    click.echo(f"{path}: {counted(added, 'opmerking', 'opmerkingen')} in {target}", err=True)
    sys.exit(EXIT_FINDINGS if _fails(findings, linter.config.fail_on) else EXIT_CLEAN)


DEBUG_VARIABLE = "KLANTLINT_DEBUG"


def main() -> None:
    """The console entry point: every way out is exit code 0, 1 (findings) or 2, never a traceback by default.

    An unexpected exception is one Dutch line and exit 2; with KLANTLINT_DEBUG=1 its traceback follows.
    """
    _one_blas_thread()
    try:
        _run_cli()
    finally:
        _spare_exit_collections()


def _one_blas_thread() -> None:
    """Have numpy's OpenBLAS start one thread, not one per CPU, unless the user set OPENBLAS_NUM_THREADS.

    Its threads spin while they wait, and klantlint's own matrix products run on one thread anyway
    (`nlp.matrix_ops`), so in the command's process and the workers it forks they only cost CPU time: some 60 ms
    of a one-call batch, 0.35 s of a 3,000-call batch with `--jobs 2`. OpenBLAS reads the variable when numpy is
    imported, which happens with spaCy, after this point (importing this module does not load numpy). Set here,
    in the command line's entry point, so that importing klantlint leaves the environment alone."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _spare_exit_collections() -> None:
    """Leave what exists now out of the garbage collections the interpreter runs as it shuts down.

    Those collections walk every object left: with the model and the compiled rules loaded, about a fifth of a
    second of every command, to free memory the process is about to give back anyway. Objects are still freed by
    reference counting as modules are torn down; the files klantlint writes are closed before this point, and the
    standard streams are flushed by the interpreter as ever."""
    gc.freeze()


def _run_cli() -> None:
    """Run the command line and exit with its code; see `main`."""
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_ERROR)
    except (click.exceptions.Abort, KeyboardInterrupt):
        _fail("afgebroken")
        sys.exit(EXIT_ERROR)
    except KlantlintError as error:
        _fail(str(error))
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(EXIT_CLEAN)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        _fail(f"{where}{describe_os_error(error, writing=False)}")
        _debug_traceback()
        sys.exit(EXIT_ERROR)
    except Exception as error:  # the last resort: a crash must exit 2, not 1 (findings)
        _fail(f"interne fout ({type(error).__name__}: {error}); zet {DEBUG_VARIABLE}=1 voor de details")
        _debug_traceback()
        sys.exit(EXIT_ERROR)
    # A command ends with sys.exit; click returns the code of a ctx.exit (e.g. from --help) instead.
    sys.exit(code if isinstance(code, int) else EXIT_CLEAN)


def _debug_traceback() -> None:
    if os.environ.get(DEBUG_VARIABLE):
        import traceback

        traceback.print_exc()
