"""``backtimer serve [--host H] [--port P]``: the app in a web browser, behind a token.

The server (`backtimer.web.server`) listens on 127.0.0.1 unless told
otherwise; a phone or tablet on the same network needs ``--host 0.0.0.0`` (or
the computer's own address). Every run makes a new random token, and the
address with it is printed, with a QR code for a phone's camera when the
server can be reached from other machines.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import os
import secrets
import shlex
import socket
import sys

from backtimer.cli.exits import EXIT_OK, UsageError

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


def port_number(text: str) -> int:
    """A --port: 0 (any free port) to 65535."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"must be a port number from 1 to 65535, or 0 for any free one (got {text!r})"
        )
    return port


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket listening on ``host`` and ``port`` (0: a free port the system picks).

    Raises:
        UsageError: the host has no address, or the port cannot be had; one line
            saying which, and what to do.
    """
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        why = exc.strerror if isinstance(exc, socket.gaierror) else "not a host name"
        raise UsageError(
            f"serve: --host {host!r} is not an address of this computer ({why});"
            " leave it out (this computer only) or use --host 0.0.0.0 (its network too)",
        ) from None
    family, kind, protocol, _, address = found[0]
    listening = socket.socket(family, kind, protocol)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(128)
    except OSError as exc:
        listening.close()
        why = os.strerror(exc.errno).lower() if exc.errno else str(exc)
        hint = (
            "that is not an address of this computer: leave --host out, or use --host 0.0.0.0"
            if exc.errno == errno.EADDRNOTAVAIL
            else "pick another with --port"
        )
        raise UsageError(f"serve: cannot listen on {host} port {port}: {why}; {hint}") from None
    return listening


def serve(args: argparse.Namespace) -> int:
    from backtimer.web.server import GuardedServer

    listening = listening_socket(args.host, args.port)
    token = secrets.token_urlsafe(16)
    command = shlex.join([sys.executable, "-m", "backtimer"])
    server = GuardedServer(command, args.host, args.port, token)
    server.started = lambda port: announce(args.host, page_address(args.host, port, token))
    server.serve(listening=listening)
    return EXIT_OK
