"""Where backtimer keeps its files.

Everything lives in one data directory: ``$BACKTIMER_HOME`` when it is set
(the tests always set it), otherwise the platform's user data directory.
"""

from __future__ import annotations

import os
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

HOME_VARIABLE = "BACKTIMER_HOME"


def data_dir() -> Path:
    """The data directory (not created here), always as an absolute path: a relative
    ``BACKTIMER_HOME`` is taken from the working folder (see `settle_data_dir`)."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(os.path.abspath(os.path.expanduser(override)))
    from platformdirs import user_data_path  # only needed when no override is set

    return user_data_path("backtimer", appauthor=False)


def settle_data_dir() -> None:
    """Make a relative ``BACKTIMER_HOME`` absolute, once, at start.

    Paths made from it were compared with paths made from the absolute one
    (``relhome`` against ``/home/me/relhome/history/...``), which crashed an
    import; and a process started from another folder (the browser mode's) must
    find the same data.
    """
    override = os.environ.get(HOME_VARIABLE)
    if override:
        os.environ[HOME_VARIABLE] = str(data_dir())


def routines_dir() -> Path:
    """The user's own routine files."""
    return data_dir() / "routines"


def programmes_dir() -> Path:
    """The user's own programme files."""
    return data_dir() / "programs"


def program_file() -> Path:
    """The active programme, its start date, and the programmes left before."""
    return data_dir() / "program.toml"


def history_file() -> Path:
    """Finished sessions of the current month."""
    return data_dir() / "history.toml"


def archive_dir() -> Path:
    """Finished sessions of earlier months, one file a month."""
    return data_dir() / "history"


def journal_dir() -> Path:
    """Sessions under way, one small file each, until they are finished."""
    return data_dir() / "in-progress"


def cache_dir() -> Path:
    """Derived data that can always be rebuilt from the TOML files."""
    return data_dir() / "cache"


def reports_dir() -> Path:
    """The reports written for a physiotherapist (`backtimer report`), unless told elsewhere."""
    return data_dir() / "reports"


def settings_file() -> Path:
    return data_dir() / "settings.toml"


def coaching_file() -> Path:
    """What the coaching has said and been told: the red flags shown, one open, the
    mornings asked."""
    return data_dir() / "coaching.toml"


def lock_file() -> Path:
    """Held while any history file is written, so two copies never collide."""
    return data_dir() / ".lock"


def builtin_routines() -> Traversable:
    """The routine files that ship inside the package."""
    return files("backtimer") / "routines"


def builtin_programmes() -> Traversable:
    """The programme files that ship inside the package."""
    return files("backtimer") / "programs"


def catalogue_resource() -> Traversable:
    return files("backtimer.domain.routines") / "catalogue.toml"


def poses_resource() -> Traversable:
    """How each built-in move is drawn (`backtimer.domain.figure.moves`)."""
    return files("backtimer.domain.figure") / "poses.toml"
