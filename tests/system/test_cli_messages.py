"""Names and messages a person can act on: what the command line says when something is off.

These run the command line in-process (quicker than a process per case); the
text and the exit codes are those a person sees.
"""

from __future__ import annotations

import json
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from backtimer.storage import locations
from backtimer.storage.history import HistoryStore
from tests.factories import NOW, session, write
from tests.hostile import GOOD_ROUTINE as GOOD
from tests.system.conftest import run


def seven_sessions() -> None:
    HistoryStore(lambda: NOW).record_many(
        session(NOW - timedelta(days=day, hours=1), suffix=f"00000{day}") for day in range(7)
    )


# ---------------------------------------------------------------- history --since


def test_history_since_a_date_after_every_session_says_none_match() -> None:
    seven_sessions()
    ran = run("history", "--since", "2030-01-01")
    assert ran.code == 0
    assert ran.out == "No sessions since 2030-01-01 (7 in all).\n"
    assert run("history").out.count("Desk reset") == 7


def test_history_of_an_empty_history_still_says_none_yet() -> None:
    assert "No sessions yet" in run("history", "--since", "2030-01-01").out


# ---------------------------------------------------------------- did you mean


@pytest.mark.parametrize("command", ["show", "start"])
def test_a_mistyped_routine_id_gets_the_nearest_one(command: str) -> None:
    ran = run(command, "back-durabilty")
    assert ran.code == 2
    assert ran.err == "backtimer: no routine 'back-durabilty' (did you mean back-durability?)\n"


def test_an_id_like_none_lists_the_ids_there_are() -> None:
    ran = run("show", "zzz")
    assert ran.code == 2
    assert ran.err.startswith("backtimer: no routine 'zzz'; there are: back-durability, ")


def test_a_mistyped_programme_id_gets_the_nearest_one() -> None:
    ran = run("programs", "start", "flexible-back-3w")
    assert ran.code == 2
    assert ran.err == (
        "backtimer: no programme 'flexible-back-3w' (did you mean flexible-back-3wk?)\n"
    )


# ---------------------------------------------------------------- every error says who speaks

BROKEN_ROUTINE = 'format = 1\nname = "Broken"\n[[step]]\nexercise = "cat-cow"\nhold = -5\n'
BROKEN_PROGRAMME = 'format = 1\nname = "P"\nweeks = 2\ndays_per_week = 2\n[[slot]]\nroutine = "x"\n'


def _broken_data(home: Path, tmp_path: Path) -> None:
    write(home / "routines", "broken.toml", BROKEN_ROUTINE)
    write(home / "programs", "bad.toml", BROKEN_PROGRAMME)
    write(home, "program.toml", "active = ")
    write(home, "settings.toml", "weekly_goal = ")
    write(home, "history.toml", "[[session]]\nid = ")
    write(tmp_path, "bad.toml", BROKEN_ROUTINE)
    write(tmp_path, "not-json.json", "[")


@pytest.mark.parametrize(
    "argv",
    [
        ["routines"],
        ["routines", "export", "nope"],
        ["routines", "export", "broken"],
        ["routines", "import", "{tmp}/missing.toml"],
        ["routines", "import", "{tmp}/bad.toml"],
        ["show", "broken"],
        ["show", "{tmp}/missing.toml"],
        ["start", "broken"],
        ["validate", "{tmp}/missing.toml"],
        ["history"],
        ["history", "--since", "yesterday"],
        ["history", "import", "{tmp}/not-json.json"],
        ["history", "import", "{tmp}/missing.json"],
        ["stats"],
        ["programs"],
        ["programs", "start", "bad"],
        ["programs", "start", "nope"],
        ["today"],
        ["dance"],
    ],
)
def test_every_error_line_starts_with_backtimer(
    argv: list[str], home: Path, tmp_path: Path
) -> None:
    _broken_data(home, tmp_path)
    ran = run(*[arg.replace("{tmp}", str(tmp_path)) for arg in argv])
    lines = [line for line in ran.err.splitlines() if line.strip()]
    assert lines, f"nothing said on stderr (exit {ran.code})"
    errors = [line for line in lines if not line.startswith(("backtimer: ", "usage: ", " "))]
    assert not errors, ran.err


# ---------------------------------------------------------------- validate finds everything

SEVERAL = """\
format = 1
name = "Several"

[[step]]
exercise = "cat-cwo"
reps = 5
sides = "both"

[[step]]
exercise = "plank"

[[step]]
exercise = "suitcase-carry"
hold = -5

[[step]]
exercise = "elephant-walk"
reps = 10
tempo = 2
work = 30
hodl = 3
"""


