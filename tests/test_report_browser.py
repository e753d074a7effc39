"""The HTML report in a real browser (headless Chromium through Selenium): charts, figures, sorting, no errors.

Skipped with a reason when Chromium, chromedriver or Selenium is missing, except under CI (`CI` set), where
`.ci/run` installs them and their absence is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from klantlint import Linter
from tests.cli_helpers import run_cli
from tests.test_report_html import batch_run, dutch_number, expected_headline, write_calls

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WINDOW = (1280, 1000)


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if shutil.which("chromium") is None:
        return "chromium is not installed (apt-get install chromium chromium-driver)"
    if shutil.which("chromedriver") is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return None


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    missing = _missing()
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser test: {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in [
        *CHROMIUM_FLAGS,
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
    ]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # A driver path given means Selenium Manager (which would go online) is never started.
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver")), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_report_renders_in_chromium(browser, linter: Linter, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    write_calls(tmp_path / "in.jsonl", 40, seed=21)
    run = batch_run(linter, tmp_path, tmp_path / "in.jsonl", summary_name="calls.csv")
    # 40 calls over a handful of agents: a minimum of 1 call ranks them all, so the sortable table is there.
    result = run_cli(
        "report", str(run.findings), str(run.summary), "-o", "report.html", "--min-agent-calls", "1", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr

    browser.get((tmp_path / "report.html").as_uri())
    assert browser.title == "klantlint-rapport"

    # The charts are inline SVG with their numbers as text.
    for chart in ("chart-rules", "chart-scores", "chart-trend"):
        svg = browser.find_element(By.CSS_SELECTOR, f"#{chart} svg")
        assert svg.size["width"] > 300 and svg.size["height"] > 100, chart
    counts = Counter(row["code"] for row in run.finding_rows())
    for code, count in counts.items():
        assert browser.find_element(By.ID, f"count-regel-{code}").text == str(count)
    bins = [int(browser.find_element(By.ID, f"score-count-{index}").text) for index in range(10)]
    assert sum(bins) == 40

    # The headline figures equal those computed from the summary and findings files.
    for key, value in expected_headline(run).items():
        shown = browser.find_element(By.CSS_SELECTOR, f"#kpi-{key} .kpi-value").text
        assert dutch_number(shown) == pytest.approx(round(value, 2 if key.startswith("findings") else 1)), key

    # The agent table sorts on a click, and a second click reverses it.
    table = browser.find_element(By.ID, "agent-table")
    header = table.find_elements(By.CSS_SELECTOR, "thead th")[1]

    def calls_column() -> list[int]:
        return [
            int(cell.get_attribute("data-value"))
            for cell in table.find_elements(By.CSS_SELECTOR, "tbody td:nth-child(2)")
        ]

    assert len(calls_column()) == 5
    header.find_element(By.TAG_NAME, "button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert calls_column() == sorted(calls_column())
    header.find_element(By.TAG_NAME, "button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert calls_column() == sorted(calls_column(), reverse=True)

    # Clicking a bar leads to the rule's explanation and examples.
    top_code = counts.most_common(1)[0][0]
    links = browser.find_elements(By.CSS_SELECTOR, "#chart-rules a")
    targets = [browser.execute_script("return arguments[0].getAttribute('xlink:href')", link) for link in links]
    assert set(targets) == {f"#regel-{code}" for code in counts}
    links[targets.index(f"#regel-{top_code}")].click()
    assert browser.current_url.endswith(f"#regel-{top_code}")
    section = browser.find_element(By.ID, f"regel-{top_code}")
    assert section.find_elements(By.CSS_SELECTOR, ".example mark")

    # Nothing was blocked or failed (the Content-Security-Policy lets only the page's own script run).
    severe = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe

    browser.execute_script("window.scrollTo(0, 0)")
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(WINDOW[0], min(height, 12000))
    assert browser.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 50_000
