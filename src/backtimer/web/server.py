"""The app in a web browser: textual-serve, behind a token that every address must carry.

textual-serve (Textualize's package for this) serves a page that runs a
terminal in the browser and, for each browser that connects, starts the app
in its own process, with this computer's data directory. What this module
adds:

- **A token in every address.** The page, its scripts and the websocket that
  drives the app live under ``/<token>/``; any other request,
  a wrong token included, gets 403 and a few plain words, nothing of the app.
  The token is checked in constant time before anything else is looked at.
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
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

FORBIDDEN = "backtimer: this address needs the token that `backtimer serve` printed.\n"
TEMPLATES = Path(__file__).parent / "templates"


class GuardedServer(Server):
    """textual-serve's server, every route under a token."""

    def __init__(self, command: str, host: str, port: int, token: str) -> None:
        super().__init__(command, host=host, port=port, title="backtimer")
        self.templates_path = TEMPLATES
        self.token = token
        self.started: Callable[[], None] = lambda: None
        """Called once the server listens (the command prints the addresses then)."""

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

    def serve(self, debug: bool = False) -> None:
        """Serve until ctrl+c (or SIGTERM), calling `started` once the socket listens."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for stop in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(stop, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda *_: self.started(),  # aiohttp says when it listens, through this
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
