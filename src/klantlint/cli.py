"""The `klantlint` command line: check, fix, rules, explain.

Exit codes: 0 nothing at or above `fail_on`, 1 findings, 2 usage, config or input error.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click
from spacy import __version__ as spacy_version

from klantlint import __version__
from klantlint.batch.progress import text_progress
from klantlint.config import Config, resolve_config
from klantlint.engine.linter import Linter
from klantlint.errors import InputError, KlantlintError
from klantlint.findings import SEVERITY_RANK, Finding
from klantlint.io.files import STDIN, Source, discover, read_source
from klantlint.nlp.pipeline import describe_model
from klantlint.report import RENDERERS, RunResult
from klantlint.report.run import FileFindings
from klantlint.rulesdoc import explain_text, rules_markdown_table, rules_text_table
from klantlint.transcripts.readers import FORMATS as TRANSCRIPT_FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = list(RENDERERS)


class Session:
    """Linters per config (files in different folders may have different configs), built lazily."""

    def __init__(self, config_path: Path | None, overrides: dict[str, object]) -> None:
        self.config_path = config_path
        self.overrides = overrides
        self._linters: dict[str, Linter] = {}
        self._configs: dict[Path, Config] = {}

    def config_for(self, path: str) -> Config:
        # Files in one folder share their config: find and parse it once per folder, not once per file.
        start = Path.cwd() if path == STDIN else Path(path)
        folder = start.resolve() if start.is_dir() else start.resolve().parent
        if folder not in self._configs:
            self._configs[folder] = resolve_config(self.config_path, folder).merged(**self.overrides)
        return self._configs[folder]

    def linter_for(self, path: str) -> Linter:
        config = self.config_for(path)
        key = config.cache_key()
        if key not in self._linters:
            self._linters[key] = Linter(config)
        return self._linters[key]

    def any_linter(self) -> Linter:
        return self.linter_for(str(Path.cwd()))


def _print_version(ctx: click.Context) -> None:
    config = resolve_config(None, Path.cwd())
    click.echo(f"klantlint {__version__} (pijplijn: {describe_model(config.model)}, spaCy {spacy_version})")
    ctx.exit(EXIT_CLEAN)


def _split_codes(values: Sequence[str]) -> list[str] | None:
    codes = [code.strip().upper() for value in values for code in value.split(",") if code.strip()]
    return codes or None


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _fail(message: str) -> None:
    click.echo(f"klantlint: fout: {message}", err=True)


def _run_paths(session: Session, paths: Sequence[str], exclude_from: Config) -> tuple[list[Source], list[str]]:
    sources: list[Source] = []
    errors: list[str] = []
    for path in discover(list(paths), exclude_from.exclude):
        try:
            sources.append(read_source(path))
        except InputError as error:
            errors.append(str(error))
    return sources, errors


common_options = [
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Configuratiebestand (anders: dichtstbijzijnde pyproject.toml / klantlint.toml).",
    ),
    click.option("--select", multiple=True, help="Codes of prefixen die aan staan (komma's mogen), of ALL."),
    click.option("--ignore", multiple=True, help="Codes of prefixen die uit staan."),
]


def with_common_options(function):  # type: ignore[no-untyped-def]
    for option in reversed(common_options):
        function = option(function)
    return function


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@click.argument("paths", nargs=-1, required=True)
@with_common_options
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Vanaf welke ernst exit-code 1.")
@click.option("--statistics", is_flag=True, help="Toon het aantal bevindingen per regel.")
@click.option("--exit-zero", is_flag=True, help="Altijd exit-code 0 bij bevindingen (fouten blijven 2).")
def check(
    paths: tuple[str, ...],
    config_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    fail_on: str | None,
    statistics: bool,
    exit_zero: bool,
) -> None:
    """Controleer bestanden, mappen of '-' (standaardinvoer)."""
    session = Session(config_path, {"select": _split_codes(select), "ignore": _split_codes(ignore), "fail_on": fail_on})
    base = session.config_for(paths[0])
    sources, errors = _run_paths(session, paths, base)
    files: list[FileFindings] = []
    failing = False
    for source in sources:
        linter = session.linter_for(source.path)
        text_format = "markdown" if source.markdown else "text"
        with text_progress(source.path, len(source.text)) as progress:
            findings = linter.check(source.text, text_format=text_format, path=source.path, progress=progress)
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
    click.echo(RENDERERS[output_format](run), nl=False)
    for error in errors:
        _fail(error)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _fails(findings: list[Finding], fail_on: str) -> bool:
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[f.severity] >= threshold for f in findings)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@with_common_options
@click.option("--unsafe", is_flag=True, help="Pas ook voorstellen toe die de betekenis kunnen veranderen.")
@click.option("--diff", is_flag=True, help="Toon de wijzigingen als diff en schrijf niets weg.")
def fix(
    paths: tuple[str, ...],
    config_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    unsafe: bool,
    diff: bool,
) -> None:
    """Herschrijf wat veilig kan; met '-' komt de tekst op standaarduitvoer."""
    session = Session(config_path, {"select": _split_codes(select), "ignore": _split_codes(ignore)})
    base = session.config_for(paths[0])
    sources, errors = _run_paths(session, paths, base)
    fixed_total = 0
    remaining_fail = False
    for source in sources:
        linter = session.linter_for(source.path)
        result = linter.fix(source.text, unsafe=unsafe, text_format="markdown" if source.markdown else "text")
        fixed_total += len(result.applied)
        remaining_fail |= _fails(result.remaining, linter.config.fail_on)
        bom = "\ufeff" if source.bom else ""  # a byte order mark the file had stays
        if source.path == "<stdin>" and not diff:
            click.echo(bom + result.text, nl=False)
            continue
        if result.text == source.text:
            continue
        if diff:
            click.echo(
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
            Path(source.path).write_text(bom + result.text, encoding="utf-8")
        for finding in result.remaining:
            click.echo(
                f"{source.path}:{finding.line}:{finding.column}: {finding.code} [{finding.severity}] {finding.message}",
                err=True,
            )
    click.echo(f"{fixed_total} bevinding(en) {'te herstellen' if diff else 'hersteld'}.", err=True)
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
    """Toon alle regels (code, naam, ernst, samenvatting)."""
    infos = Session(config_path, {}).any_linter().rule_infos()
    if output_format == "markdown":
        click.echo(rules_markdown_table(infos), nl=False)
    elif output_format == "json":
        import json

        click.echo(json.dumps([info.model_dump() for info in infos], ensure_ascii=False, indent=2))
    else:
        click.echo(rules_text_table(infos), nl=False)


@cli.command()
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def explain(code: str, config_path: Path | None) -> None:
    """Leg een regel uit: wat er misgaat, waarom, en hoe het beter kan."""
    infos = {info.code: info for info in Session(config_path, {}).any_linter().rule_infos()}
    info = infos.get(code.upper()) or next((i for i in infos.values() if i.name == code.lower()), None)
    if info is None:
        raise click.UsageError(f"onbekende regel '{code}'; bekende codes: {', '.join(sorted(infos))}")
    click.echo(explain_text(info))


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Bevindingen (JSONL).")
@click.option("--summary", type=click.Path(dir_okay=False, path_type=Path), help="Per gesprek (.jsonl of .csv).")
@click.option("--errors", type=click.Path(dir_okay=False, path_type=Path), help="Onleesbare records (JSONL).")
@click.option("--input-format", type=click.Choice(list(TRANSCRIPT_FORMATS)), help="Anders: uit de extensie.")
@click.option("--agent-speaker", help="Naam van de spreker die de agent is (anders: herkend).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Werkprocessen.")
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
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ook een HTML-rapport (klantlint[report]).",
)
def batch(
    inputs: tuple[str, ...],
    output: Path | None,
    summary: Path | None,
    errors: Path | None,
    input_format: str | None,
    agent_speaker: str | None,
    jobs: int,
    mode: str,
    engine: str,
    scheduler: str | None,
    resume: bool,
    strict: bool,
    config_path: Path | None,
    fail_on: str | None,
    report_path: Path | None,
) -> None:
    """Controleer gesprekstranscripties (JSONL, CSV, VTT, SRT, tekst, Whisper-JSON; ook .gz, mappen, '-')."""
    from klantlint.batch.runner import BatchOptions, StrictStop, run_batch
    from klantlint.transcripts.readers import expand_inputs

    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler hoort bij --engine dask")
    # Resolve folders and globs before starting, so a missing input stops the run before any output.
    files = list(expand_inputs(inputs))
    config = resolve_config(config_path, Path.cwd()).merged(fail_on=fail_on)
    linter = Linter(config, mode=mode)  # type: ignore[arg-type]
    if report_path is not None:
        from klantlint.report.html import report_inputs

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
    )
    try:
        totals = run_batch(linter, options)
    except StrictStop as stop:
        _fail(f"--strict: {stop}")
        sys.exit(EXIT_ERROR)
    click.echo(totals.closing_line(), err=True)
    if report_path is not None and output is not None and summary is not None:
        from klantlint.report.html import write_report

        write_report(output, summary, report_path, linter.rule_infos())
        click.echo(f"klantlint batch: rapport in {report_path}", err=True)
    if totals.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if totals.findings else EXIT_CLEAN)


@cli.command()
@click.argument("findings", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("summary", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Het HTML-bestand."
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def report(findings: Path, summary: Path, output: Path, config_path: Path | None) -> None:
    """Maak een HTML-rapport van de bevindingen en de samenvatting van 'klantlint batch'."""
    from klantlint.report.html import write_report

    # Rule names and explanations from the catalogue, so packs and plugins of this config appear too.
    data = write_report(findings, summary, output, Session(config_path, {}).any_linter().rule_infos())
    click.echo(
        f"klantlint report: {data.overall.calls} gesprekken, {data.overall.findings} bevindingen; rapport in {output}",
        err=True,
    )


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        _fail("afgebroken")
        sys.exit(EXIT_ERROR)
    except KlantlintError as error:
        _fail(str(error))
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        sys.exit(EXIT_CLEAN)
