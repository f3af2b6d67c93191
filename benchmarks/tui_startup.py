"""How long from launching backtimer to its painted picker, against a bare Textual app.

    python benchmarks/tui_startup.py [ROUNDS]      (default 3)

Each run starts the program in a fresh tmux pane of 100 x 30 and watches the
pane (every 5 ms) until it shows the first routine in the picker's list, or,
for the floor, the bare app's one line of text. Runs alternate: the bare app,
backtimer with an empty history, with 10,000 sessions (the digest cache warm,
as at every start but the first), and with 10,000 sessions and no cache (the
first start after an upgrade). Prints the medians and their ratios to the bare
app; the goal is at most 1.25x.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from floors import Figure, alternate, report
from tmux_pane import Pane

BARE_APP = """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("A bare Textual app")

Bare().run()
"""
HERE = Path(__file__).parent


def launch(command: list[str], home: Path, pattern: str, no_cache: bool = False) -> float:
    """Seconds from launch until the pane shows ``pattern``; the program is then closed."""
    if no_cache:
        shutil.rmtree(home / "cache", ignore_errors=True)
    pane = Pane(command, {"BACKTIMER_HOME": str(home)}, name="startup")
    pane.start()
    try:
        return pane.wait_for(pattern)
    finally:
        pane.stop()


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    backtimer = [sys.executable, "-m", "backtimer"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        bare = root / "bare.py"
        bare.write_text(BARE_APP)
        empty, full = root / "empty", root / "full"
        empty.mkdir()
        full.mkdir()
        for home in (empty, full):  # not a first start: the red flags were shown before
            (home / "coaching.toml").write_text("red_flags_shown = 2026-01-01T00:00:00Z\n")
        env = os.environ | {"BACKTIMER_HOME": str(full)}
        subprocess.run([sys.executable, HERE / "history_scale.py", "fill", "10000"], env=env)
        subprocess.run([*backtimer, "stats"], env=env, capture_output=True, check=True)
        listed = "Back durability"
        runs = {
            "bare Textual app": lambda: launch([sys.executable, str(bare)], empty, "bare Textual"),
            "backtimer, empty history": lambda: launch(backtimer, empty, listed),
            "backtimer, 10,000 sessions": lambda: launch(backtimer, full, listed),
            "backtimer, 10,000, no cache": lambda: launch(backtimer, full, listed, True),
        }
        results = alternate(runs, rounds)
    floor = "bare Textual app"
    print("launch to the painted picker, tmux 100 x 30")
    report(
        [
            Figure(floor),
            Figure("backtimer, empty history", floor, "<= 1.25x"),
            Figure("backtimer, 10,000 sessions", floor, "<= 1.25x"),
            Figure("backtimer, 10,000, no cache", floor),
        ],
        results,
        rounds,
    )


if __name__ == "__main__":
    main()
