"""What a routine needs and what it can do without, as `show` and `routines --json` say it."""

from __future__ import annotations

import json

from tests.system.conftest import backtimer


def test_show_says_what_is_needed_and_what_is_optional_apart() -> None:
    result = backtimer("show", "back-durability")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    need = next(line for line in lines if line.startswith("You need: "))
    optional = next(line for line in lines if line.startswith("Optional: "))
    # "No bar? Cross your arms": the good morning's barbell is optional, so is the squat's box.
    assert need == (
        "You need: a chair or wall to hold, chair or bench, dumbbell or kettlebell, loop band, mat"
    )
    assert optional == "Optional: barbell, box or bench, weight"


def test_routines_json_lists_the_optional_equipment_apart() -> None:
    result = backtimer("routines", "--json")
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    desk = rows["desk-reset"]
    assert "barbell" not in desk["equipment"] and "weight (optional)" not in desk["equipment"]
    assert desk["optional_equipment"] == ["barbell", "box or bench", "weight"]
    assert rows["culprit-massage"]["equipment"] == ["massage tool"]
    assert rows["culprit-massage"]["optional_equipment"] == []


def test_exercises_marks_optional_equipment() -> None:
    result = backtimer("exercises")
    good_morning = next(
        line for line in result.stdout.splitlines() if "seated-good-morning" in line
    )
    assert "chair or bench; optional: barbell" in good_morning
