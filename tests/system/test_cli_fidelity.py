"""The doses, massages and cues a person gets from `routines export` and `exercises --json`."""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

import pytest

from backtimer.cli import main
from tests.factories import NOW


def out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv), now=lambda: NOW) == 0
    return capsys.readouterr().out


def exported(capsys: pytest.CaptureFixture[str], routine_id: str) -> dict[str, Any]:
    return tomllib.loads(out(capsys, "routines", "export", routine_id))


def moves(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, Any]]:
    return {move["id"]: move for move in json.loads(out(capsys, "exercises", "--json"))}


def test_the_piriformis_stretch_is_held_a_few_seconds_then_the_other_side(
    capsys: pytest.CaptureFixture[str],
) -> None:
    stretch = moves(capsys)["seated-piriformis-stretch"]
    assert stretch["default"] == {"hold": 5}
    assert stretch["sides"] == "each"
    steps = exported(capsys, "eight-contenders")["step"]
    step = next(s for s in steps if s["exercise"] == "seated-piriformis-stretch")
    assert step["hold"] == 5 and "reps" not in step and step["sides"] == "each"


def test_each_massage_has_one_duration_and_says_how_to_do_it_safely(
    capsys: pytest.CaptureFixture[str],
) -> None:
    massages = {i: m for i, m in moves(capsys).items() if m["kind"] == "massage"}
    assert len(massages) == 6
    for move_id, massage in massages.items():
        assert massage["default"] == {"work": 45}, move_id
        assert massage["prescription"] == "45 seconds on each side."
        assert "sharp pain" in massage["safety"].lower(), move_id  # its own line, not a cue
        assert massage["safety"] not in massage["cues"], move_id
    assert "pulse" in massages["psoas-massage"]["safety"]
    assert "pregnant" in massages["psoas-massage"]["skip_if"]
    assert "Tingling" in massages["piriformis-massage"]["safety"]
    for routine_id in ("culprit-massage", "desk-reset"):
        for step in exported(capsys, routine_id)["step"]:
            if step["exercise"] in massages:
                assert step["work"] == 45, (routine_id, step["exercise"])


def test_the_split_squat_grows_harder_and_the_good_morning_starts_the_day(
    capsys: pytest.CaptureFixture[str],
) -> None:
    catalogue = moves(capsys)
    squat = " ".join(
        [catalogue["atg-split-squat"]["prescription"], *catalogue["atg-split-squat"]["cues"]]
    )
    assert "weight" in squat and "box" in squat
    assert "morning" in catalogue["seated-good-morning"]["prescription"]
    morning = exported(capsys, "flexible-back-morning")
    assert "seated-good-morning" in [step["exercise"] for step in morning["step"]]


def test_each_description_gives_the_time_of_its_estimate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    listed = json.loads(out(capsys, "routines", "--json"))
    assert len(listed) == 6
    for routine in listed:
        description = exported(capsys, routine["id"])["description"]
        promised = re.search(r"About (\d+) minutes", description)
        assert promised, routine["id"]
        assert int(promised.group(1)) == round(routine["estimated_seconds"] / 60), routine["id"]


def test_each_move_gives_its_side_words_and_cues_for_the_voice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    carry = moves(capsys)["suitcase-carry"]
    assert (carry["left_side"], carry["right_side"]) == (
        "weight in the left hand",
        "weight in the right hand",
    )
    bridge = moves(capsys)["banded-glute-bridge"]
    assert bridge["hold_cue"] and bridge["release_cue"] and bridge["rep_cues"]
