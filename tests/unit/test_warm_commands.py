"""The data commands that only read, run again with nothing changed, load no model:
importing pydantic and building the models cost more than their whole answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import contextlib, io, sys
from backtimer.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    main(sys.argv[1:])
sys.stdout.write(out.getvalue())
print("pydantic" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "command",
    [["routines", "--json"], ["routines"], ["exercises", "--json"], ["stats"], ["stats", "--json"]],
    ids=" ".join,
)
def test_a_warm_command_loads_no_model(home: Path, command: list[str]) -> None:
    history = home / "history.toml"
    home.mkdir(parents=True, exist_ok=True)
    history.write_text(
        '[[session]]\nid = "a"\nroutine = "desk-reset"\nroutine_name = "Desk reset"\n'
        "started_at = 2026-01-05T07:30:00Z\nended_at = 2026-01-05T07:37:00Z\n"
        'status = "completed"\nactive_seconds = 400.0\npaused_seconds = 0.0\n'
    )
    (home / "settings.toml").write_text("weekly_goal = 4\nsound = false\n")
    env = {**os.environ, "BACKTIMER_HOME": str(home)}
    run = [sys.executable, "-c", SCRIPT, *command]
    cold = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    warm = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert (cold.stderr, warm.stderr) == ("True\n", "False\n")
    assert warm.stdout.splitlines()[0] == cold.stdout.splitlines()[0]  # the same answer
