"""``backtimer serve``: the token that guards it, and a workout followed in a real browser.

The browser test drives Debian's chromium with Playwright. It needs the
chromium package (``.ci/run`` installs it); where it is missing the test is
skipped and says so. What the page shows is read from what the server sends
it: the page records the terminal's bytes as they arrive, and the test reads
their text.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.system.terminal import red_flags_seen

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RECORD_BYTES = """
window.received = "";
const decoder = new TextDecoder();
const Native = window.WebSocket;
window.WebSocket = class extends Native {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.received += decoder.decode(new Uint8Array(event.data), { stream: true });
      }
    });
  }
};
"""
ESCAPES = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles and the like
    r"|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


@dataclass
class Served:
    url: str
    """The address the server printed, token included."""
    home: Path
    """Its data directory."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    home = tmp_path_factory.mktemp("served-home")
    red_flags_seen(home)
    env = os.environ | {"BACKTIMER_HOME": str(home)}
    command = [sys.executable, "-m", "backtimer", "serve", "--port", str(free_port())]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert server.stdout is not None
    first = server.stdout.readline()
    found = re.search(r"http://\S+", first)
    assert found, f"the server said: {first!r}"
    try:
        yield Served(found[0], home)
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_only_the_address_with_the_token_gets_the_app(served: Served) -> None:
    root = served.url.rsplit("/", 2)[0]  # http://127.0.0.1:PORT
    token = served.url.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 20  # 128 random bits
    status, page = fetch(served.url)
    assert status == 200 and "textual.js" in page and f"/{token}/ws" in page
    wrong = [
        f"{root}/",
        f"{root}/{token[:-1]}/",
        f"{root}/{token}x/",
        f"{root}/static/js/textual.js",
        f"{root}/ws",
        f"{root}/x{token}/static/js/textual.js",
    ]
    for url in wrong:
        status, body = fetch(url)
        assert status == 403, url
        assert "textual" not in body and "<html" not in body, url
        assert body.startswith("backtimer: this address needs the token")
    assert fetch(f"{served.url}static/js/textual.js")[0] == 200
    status, page = fetch(served.url.rstrip("/"))  # typed without its last slash
    assert status == 200 and "textual.js" in page


def plain(received: str) -> str:
    return ESCAPES.sub("", received)


class Page:
    """A browser tab on the served app, read through the bytes it received."""

    def __init__(self, page: Any) -> None:
        self.page = page

    def text(self) -> str:
        return plain(self.page.evaluate("window.received"))

    def wait_for(self, words: str, after: int = 0, seconds: float = 20) -> int:
        """Wait until ``words`` appear in what arrived after position ``after``;
        returns where they end."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            seen = self.text()
            place = seen.find(words, after)
            if place >= 0:
                return place + len(words)
            time.sleep(0.05)
        raise AssertionError(f"{words!r} never appeared; the end was {self.text()[-400:]!r}")

    def keys(self, *keys: str, pause: float = 0.0) -> None:
        for key in keys:
            self.page.keyboard.press(key)
            time.sleep(pause)


def history(home: Path) -> list[dict[str, Any]]:
    env = os.environ | {"BACKTIMER_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "backtimer", "history", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    sessions: list[dict[str, Any]] = json.loads(result.stdout)
    return sessions


def eventually(check: Callable[[], bool], seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


QUESTION_WAIT = 0.9
"""A question takes no key for its first 0.75 s: a person reads it first."""


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install chromium; .ci/run does it)",
)
def test_a_workout_followed_in_the_browser_lands_in_the_history(served: Served) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1000, "height": 640})
        context.add_init_script(RECORD_BYTES)
        tab = Page(context.new_page())
        tab.page.goto(served.url)
        tab.page.wait_for_selector("body.-first-byte", timeout=20_000)
        at = tab.wait_for("Choose a routine")
        at = tab.wait_for("Back durability", at)  # the picker lists the routines

        tab.page.click("#terminal")
        tab.page.keyboard.type("durab")
        tab.keys("Enter")
        at = tab.wait_for("How much does your back hurt right now?", at)
        time.sleep(QUESTION_WAIT)
        tab.keys("3")
        at = tab.wait_for("Step 1 of 4", at)
        at = tab.wait_for("Suitcase carry", at)

        # The countdown runs: the time left changes from second to second (three values
        # seen: at least two seconds done, which the session must record).
        def times_left() -> set[str]:
            return set(re.findall(r"\d+:\d\d left", tab.text()[at:]))

        assert eventually(lambda: len(times_left()) >= 3), times_left()

        # A second browser sees that a workout is under way and starts none.
        other = Page(context.new_page())
        other.page.goto(served.url)
        other.wait_for("A workout is under way in another browser window")

        tab.page.bring_to_front()
        tab.keys("q")
        at = tab.wait_for("Stop the workout?", at)
        time.sleep(QUESTION_WAIT)
        tab.keys("y")
        at = tab.wait_for("Workout stopped early", at)
        time.sleep(QUESTION_WAIT)
        tab.keys("2")
        tab.keys("Enter")
        at = tab.wait_for("Anything down a leg today", at)
        time.sleep(QUESTION_WAIT)
        tab.keys("n")
        tab.keys("Enter")
        at = tab.wait_for("A note for next time", at)
        time.sleep(QUESTION_WAIT)
        tab.page.keyboard.type("from the browser")
        tab.keys("Enter")
        tab.wait_for("Choose a routine", at)  # the summary is saved: back to the picker
        browser.close()

    def recorded() -> bool:
        sessions = history(served.home)
        return bool(sessions) and (
            sessions[-1]["pain_after"],
            sessions[-1]["leg_symptoms"],
            sessions[-1]["note"],
        ) == (2, False, "from the browser")

    assert eventually(recorded)
    session = history(served.home)[-1]
    assert session["routine"] == "back-durability"
    assert (session["status"], session["pain_before"], session["pain_after"]) == ("stopped", 3, 2)
    assert session["active_seconds"] >= 2
