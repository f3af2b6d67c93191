"""The report's page in a real browser: it opens from a file, and prints on one or two pages.

Debian's chromium, headless, driven by Playwright, with the flags the browser test uses
(`tests.system.test_serve`); where chromium is missing the tests are skipped and say so.
The PDF's pages are counted in the file itself (Chromium writes each page's dictionary
as plain text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backtimer.domain.report import words
from backtimer.domain.report.html import report_html
from tests.report_histories import report_of, six_weeks, twelve_weeks
from tests.system.browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install chromium; .ci/run does it)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.parametrize("weeks", [6, 12])
def test_the_page_prints_on_one_or_two_pages_of_a4_and_of_letter(
    browser: Any, tmp_path: Path, weeks: int
) -> None:
    person = six_weeks() if weeks == 6 else twelve_weeks()
    report = report_of(person, weeks=weeks)
    path = tmp_path / "report.html"
    path.write_text(report_html(report))
    page = browser.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(path.as_uri())
    assert page.title() == words.title(report)
    assert page.locator("svg.chart").count() == 2
    assert page.locator("section#warned .warn").count() == (1 if weeks == 6 else 0)
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=True)
        assert 1 <= pages(pdf) <= 2, (paper, pages(pdf))
    assert asked == [path.as_uri()]  # the page asked for nothing more
    page.close()
