"""``backtimer serve``: the token that guards it, and a workout followed in a real browser.

The browser test drives Debian's chromium with Playwright. It needs the
chromium package (``.ci/run`` installs it); where it is missing the test is
skipped and says so. What the page shows is read from what the server sends
it: the page records the terminal's bytes as they arrive, and the test reads
their text.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
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

import aiohttp
import pytest

from tests.system.browser import CHROMIUM, CHROMIUM_ARGS
from tests.system.terminal import red_flags_seen

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
        self.focus()
        for key in keys:
            self.page.keyboard.press(key)
            time.sleep(pause)

    def type(self, words: str) -> None:
        self.focus()
        self.page.keyboard.type(words)

    def focus(self) -> None:
        """Put the keyboard's focus in the terminal, as a person's click would (without
        clicking on whatever is under the pointer): a key goes to the element with the
        focus, and a second tab came and went."""
        self.page.focus(".xterm-helper-textarea")


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
        tab.type("durab")
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
        other.page.close()  # as a person closes the window that cannot start one

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
        tab.type("from the browser")
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


# ------------------------------------------------------------ the limits (issue 22)


class FakeApp:
    """Stands in for textual-serve's AppService: records what the server asks of the app."""

    made: list[FakeApp] = []

    def __init__(self, command: str, **_: Any) -> None:
        self.sizes: list[tuple[int, int]] = []
        self.keys: list[bytes] = []
        self.stopped = False
        FakeApp.made.append(self)

    async def start(self, width: int, height: int) -> None:
        self.sizes.append((width, height))

    async def set_terminal_size(self, width: int, height: int) -> None:
        self.sizes.append((width, height))

    async def send_bytes(self, data: bytes) -> bool:
        self.keys.append(data)
        return True

    async def blur(self) -> None: ...

    async def focus(self) -> None: ...

    async def stop(self) -> None:
        self.stopped = True


