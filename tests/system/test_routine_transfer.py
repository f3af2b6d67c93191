"""``backtimer routines export`` and ``import``: sharing routine files, as a person runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.storage import library
from tests.conftest import FIXTURES
from tests.factories import write
from tests.system.conftest import backtimer

BUILTINS = [entry.id for entry in library.builtin_routines()]


@pytest.mark.parametrize("routine_id", BUILTINS)
def test_every_builtin_exports_imports_and_exports_the_same(
    routine_id: str, tmp_path: Path
) -> None:
    exported = backtimer("routines", "export", routine_id)
    assert exported.returncode == 0, exported.stderr
    mine = write(tmp_path, f"my-{routine_id}.toml", exported.stdout)
    imported = backtimer("routines", "import", str(mine))
    assert imported.returncode == 0, imported.stderr
    assert f"imported as 'my-{routine_id}'" in imported.stdout
    again = backtimer("routines", "export", f"my-{routine_id}")
    assert again.stdout == exported.stdout
    assert backtimer("validate", str(mine)).returncode == 0


def test_a_file_the_builder_writes_passes_validate() -> None:
    result = backtimer("validate", str(FIXTURES / "builder-made.toml"))
    assert result.returncode == 0, result.stdout


def test_export_keeps_the_comments_of_a_file() -> None:
    exported = backtimer("routines", "export", "eight-contenders")
    assert "# at your own pace: press Enter after each rep" in exported.stdout


def test_import_refuses_to_replace_without_force(home: Path, tmp_path: Path) -> None:
    first = write(
        tmp_path / "a",
        "mine.toml",
        'format = 1\nname = "First"\n[[step]]\nexercise = "cat-cow"\nreps = 5\n',
    )
    second = write(tmp_path / "b", "mine.toml", first.read_text().replace("First", "Second"))
    assert backtimer("routines", "import", str(first)).returncode == 0
    refused = backtimer("routines", "import", str(second))
    assert refused.returncode == 1
    assert "routines/mine.toml exists already; use --force to replace it" in refused.stderr
    assert 'name = "First"' in (home / "routines" / "mine.toml").read_text()
    assert backtimer("routines", "import", "--force", str(second)).returncode == 0
    assert 'name = "Second"' in (home / "routines" / "mine.toml").read_text()


def test_import_an_invalid_file_says_what_validate_says(home: Path, tmp_path: Path) -> None:
    bad = write(
        tmp_path, "bad.toml", 'format = 1\nname = "x"\n[[step]]\nexercise = "cat-cow"\nhold = -5\n'
    )
    result = backtimer("routines", "import", str(bad))
    assert result.returncode == 1
    assert result.stderr == f"backtimer: {bad}: step[1].hold: must be at least 1 second (got -5)\n"
    assert not (home / "routines").exists()


def test_import_names_that_cannot_be_ids(home: Path, tmp_path: Path) -> None:
    text = backtimer("routines", "export", "desk-reset").stdout
    clash = backtimer("routines", "import", str(write(tmp_path, "desk-reset.toml", text)))
    assert clash.returncode == 1
    assert "'desk-reset' is the id of a built-in routine; rename the file" in clash.stderr
    spaced = backtimer("routines", "import", str(write(tmp_path, "My desk.toml", text)))
    assert spaced.returncode == 1 and "cannot be a routine id" in spaced.stderr


def test_import_a_missing_file_and_export_an_unknown_id_are_usage_errors(tmp_path: Path) -> None:
    missing = backtimer("routines", "import", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "nope.toml: no such file" in missing.stderr
    unknown = backtimer("routines", "export", "nope")
    assert unknown.returncode == 2 and "no routine 'nope'" in unknown.stderr


def test_routines_alone_still_lists() -> None:
    result = backtimer("routines")
    assert result.returncode == 0 and "Back durability" in result.stdout
