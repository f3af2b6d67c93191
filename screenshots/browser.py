"""Save pictures of backtimer in a web browser: ``python screenshots/browser.py``.

Starts ``backtimer serve`` on an empty data directory, opens the page in
Debian's chromium (headless, through Playwright) at a tablet's size and at a
phone's held sideways, starts "Back durability", goes on to its first hold and
saves ``browser_tablet.png`` and ``browser_phone.png`` (the mat view) here.
Needs chromium (``apt-get install chromium``) and the test extras.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # chromium's flags are the browser test's
from tests.system.test_serve import CHROMIUM_ARGS as ARGS  # noqa: E402

SIZES = {"browser_tablet": (1024, 640), "browser_phone": (844, 390)}


def into_a_hold(page: Page, mat: bool) -> None:
    page.click("#terminal")
    page.keyboard.type("durab")
    page.keyboard.press("Enter")
    time.sleep(1.5)  # the pain question waits 0.75 s for a reading
    page.keyboard.press("4")
    time.sleep(1)
    for key in ("n", "n", "n"):  # past the get-ready, the carry and the rest
        page.keyboard.press(key)
        time.sleep(0.3)
    if mat:
        page.keyboard.press("v")
    time.sleep(2.5)


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as home:
        env = os.environ | {"BACKTIMER_HOME": home}
        command = [sys.executable, "-m", "backtimer", "serve", "--port", "8766"]
        server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
        assert server.stdout is not None
        found = re.search(r"http://\S+", server.stdout.readline())
        assert found, "the server did not say where it is"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
                for name, (width, height) in SIZES.items():
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(found[0])
                    page.wait_for_selector("body.-first-byte", timeout=20_000)
                    time.sleep(2)
                    into_a_hold(page, mat=name == "browser_phone")
                    page.screenshot(path=str(HERE / f"{name}.png"))
                    page.close()
                    time.sleep(1)  # the closed tab's workout is saved; the slot is free again
                    print(HERE / f"{name}.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
