"""Save pictures of the printed report: ``python screenshots/report.py``.

Builds the report of the six weeks of `tests.report_histories` (a programme, a
flare with the back-offs after it, a note that warns, a skipped week), prints the page
to PDF in Debian's chromium (headless, through Playwright) on A4, and turns each page
into ``report_page1.png`` and ``report_page2.png`` here with pdftoppm. Needs chromium
(``apt-get install chromium``), poppler-utils (pdftoppm) and the test extras.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the history and chromium's flags are the tests'
from backtimer.domain.report.html import report_html  # noqa: E402
from tests.report_histories import report_of, six_weeks  # noqa: E402
from tests.system.test_serve import CHROMIUM_ARGS as ARGS  # noqa: E402

RESOLUTION = 80
"""Dots per inch of the pictures: a page is 660 pixels wide, its words still readable."""


def main() -> None:
    chromium, pdftoppm = shutil.which("chromium"), shutil.which("pdftoppm")
    if chromium is None or pdftoppm is None:
        sys.exit("needs chromium and pdftoppm (apt-get install chromium poppler-utils)")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BACKTIMER_HOME"] = str(Path(folder) / "home")  # no user file is read
        page_file = Path(folder) / "report.html"
        page_file.write_text(report_html(report_of(six_weeks())))
        pdf = Path(folder) / "report.pdf"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page()
            page.goto(page_file.as_uri())
            page.pdf(path=str(pdf), format="A4", print_background=True)
            browser.close()
        stem = Path(folder) / "page"
        subprocess.run([pdftoppm, "-png", "-r", str(RESOLUTION), str(pdf), str(stem)], check=True)
        for number, picture in enumerate(sorted(Path(folder).glob("page-*.png")), start=1):
            target = HERE / f"report_page{number}.png"
            shutil.copyfile(picture, target)
            print(target)


if __name__ == "__main__":
    main()