def test_validate_reports_every_problem_of_a_file_in_one_run(tmp_path: Path) -> None:
    path = write(tmp_path, "several.toml", SEVERAL)
    ran = run("validate", str(path))
    assert ran.code == 1
    assert ran.out.splitlines() == [
        f"{path}: step[1].sides: must be one of 'none', 'each', 'alternate-reps' or"
        " 'alternate-sets' (got 'both')",
        f"{path}: step[1].exercise: unknown exercise 'cat-cwo' (did you mean 'cat-cow'?);"
        " use an id from `backtimer exercises` or add an [[exercise]] with that id",
        f"{path}: step[2]: says nothing to do: give it work, hold, phases with reps,"
        " tempo with reps, or reps alone",
        f"{path}: step[2].exercise: unknown exercise 'plank'; use an id from"
        " `backtimer exercises` or add an [[exercise]] with that id",
        f"{path}: step[3].hold: must be at least 1 second (got -5)",
        f"{path}: step[4].hodl: unknown key (did you mean 'hold'?)",
        f"{path}: step[4]: has both work and tempo; a step takes exactly one of work, hold,"
        " phases or tempo (or reps alone for self-paced reps)",
        f"{path}: step[4]: reps do not go with work (work is timed; use sets to repeat it)",
    ]


def test_validate_checks_the_files_own_moves_even_when_a_step_is_wrong(tmp_path: Path) -> None:
    text = (
        'format = 1\nname = "x"\n[[step]]\nexercise = "dead-bug"\nreps = 0\n'
        '[[step]]\nexercise = "dead-bgu"\nreps = 3\n'
        '[[exercise]]\nid = "dead-bug"\nname = "Dead bug"\n'
        '[[exercise]]\nid = "cat-cow"\nname = "Mine"\n'
    )
    path = write(tmp_path, "own.toml", text)
    out = run("validate", str(path)).out
    assert f"{path}: step[1].reps: must be at least 1 (got 0)" in out
    assert "step[1].exercise" not in out  # dead-bug is the file's own move
    assert (
        f"{path}: step[2].exercise: unknown exercise 'dead-bgu' (did you mean 'dead-bug'?)" in out
    )
    assert f"{path}: exercise[2].id: 'cat-cow' is a catalogue move" in out


# ---------------------------------------------------------------- no "article"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _strings(item)] if isinstance(value, list) else []


def test_no_text_a_person_reads_mentions_the_article() -> None:
    said = run("exercises", "--json").out
    for routine in json.loads(run("routines", "--json").out):
        said += run("show", routine["id"]).out
    catalogue = tomllib.loads(locations.catalogue_resource().read_text("utf-8"))
    said += "\n".join(_strings(catalogue))  # cues, what each move is for: the guide shows them
    assert "article" not in said.lower()


# ---------------------------------------------------------------- wide characters

WIDE = """\
format = 1
name = "朝のストレッチ 🌅"

[[step]]
exercise = "neko"
reps = 5

[[step]]
exercise = "cat-cow"
reps = 5

[[exercise]]
id = "neko"
name = "猫のポーズ 🐈"
"""


def _columns(line: str, marker: str) -> int:
    """The display column at which `marker` starts in `line` (wide characters count 2)."""
    from unicodedata import east_asian_width

    before = line[: line.index(marker)]
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in before)


def test_show_aligns_steps_with_wide_names(home: Path) -> None:
    write(home / "routines", "asa.toml", WIDE)
    lines = run("show", "asa").out.splitlines()
    wide, plain = (next(line for line in lines if line.startswith(f"  {n}.")) for n in (1, 2))
    assert _columns(wide, "5 reps") == _columns(plain, "5 reps")


def test_routines_table_aligns_with_wide_names(home: Path) -> None:
    write(home / "routines", "asa.toml", WIDE)
    lines = run("routines").out.splitlines()
    header = lines[0]
    wide = next(line for line in lines if line.startswith("asa "))
    assert _columns(wide, "user") == _columns(header, "SOURCE")


def test_history_table_aligns_with_wide_names(home: Path) -> None:
    HistoryStore(lambda: NOW).record_many(
        [
            session(NOW - timedelta(hours=2), routine_name="朝のストレッチ 🌅"),
            session(NOW - timedelta(hours=1), suffix="000002"),
        ]
    )
    lines = run("history").out.splitlines()
    assert _columns(lines[1], "6 min") == _columns(lines[2], "6 min") == _columns(lines[0], "TIME")


# ---------------------------------------------------------------- routines import: same name


