"""What `backtimer serve` prints: the address to open, and a QR code when a phone can use it."""

from __future__ import annotations

import pytest

from backtimer.cli import serve


def test_a_server_on_every_address_is_opened_by_the_computers_network_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(serve, "network_address", lambda: "192.168.1.20")
    assert serve.page_address("0.0.0.0", 8000, "tok") == "http://192.168.1.20:8000/tok/"
    assert serve.page_address("127.0.0.1", 8001, "tok") == "http://127.0.0.1:8001/tok/"
    assert serve.page_address("fe80::1", 8000, "tok") == "http://[fe80::1]:8000/tok/"


def test_loopback_hosts_get_a_hint_and_no_qr_code(capsys: pytest.CaptureFixture[str]) -> None:
    for host in ("127.0.0.1", "localhost", "::1"):
        assert serve.is_loopback(host)
    serve.announce("127.0.0.1", "http://127.0.0.1:8000/tok/")
    out = capsys.readouterr().out
    assert out.startswith("backtimer is served at http://127.0.0.1:8000/tok/\n")
    assert "backtimer serve --host 0.0.0.0" in out and "█" not in out


def test_a_reachable_server_shows_a_qr_code_and_says_what_it_exposes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    serve.announce("0.0.0.0", "http://192.168.1.20:8000/tok/")
    out = capsys.readouterr().out
    assert "▄" in out and "█" in out  # the QR code, in half blocks
    assert "Anyone who has this address can use backtimer as you do" in out
