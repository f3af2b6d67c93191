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


def test_the_app_starts_without_the_screens_it_has_not_shown() -> None:
    """Each screen is imported when it is first shown: at launch only the picker is
    needed, and every other screen would delay its first frame."""
    code = (
        "import sys\nimport backtimer.tui.app\n"
        "print(' '.join(m for m in sys.modules if m.startswith('backtimer.tui.screens.')))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    assert sorted(loaded) == [
        "backtimer.tui.screens.picker",
        "backtimer.tui.screens.question",
    ]


def test_no_model_reads_its_source_for_field_docs_at_run_time() -> None:
    """pydantic's attribute docstrings parse each model's source at import: a tenth
    of a second at every launch and every data command, for docs nothing shows."""
    code = (
        "import pkgutil, importlib, pydantic, backtimer.domain, backtimer.storage\n"
        "for package in (backtimer.domain, backtimer.storage):\n"
        "    for module in pkgutil.iter_modules(package.__path__):\n"
        "        importlib.import_module(f'{package.__name__}.{module.name}')\n"
        "def every(cls):\n"
        "    for sub in cls.__subclasses__():\n"
        "        yield sub\n        yield from every(sub)\n"
        "parsing = [m.__name__ for m in every(pydantic.BaseModel)\n"
        "           if m.model_config.get('use_attribute_docstrings')]\n"
        "assert not parsing, parsing\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
