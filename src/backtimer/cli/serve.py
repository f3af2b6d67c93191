"""``backtimer serve [--host H] [--port P]``: the app in a web browser, behind a token.

The server (`backtimer.web.server`) listens on 127.0.0.1 unless told
otherwise; a phone or tablet on the same network needs ``--host 0.0.0.0`` (or
the computer's own address). Every run makes a new random token, and the
address with it is printed, with a QR code for a phone's camera when the
server can be reached from other machines.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import shlex
import socket
import sys

from backtimer.cli.exits import EXIT_OK, EXIT_USAGE
from backtimer.cli.output import error

EXPOSED = (
    "Anyone who has this address can use backtimer as you do: see and delete your"
    " history, change your routines and settings. Use it on a network you trust;"
    " ctrl+c stops the server."
)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def network_address() -> str | None:
    """This computer's address on its network, as a phone on the same network reaches it.

    Connecting a UDP socket sends nothing: it only asks the system which of its
    addresses it would use for the route out (192.0.2.1 is a documentation
    address, never a real host).
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            address = str(probe.getsockname()[0])
        except OSError:
            address = ""
    if address and not ipaddress.ip_address(address).is_loopback:
        return address
    try:
        found = socket.gethostbyname(socket.gethostname())
    except OSError:
        return None
    return None if ipaddress.ip_address(found).is_loopback else found


def page_address(host: str, port: int, token: str) -> str:
    """The address to open: the host as given, or this computer's network address for
    a server listening on every address."""
    shown = host
    if host in ("0.0.0.0", "::", ""):
        shown = network_address() or socket.gethostname()
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/{token}/"


def qr_lines(text: str) -> str:
    """A QR code of ``text`` in block characters, for a phone's camera."""
    import io

    import segno

    out = io.StringIO()
    segno.make(text, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue()


def announce(host: str, address: str) -> None:
    print(f"backtimer is served at {address}", flush=True)
    if is_loopback(host):
        # The command on a line of its own: a terminal never wraps it in the middle.
        print("Only this computer can open it. For a phone or tablet on the same network:")
        print("  backtimer serve --host 0.0.0.0")
    else:
        print("Open it on a phone or tablet on the same network; the camera reads this code:")
        print(qr_lines(address), end="")
        print(EXPOSED)
    print("Press ctrl+c to stop.", flush=True)


def serve(args: argparse.Namespace) -> int:
    from backtimer.web.server import GuardedServer

    token = secrets.token_urlsafe(16)
    command = shlex.join([sys.executable, "-m", "backtimer"])
    server = GuardedServer(command, args.host, args.port, token)
    address = page_address(args.host, args.port, token)
    server.started = lambda: announce(args.host, address)
    try:
        server.serve()
    except OSError as exc:
        why = os.strerror(exc.errno).lower() if exc.errno else str(exc)
        error(f"cannot listen on {args.host} port {args.port}: {why}; pick another with --port")
        return EXIT_USAGE
    return EXIT_OK
