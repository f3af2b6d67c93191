"""The app in a web browser: textual-serve, behind a token that every address must carry.

textual-serve (Textualize's package for this) serves a page that runs a
terminal in the browser and, for each browser that connects, starts the app
in its own process, with this computer's data directory. What this module
adds:

- **A token in every address.** The page, its scripts and the websocket that
  drives the app live under ``/<token>/``; any other request,
  a wrong token included, gets 403 and a few plain words, nothing of the app.
  The token is checked in constant time before anything else is looked at.
- **The page's own origin only.** A browser says which page opens a websocket
  (its ``Origin``): only the page served here may drive the app, not a page of
  another site that learnt the address.
- **Limits a browser cannot push past.** A terminal of at most `MAX_WIDTH` x
  `MAX_HEIGHT` cells (one of 20,000 x 20,000 grew the app to 2.4 GB), at most
  `MAX_BROWSERS` apps at once (30 sockets started 30 apps, 3.9 GB), and a
  connection that has not sent its request within `IDLE_SECONDS` is closed.
  A message that is not one the page sends closes its socket, with one plain
  line in the log.
- **No token in the log.** The address is printed once, when the server
  starts; every later line (requests, errors) has the token replaced, and
  errors are one line, never a traceback with its local values.
- **Addresses as the browser sees them.** The page's links are made from the
  address the browser asked for (a phone uses the computer's network address,
  which the server may not know by that name).
- **A page of its own** (``templates/app_index.html``): no web fonts fetched
  from elsewhere, and a font size that fits the app's smallest screen into a
  phone's window.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

FORBIDDEN = "backtimer: this address needs the token that `backtimer serve` printed.\n"
OTHER_ORIGIN = (
    "backtimer: the app opens only from the page `backtimer serve` printed,"
    " not from another site.\n"
)
TEMPLATES = Path(__file__).parent / "templates"

MAX_WIDTH, MAX_HEIGHT = 500, 200
"""The largest terminal a browser may ask for, in cells: far more than any screen shows."""
MAX_BROWSERS = 4
"""Apps running at once, one a browser tab (each takes about 100 MB)."""
IDLE_SECONDS = 10.0
"""A connection that sends no complete request in this time (or idles between
requests) is closed; a websocket, once open, has its own heartbeat."""
MAX_MESSAGE_BYTES = 1024 * 1024
"""The largest websocket message: keys, a paste, a size."""
TOKEN_SHOWN = "<token>"

log = logging.getLogger("backtimer.serve")


def too_many_browsers() -> str:
    return (
        f"backtimer: {MAX_BROWSERS} browser windows are using this server already;"
        " close one, then reload this page.\n"
    )


class Malformed(ValueError):
    """A websocket message that is not one the page sends."""


def capped(value: object, most: int) -> int:
    """A size from a browser, between 1 and ``most`` cells."""
    if type(value) is not int:
        raise Malformed("a size that is not a whole number")
    return max(1, min(most, value))


def read_message(text: str) -> tuple[str, Any]:
    """A websocket message's type and data, checked.

    Raises:
        Malformed: it is not JSON, not ``[type, data]``, or its data is not of its type.
    """
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):
        raise Malformed("not JSON") from None
    if type(envelope) is not list or not envelope or type(envelope[0]) is not str:
        raise Malformed("not a list that starts with the message's type")
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin" and type(data) is not str:
        raise Malformed("keys that are not text")
    if kind == "resize":
        if type(data) is not dict:
            raise Malformed("a size that is not a table")
        return kind, (capped(data.get("width"), MAX_WIDTH), capped(data.get("height"), MAX_HEIGHT))
    return kind, data


class _TokenHidden(logging.Formatter):
    """Every line of the log, tracebacks included, with the token replaced."""

    def __init__(self, token: str) -> None:
        super().__init__("%(message)s")
        self.token = token

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace(self.token, TOKEN_SHOWN)


class GuardedServer(Server):
    """textual-serve's server, every route under a token."""

    def __init__(self, command: str, host: str, port: int, token: str) -> None:
        super().__init__(command, host=host, port=port, title="backtimer")
        self.templates_path = TEMPLATES
        self.token = token
        self.browsers = 0
        """Apps running now, one a websocket."""
        self.started: Callable[[int], None] = lambda port: None
        """Called once the server listens, with its port (the command prints the address)."""

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        parts = request.path.split("/")
        given = parts[1] if len(parts) > 1 else ""
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return web.Response(status=403, text=FORBIDDEN)
        if len(parts) == 2:  # the address typed without its last slash
            raise web.HTTPFound(f"/{self.token}/")
        return await handler(request)

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(
            app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True
        )
        prefix = f"/{self.token}"
        app.add_routes(
            [
                web.get(f"{prefix}/", self.handle_index, name="index"),
                web.get(f"{prefix}/ws", self.handle_websocket, name="websocket"),
                web.static(f"{prefix}/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Nothing to say yet: the socket is not listening until `serve` says so."""

    def initialize_logging(self) -> None:
        """One plain line an event, on standard output, never the token."""
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(_TokenHidden(self.token))
        logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)

    def serve(self, debug: bool = False, listening: socket.socket | None = None) -> None:
        """Serve until ctrl+c (or SIGTERM) on the socket given, calling `started` once
        it listens."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for stop in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(stop, self.request_exit)
        port = listening.getsockname()[1] if listening is not None else self.port
        web.run_app(
            self._make_app(),
            sock=listening,
            host=None if listening is not None else self.host,
            port=None if listening is not None else self.port,
            handle_signals=False,
            loop=loop,
            keepalive_timeout=IDLE_SECONDS,
            access_log_format='%a "%r" %s',
            print=lambda *_: self.started(port),  # aiohttp says when it listens, through this
        )

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, its links made from the address the browser used."""
        router = request.app.router
        origin = f"{request.scheme}://{request.host}"
        static = f"{origin}{router['static'].url_for(filename='/')}".rstrip("/") + "/"
        websocket = f"{origin}{router['websocket'].url_for()}"
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": "ws" + websocket.removeprefix("http"),
            "config": {"static": {"url": static}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """The websocket that drives one app: from the page's own origin only, within
        `MAX_BROWSERS`, at a size within the limits."""
        if request.headers.get("Origin") != f"{request.scheme}://{request.host}":
            log.info("a websocket from another origin was refused")
            raise web.HTTPForbidden(text=OTHER_ORIGIN)
        if self.browsers >= MAX_BROWSERS:
            log.info("a browser was turned away: %d apps are running", self.browsers)
            raise web.HTTPServiceUnavailable(text=too_many_browsers())
        self.browsers += 1
        try:
            return await self._drive_app(request)
        finally:
            self.browsers -= 1

    async def _drive_app(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        width = max(1, min(MAX_WIDTH, to_int(request.query.get("width", "80"), 80)))
        height = max(1, min(MAX_HEIGHT, to_int(request.query.get("height", "24"), 24)))
        await websocket.prepare(request)

        async def close() -> None:
            await websocket.close()

        app_service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        try:
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except Malformed as exc:
            log.info("a browser sent a message backtimer does not take (%s): closed", exc)
            await websocket.close(code=WSCloseCode.UNSUPPORTED_DATA)
        except asyncio.CancelledError:
            pass
        except Exception as exc:  # one line, never a traceback with the request in it
            log.info("a browser's connection ended: %s", type(exc).__name__)
        finally:
            await app_service.stop()
            await websocket.close()
        return websocket

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """Pass the browser's keys and sizes to the app, checked (see `read_message`).

        Raises:
            Malformed: a message is not one the page sends.
        """
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            kind, data = read_message(message.data)
            if kind == "stdin":
                await app_service.send_bytes(data.encode("utf-8"))
            elif kind == "resize":
                await app_service.set_terminal_size(*data)
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()
