"""The walls between the layers: the domain and the data commands never load the UI."""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN_AND_STORAGE = """
import sys, pkgutil, importlib
import backtimer.domain, backtimer.storage
for package in (backtimer.domain, backtimer.storage):
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "textual")
assert not loaded, loaded
"""


def test_domain_and_storage_never_import_textual() -> None:
    subprocess.run([sys.executable, "-c", DOMAIN_AND_STORAGE], check=True)


def test_the_domain_never_touches_the_ui_or_storage_code() -> None:
    code = (
        "import sys, pkgutil, importlib, backtimer.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__):\n"
        "    importlib.import_module('backtimer.domain.' + m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('backtimer.storage', 'backtimer.tui'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "argv",
    [
        ["routines", "--json"],
        ["exercises"],
        ["show", "desk-reset"],
        ["--version"],
        ["programs", "--json"],
        ["today"],
        ["today", "--exit-code"],
        ["programs", "ics", "back-durability-6wk"],
        ["history"],
        ["history", "--json"],
        ["history", "import", "missing.json"],
        ["stats", "--json"],
    ],
)
def test_data_commands_never_import_textual(argv: list[str]) -> None:
    code = (
        "import sys\nfrom backtimer.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "assert not [m for m in sys.modules if m.startswith('textual')], 'textual was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
