"""Every history file backtimer writes reads back as it was written, value for value.

History files are read with tomllib behind the screens of `safe_parse` (no
parser in native code: one crashed the process on a deeply nested file). These
tests hold the reading to tomllib's own results on generated histories, type
for type, and check that the screens refuse what would crash tomllib.
"""

from __future__ import annotations

import math
import operator
import string
import threading
import tomllib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.domain.history.session import MAX_SECONDS, Session, StepRecord
from backtimer.domain.parsing.safe_parse import ShapeError, load_toml
from backtimer.storage.history_file import dump, parse_file
from tests.strategies import examples


def same(left: object, right: object, where: str = "") -> None:
    """Equal, and of the same types all the way down (a float's sign, a time's offset)."""
    assert type(left) is type(right), f"{where}: {left!r} and {right!r}"
    if isinstance(left, dict):
        assert isinstance(right, dict)
        assert list(left) == list(right), where
        for key in left:
            same(left[key], right[key], f"{where}.{key}")
    elif isinstance(left, list):
        assert isinstance(right, list) and len(left) == len(right), where
        for index, (a, b) in enumerate(zip(left, right, strict=True)):
            same(a, b, f"{where}[{index}]")
    elif isinstance(left, float):
        assert isinstance(right, float)
        assert repr(left) == repr(right) or (math.isnan(left) and math.isnan(right)), where
    elif isinstance(left, datetime):
        assert isinstance(right, datetime)
        assert (left, left.utcoffset()) == (right, right.utcoffset()), where
        assert type(left.tzinfo) is type(right.tzinfo), where
    else:
        assert left == right, where


text = st.text(st.characters(codec="utf-8"), max_size=40)
moments = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(2199, 12, 30), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))  # as the history keeps them
seconds = st.floats(min_value=0, max_value=MAX_SECONDS, allow_nan=False)
counts = st.integers(min_value=0, max_value=1_000_000)
# Keys and ids drawn from their alphabets (what the regexes [a-z][a-z_]{0,12} and
# [0-9A-Za-z-]{1,64} match): the same values as st.from_regex, without its regex engine
# (a third of this test's time).
keys = st.builds(
    operator.add,
    st.sampled_from(string.ascii_lowercase),
    st.text(string.ascii_lowercase + "_", max_size=12),
)
ids = st.text(string.ascii_letters + string.digits + "-", min_size=1, max_size=64)
extras = st.dictionaries(
    keys.filter(lambda key: key not in Session.model_fields and key not in StepRecord.model_fields),
    st.recursive(
        st.integers(-(2**63), 2**63 - 1)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.booleans()
        | text
        | moments.map(lambda moment: moment.astimezone(timezone(timedelta(hours=5, minutes=30)))),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
        max_leaves=6,
    ),
    max_size=2,
)


@st.composite
def steps(draw: st.DrawFn) -> StepRecord:
    return StepRecord.model_validate(
        {
            "exercise": draw(text),
            "sets_done": draw(counts),
            "reps_done": draw(counts),
            "seconds_done": draw(seconds),
            "skipped": draw(st.booleans()),
            "planned_sets": draw(st.none() | counts),
            "planned_reps": draw(st.none() | counts),
            "planned_seconds": draw(st.none() | counts),
            **draw(extras),
        }
    )


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    started = draw(moments)
    return Session.model_validate(
        {
            "id": draw(ids),
            "routine": draw(text),
            "routine_name": draw(text),
            "started_at": started,
            "ended_at": draw(moments),
            "status": draw(st.sampled_from(["completed", "stopped", "interrupted"])),
            "active_seconds": draw(seconds),
            "paused_seconds": draw(seconds),
            "pain_before": draw(st.none() | st.integers(0, 10)),
            "pain_after": draw(st.none() | st.integers(0, 10)),
            "note": draw(st.text(st.characters(codec="utf-8"), max_size=200)),
            "stopped_at_step": draw(st.none() | st.integers(1, 1000)),
            "steps": draw(st.lists(steps(), max_size=4)),
            **draw(extras),
        }
    )


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(sessions(), max_size=6))
def test_every_history_file_the_app_writes_reads_the_same(written: list[Session]) -> None:
    content = dump(written)
    same(load_toml(content), tomllib.loads(content))
    parsed = parse_file(content.encode("utf-8"), "history.toml")
    assert parsed.unreadable == []
    assert parsed.sessions == sorted(written, key=lambda s: s.started_at)


def test_the_screens_refuse_what_would_crash_tomllib() -> None:
    deep = "tags = " + "[" * 40 + "]" * 40 + "\n"
    with pytest.raises(ShapeError, match="nested more than 32 levels"):
        load_toml(deep)
    deep_over_lines = "x = " + "[\n" * 5000 + "1" + "\n]" * 5000
    with pytest.raises(ShapeError, match="nested more than 32 levels"):
        load_toml(deep_over_lines)
    huge_number = "x = " + "1" * 5000 + "\n"
    with pytest.raises(ShapeError, match="a number of 5000 characters"):
        load_toml(huge_number)
    huge_hex = "x = 0x" + "f" * 3700 + "\n"
    with pytest.raises(ShapeError, match="a number of 3702 characters"):
        load_toml(huge_hex)


def test_a_worker_thread_reads_as_the_main_thread_does() -> None:
    """The app reads the history in worker threads: the same reader, the same refusals."""
    read: list[object] = []

    def work() -> None:
        read.append(load_toml("a = 1"))
        try:
            load_toml("x = " + "[\n" * 5000 + "1" + "\n]" * 5000)
        except ShapeError as exc:
            read.append(exc.message)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert read[0] == {"a": 1}
    assert "nested more than 32 levels" in str(read[1])
