"""The report's charts: matplotlib figures rendered to SVG strings for inlining (no network, text stays text).

Text in the SVG stays `<text>` (`svg.fonttype = "none"`), so labels and numbers can be read, searched and
tested in the page; matplotlib escapes it. Elements that tests and links need carry fixed ids (`gid`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from klantlint.errors import KlantlintError

try:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
except ImportError:  # pragma: no cover - exercised only without the extra
    matplotlib = None  # type: ignore[assignment]


class MissingReportDependency(KlantlintError):
    """The optional plotting library is not installed."""


SEVERITY_COLOURS = {"error": "#b03a2e", "warning": "#d68910", "info": "#2e86c1"}
SEVERITY_LABELS = {"error": "fout", "warning": "waarschuwing", "info": "info"}
GRID_COLOUR = "#d5d8dc"
TEXT_COLOUR = "#1c2833"
STYLE: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "klantlint",
    "text.parse_math": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"],
    "font.size": 10,
    "text.color": TEXT_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "axes.edgecolor": "#aab7b8",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
}
LABEL_LIMIT = 40


def require_matplotlib() -> None:
    if matplotlib is None:
        raise MissingReportDependency(
            "het HTML-rapport heeft matplotlib nodig; installeer het met: pip install 'klantlint[report]'"
        )


@dataclass(frozen=True)
class RuleBar:
    code: str
    label: str
    severity: str
    count: int
    anchor: str  # id of the rule's section in the page


@dataclass(frozen=True)
class TrendPoint:
    label: str
    findings_per_100_words: float
    average_score: float


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    # Matplotlib opens every link in a new tab; the charts link within the page.
    return text[text.index("<svg") :].replace(' target="_blank"', "")


def _short(label: str) -> str:
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1] + "…"


def rules_chart(bars: Sequence[RuleBar]) -> str:
    """Horizontal bars, most frequent rule on top; each bar and label links to the rule's section."""
    require_matplotlib()
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(8.0, 0.9 + 0.34 * max(len(bars), 1)))
        axes = figure.add_subplot()
        ordered = list(reversed(bars))
        positions = range(len(ordered))
        drawn = axes.barh(
            positions,
            [bar.count for bar in ordered],
            color=[SEVERITY_COLOURS.get(bar.severity, "#7f8c8d") for bar in ordered],
            height=0.7,
        )
        for patch, bar in zip(drawn.patches, ordered, strict=True):
            patch.set_url(f"#{bar.anchor}")
            patch.set_gid(f"bar-{bar.anchor}")
        labels = axes.bar_label(drawn, padding=3, fontsize=9)
        for text, bar in zip(labels, ordered, strict=True):
            text.set_gid(f"count-{bar.anchor}")
        axes.set_yticks(list(positions), [_short(f"{bar.code} {bar.label}") for bar in ordered])
        for tick, bar in zip(axes.get_yticklabels(), ordered, strict=True):
            tick.set_url(f"#{bar.anchor}")
        axes.set_xlabel("Aantal bevindingen")
        axes.xaxis.grid(True, color=GRID_COLOUR, linewidth=0.6)
        axes.set_axisbelow(True)
        axes.margins(x=0.08)
        shown = [severity for severity in SEVERITY_COLOURS if any(bar.severity == severity for bar in bars)]
        axes.legend(
            handles=[Patch(color=SEVERITY_COLOURS[severity], label=SEVERITY_LABELS[severity]) for severity in shown],
            loc="lower right",
            frameon=False,
            fontsize=9,
        )
        return _svg(figure)


def score_chart(bins: Sequence[int], bin_width: int) -> str:
    """Calls per score band, red (low) to green (high)."""
    require_matplotlib()
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(8.0, 3.0))
        axes = figure.add_subplot()
        colours = matplotlib.colormaps["RdYlGn"]
        positions = range(len(bins))
        drawn = axes.bar(
            positions,
            bins,
            color=[colours(0.1 + 0.8 * index / max(len(bins) - 1, 1)) for index in positions],
            width=0.85,
        )
        for index, patch in enumerate(drawn.patches):
            patch.set_gid(f"score-bar-{index}")
        labels = axes.bar_label(drawn, padding=2, fontsize=9)
        for index, text in enumerate(labels):
            text.set_gid(f"score-count-{index}")
        axes.set_xticks(
            list(positions), [f"{index * bin_width}–{(index + 1) * bin_width}" for index in positions], fontsize=8
        )
        axes.set_xlabel("Score van het gesprek")
        axes.set_ylabel("Gesprekken")
        axes.yaxis.grid(True, color=GRID_COLOUR, linewidth=0.6)
        axes.set_axisbelow(True)
        axes.margins(y=0.12)
        return _svg(figure)


def trend_chart(points: Sequence[TrendPoint]) -> str:
    """Findings per 100 agent words and the average score per period, one above the other."""
    require_matplotlib()
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(8.0, 4.2))
        upper, lower = figure.subplots(2, 1, sharex=True)
        positions = list(range(len(points)))
        upper.plot(positions, [p.findings_per_100_words for p in points], marker="o", markersize=3, color="#b03a2e")[
            0
        ].set_gid("trend-findings")
        upper.set_ylabel("Bevindingen\nper 100 woorden")
        upper.set_ylim(bottom=0)
        lower.plot(positions, [p.average_score for p in points], marker="o", markersize=3, color="#1e8449")[0].set_gid(
            "trend-score"
        )
        lower.set_ylabel("Gemiddelde\nscore")
        lower.set_ylim(0, 100)
        step = math.ceil(len(points) / 10)
        lower.set_xticks(positions[::step], [p.label for p in points][::step], fontsize=8)
        for axes in (upper, lower):
            axes.yaxis.grid(True, color=GRID_COLOUR, linewidth=0.6)
            axes.set_axisbelow(True)
        figure.align_ylabels()
        return _svg(figure)
