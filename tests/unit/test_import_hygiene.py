"""The walls between the layers: the domain and the data commands never load the UI.

Every check runs in one fresh process (`CHECKS`, once per module): it imports the
domain alone, then storage, then runs each data command, and says which modules
each step loaded that it must not. One process instead of one per check: the
same walls, a second instead of eight.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA_COMMANDS = [
    ["routines", "--json"],
    ["exercises"],
    ["show", "desk-reset"],
    ["show", "desk-reset", "--figures"],
    ["--version"],
    ["programs", "--json"],
    ["today"],
    ["today", "--exit-code"],
    ["programs", "ics", "back-durability-6wk"],
    ["history"],
    ["history", "--json"],
    ["history", "import", "missing.json"],
    ["stats", "--json"],
    ["morning"],
    ["red-flags"],
    ["report", "--weeks", "2"],
    ["report", "--format", "md", "--out", "-"],
]

CHECKS = """
import contextlib, importlib, io, json, pkgutil, sys

def loaded(*packages):
    return sorted(m for m in sys.modules if any(m == p or m.startswith(p + ".") for p in packages))

def every_module(package):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)

found = {}
import backtimer.domain
every_module(backtimer.domain)
found["domain"] = loaded("backtimer.storage", "backtimer.tui", "backtimer.cli")
import backtimer.storage
every_module(backtimer.storage)
found["storage"] = loaded("backtimer.tui", "backtimer.cli")
found["textual"] = loaded("textual")
from backtimer.cli import main
for argv in json.loads(sys.argv[1]):
    sys.stdout = sys.stderr = io.TextIOWrapper(io.BytesIO())  # what each command says
    with contextlib.suppress(SystemExit):
        main(argv)
    found[" ".join(argv)] = loaded("textual")
import pydantic

def every_model(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from every_model(sub)

found["models parsing their source"] = sorted(
    m.__name__ for m in every_model(pydantic.BaseModel)
    if m.__module__.startswith("backtimer") and m.model_config.get("use_attribute_docstrings")
)
import backtimer.tui.app
found["screens at launch"] = [m for m in loaded("backtimer.tui.screens") if m.count(".") == 3]
sys.__stdout__.write(json.dumps(found))
"""


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """For each check, the modules it loaded that it must not (in one process)."""
    home = tmp_path_factory.mktemp("hygiene")
    env = os.environ | {"BACKTIMER_HOME": str(Path(home) / "home")}
    ran = subprocess.run(
        [sys.executable, "-c", CHECKS, json.dumps(DATA_COMMANDS)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: dict[str, list[str]] = json.loads(ran.stdout)
    return result


def test_the_domain_never_touches_the_ui_or_storage_code(found: dict[str, list[str]]) -> None:
    assert found["domain"] == []


def test_domain_and_storage_never_import_textual(found: dict[str, list[str]]) -> None:
    assert found["textual"] == []


def test_storage_never_imports_the_ui(found: dict[str, list[str]]) -> None:
    assert found["storage"] == []


@pytest.mark.parametrize("argv", DATA_COMMANDS, ids=" ".join)
def test_data_commands_never_import_textual(argv: list[str], found: dict[str, list[str]]) -> None:
    assert found[" ".join(argv)] == []


def test_the_app_starts_without_the_screens_it_has_not_shown(
    found: dict[str, list[str]],
) -> None:
    """Each screen is imported when it is first shown: at launch only the picker (and
    what every screen shares) is needed, and every other screen would delay its first frame."""
    assert found["screens at launch"] == [
        "backtimer.tui.screens.base",
        "backtimer.tui.screens.picker",
        "backtimer.tui.screens.question",
    ]


def test_no_model_reads_its_source_for_field_docs_at_run_time(
    found: dict[str, list[str]],
) -> None:
    """pydantic's attribute docstrings parse each model's source at import: a tenth
    of a second at every launch and every data command, for docs nothing shows."""
    assert found["models parsing their source"] == []