@pytest.fixture
def guarded(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A `GuardedServer` of fake apps, served in this process; yields a client factory."""
    from aiohttp.test_utils import TestClient, TestServer

    from backtimer.web import server

    monkeypatch.setattr(server, "AppService", FakeApp)
    FakeApp.made = []
    guarded_server = server.GuardedServer("backtimer", "127.0.0.1", 0, "tok")

    async def client() -> TestClient[Any, Any]:
        test_client = TestClient(TestServer(await guarded_server._make_app()))
        await test_client.start_server()
        return test_client

    yield client


def own_origin(client: Any) -> dict[str, str]:
    return {"Origin": f"http://{client.host}:{client.port}"}


async def until(check: Callable[[], bool]) -> None:
    for _ in range(200):
        if check():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("it never happened")


async def test_a_browser_cannot_ask_for_a_terminal_beyond_the_limits(guarded: Any) -> None:
    """A 20,000 x 20,000 terminal grew the app to 2.4 GB."""
    client = await guarded()
    try:
        ws = await client.ws_connect("/tok/ws?width=5000&height=5000", headers=own_origin(client))
        await ws.send_str(json.dumps(["resize", {"width": 20000, "height": 20000}]))
        await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
        await ws.send_str(json.dumps(["resize", {"width": -3, "height": 0}]))
        (app,) = FakeApp.made
        await until(lambda: len(app.sizes) == 4)
        assert app.sizes == [(500, 200), (500, 200), (100, 30), (1, 1)]
        await ws.close()
    finally:
        await client.close()


async def test_at_most_four_browsers_run_the_app_at_once(guarded: Any) -> None:
    """30 sockets started 30 apps (3.9 GB)."""
    from backtimer.web.server import MAX_BROWSERS

    client = await guarded()
    try:
        sockets = [
            await client.ws_connect("/tok/ws", headers=own_origin(client))
            for _ in range(MAX_BROWSERS)
        ]
        await until(lambda: len(FakeApp.made) == MAX_BROWSERS)
        refused = await client.get("/tok/ws", headers=own_origin(client) | WEBSOCKET)
        assert refused.status == 503
        assert (await refused.text()).startswith("backtimer: 4 browser windows are using")
        assert len(FakeApp.made) == MAX_BROWSERS
        await sockets[0].close()
        await until(lambda: FakeApp.made[0].stopped)
        again = await client.ws_connect("/tok/ws", headers=own_origin(client))
        await until(lambda: len(FakeApp.made) == MAX_BROWSERS + 1)
        for ws in [*sockets[1:], again]:
            await ws.close()
    finally:
        await client.close()


WEBSOCKET = {
    "Connection": "Upgrade",
    "Upgrade": "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
}


@pytest.mark.parametrize("origin", ["http://elsewhere.example", None, "null"])
async def test_only_the_pages_own_origin_opens_the_websocket(
    guarded: Any, origin: str | None
) -> None:
    client = await guarded()
    try:
        headers = WEBSOCKET | ({"Origin": origin} if origin else {})
        refused = await client.get("/tok/ws", headers=headers)
        assert refused.status == 403
        assert "the app opens only from the page" in await refused.text()
        assert FakeApp.made == []
        accepted = await client.get("/tok/ws", headers=WEBSOCKET | own_origin(client))
        assert accepted.status == 101
    finally:
        await client.close()


@pytest.mark.parametrize("message", ["not json", '["stdin"]', '["resize", {}]', "[]", "{}", "[3]"])
async def test_a_message_the_page_never_sends_closes_the_socket(guarded: Any, message: str) -> None:
    client = await guarded()
    try:
        ws = await client.ws_connect("/tok/ws", headers=own_origin(client))
        await ws.send_str(json.dumps(["stdin", "a"]))
        await ws.send_str(message)
        closing = await ws.receive(timeout=5)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert ws.close_code == aiohttp.WSCloseCode.UNSUPPORTED_DATA
        (app,) = FakeApp.made
        await until(lambda: app.stopped)
        assert app.keys == [b"a"]
    finally:
        await client.close()


# ------------------------------------------------------------ the server as a process


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path, str]]:
    """`backtimer serve --port 0` with its output going to a file; (process, file, address)."""
    env = os.environ | {"BACKTIMER_HOME": str(tmp_path / "home")}
    out = tmp_path / "served.log"
    with out.open("w") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "backtimer", "serve", "--port", "0"],
            stdout=sink,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
    try:
        deadline = time.monotonic() + 20
        while "Press ctrl+c" not in out.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
        found = re.search(r"http://\S+", out.read_text())
        assert found, out.read_text()
        yield server, out, found[0]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_port_0_prints_the_port_bound(logged: tuple[subprocess.Popen[str], Path, str]) -> None:
    _, _, url = logged
    port = int(url.split(":")[2].split("/")[0])
    assert port != 0
    assert fetch(url)[0] == 200


def test_the_token_is_in_no_line_after_the_address(
    logged: tuple[subprocess.Popen[str], Path, str],
) -> None:
    server, out, url = logged
    token = url.rstrip("/").rsplit("/", 1)[1]
    root = url.rsplit("/", 2)[0]
    assert fetch(url)[0] == 200
    assert fetch(f"{root}/{token}x/")[0] == 403

    async def misbehave() -> None:
        async with aiohttp.ClientSession() as session:
            for message in ("not json", '["stdin"]', '["resize", {}]'):
                async with session.ws_connect(
                    url.replace("http", "ws") + "ws", headers={"Origin": root}
                ) as ws:
                    await ws.send_str(message)
                    await ws.receive(timeout=10)
            refused = await session.get(url + "ws", headers=WEBSOCKET | {"Origin": "http://x.y"})
            assert refused.status == 403

    asyncio.run(misbehave())
    time.sleep(0.5)  # the log lines of the last requests
    server.terminate()
    server.wait(timeout=10)
    lines = out.read_text().splitlines()
    assert token in lines[0]
    assert not [line for line in lines[1:] if token in line]
    assert "Traceback" not in out.read_text()
    said = [line for line in lines if "does not take" in line]
    assert said == [
        "a browser sent a message backtimer does not take (not JSON): closed",
        "a browser sent a message backtimer does not take (keys that are not text): closed",
        "a browser sent a message backtimer does not take (a size that is not a whole number):"
        " closed",
    ]


def test_a_connection_that_sends_no_request_is_closed(
    logged: tuple[subprocess.Popen[str], Path, str],
) -> None:
    """400 half-open connections were held with no limit."""
    from backtimer.web.server import IDLE_SECONDS

    _, _, url = logged
    port = int(url.split(":")[2].split("/")[0])
    began = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=IDLE_SECONDS + 10) as half:
        half.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never the end of the headers
        assert half.recv(1) == b""  # closed by the server
    assert time.monotonic() - began < IDLE_SECONDS + 5


@pytest.mark.parametrize("port", ["70000", "-1", "eighty"])
def test_a_port_out_of_range_is_a_usage_error(port: str) -> None:
    from tests.system.conftest import backtimer

    ran = backtimer("serve", "--port", port)
    assert ran.returncode == 2
    assert ran.stderr.splitlines()[-1] == (
        "backtimer: serve: argument --port: must be a port number from 1 to 65535,"
        f" or 0 for any free one (got {port!r}) (see backtimer serve --help)"
    )


def test_a_host_that_is_no_address_is_a_usage_error() -> None:
    from tests.system.conftest import backtimer

    ran = backtimer("serve", "--host", "no-such-host.invalid")
    assert ran.returncode == 2
    (line,) = ran.stderr.splitlines()
    assert line.startswith("backtimer: serve: --host 'no-such-host.invalid' is not an address")
    assert "unknown error" not in line