def test_importing_a_copy_of_a_builtin_says_the_name_is_taken(tmp_path: Path) -> None:
    exported = run("routines", "export", "desk-reset").out
    mine = write(tmp_path, "my-desk.toml", exported)
    ran = run("routines", "import", str(mine))
    assert ran.code == 0
    assert "imported as 'my-desk' (Desk reset)" in ran.out
    assert ran.err == (
        "backtimer: note: the built-in routine desk-reset is also called 'Desk reset';"
        " the picker tells them apart by id. To rename yours, change its name ="
        " line and import it again with --force.\n"
    )
    assert not run("routines", "import", str(write(tmp_path, "mine.toml", GOOD))).err


# ---------------------------------------------------------------- history import: any safe id


def _exported() -> list[dict[str, object]]:
    HistoryStore(lambda: NOW).record_many(
        session(NOW - timedelta(days=40 * n), suffix=f"00000{n}") for n in range(4)
    )
    sessions: list[dict[str, object]] = json.loads(run("history", "--json").out)
    return sessions


def test_history_import_takes_any_safe_id_and_derives_a_missing_one(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = _exported()
    sessions[0]["id"] = "abc"
    sessions[1]["id"] = "Morning walk, 3 Nov (from my old app) ✓"
    sessions[2]["id"] = "x" * 64
    del sessions[3]["id"]
    export = write(tmp_path, "export.json", json.dumps(sessions))
    monkeypatch.setenv("BACKTIMER_HOME", str(tmp_path / "elsewhere"))

    first = run("history", "import", str(export))
    assert (first.code, first.err) == (0, "")
    assert first.out == f"Imported 4 of the 4 sessions in {export}.\n"
    again = run("history", "import", str(export))
    assert again.out == (
        f"Imported 0 of the 4 sessions in {export}; 4 were already in the history.\n"
    )
    ids = [s["id"] for s in json.loads(run("history", "--json").out)]
    assert ids[:3] == ["abc", "Morning walk, 3 Nov (from my old app) ✓", "x" * 64]
    derived = ids[3]
    assert derived.startswith(f"{NOW:%Y%m%dT%H%M%SZ}-")

    assert (
        HistoryStore(lambda: NOW).delete("abc") is not None
    )  # a foreign id is found wherever it is
    assert "abc" not in [s["id"] for s in json.loads(run("history", "--json").out)]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"started_at": "yesterday"},
            "started_at: must be a date and time with its offset, like 2026-11-24T07:30:00+00:00",
        ),
        (
            {"started_at": "2026-11-24T07:30:00"},
            "started_at: must be a date and time with its offset, like 2026-11-24T07:30:00+00:00",
        ),
        ({"status": "done"}, "status: must be one of 'completed', 'stopped' or 'interrupted'"),
        ({"pain_before": 11}, "pain_before: must be at most 10 (got 11)"),
        ({"id": "a/b"}, "id: must be 1 to 64 printable characters without '/' (got 'a/b')"),
        ({"id": ""}, "id: must be 1 to 64 printable characters without '/' (got '')"),
        ({"id": "x" * 65}, "id: must be 1 to 64 printable characters without '/'"),
        ({"id": "tab\there"}, "id: must be 1 to 64 printable characters without '/'"),
    ],
)
def test_a_rejected_import_names_the_session_and_the_field_in_plain_words(
    change: dict[str, object],
    expected: str,
    home: Path,
    tmp_path: Path,
) -> None:
    sessions = _exported()
    before = run("history", "--json").out
    sessions[2] |= change
    export = write(tmp_path, "export.json", json.dumps(sessions))
    ran = run("history", "import", str(export))
    assert ran.code == 1
    shown_id = repr(sessions[2]["id"])
    assert ran.err.startswith(f"backtimer: {export}: session 3 (id {shown_id}): {expected}"), (
        ran.err
    )
    assert run("history", "--json").out == before


def test_a_routine_typed_by_its_name_points_to_its_id(home: Path) -> None:
    write(home / "routines", "my-desk.toml", run("routines", "export", "desk-reset").out)
    write(home / "routines", "asa.toml", GOOD.replace('"Mine"', '"Morning stretch"'))
    said = run("show", "desk reset").err
    assert said == "backtimer: no routine 'desk reset' (did you mean desk-reset?)\n"
    said = run("start", "Morning stretch").err
    assert said == "backtimer: no routine 'Morning stretch' (did you mean asa?)\n"


def test_a_rejected_import_tells_ten_problems_and_how_many_more(tmp_path: Path) -> None:
    sessions = json.loads(json.dumps(_exported() * 3))  # twelve, each its own
    for item in sessions:
        del item["started_at"]
    export = write(tmp_path, "export.json", json.dumps(sessions))
    lines = run("history", "import", str(export)).err.splitlines()
    assert len(lines) == 11
    assert lines[9].startswith(f"backtimer: {export}: session 10 (id ")
    assert lines[10] == f"backtimer: {export}: and 2 more problems; nothing was imported"
