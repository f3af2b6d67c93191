"""The compiled TOML parser reads every history file backtimer writes exactly as tomllib does.

History files are read with a compiled parser when one is installed (it is
many times quicker than tomllib on ten years of sessions); these tests hold it
to tomllib's results on generated histories, value for value and type for
type, and check that tomllib still has the last word on anything else.
"""

from __future__ import annotations

import math
import operator
import string
import threading
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.domain import safe_parse
from backtimer.domain.history import MAX_SECONDS, Session, StepRecord
from backtimer.domain.safe_parse import ShapeError, load_toml
from backtimer.storage.history_file import dump, parse_file


def test_the_compiled_parser_is_installed() -> None:
    """toml-rs is a dependency: without it ten years of history take seconds to read."""
    assert safe_parse.compiled_parser() is not None


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


@settings(max_examples=300, deadline=None)
@given(st.lists(sessions(), max_size=6))
def test_every_history_file_the_app_writes_reads_the_same(written: list[Session]) -> None:
    content = dump(written)
    same(load_toml(content, compiled=True), tomllib.loads(content))
    parsed = parse_file(content.encode("utf-8"), "history.toml")
    assert parsed.unreadable == []
    assert parsed.sessions == sorted(written, key=lambda s: s.started_at)


@pytest.mark.parametrize(
    "content",
    [
        "a = 1\na = 2\n",  # a key twice
        '[[session]]\nid = "x"\nnote = "unfinished\n',
        "x = 1979-05-27T07:32:00Z\n[x]\n",
        'k = "\x01"\n',
        "a = 1\n\xa0b = 2\n",
    ],
)
def test_tomllib_still_says_what_is_wrong(content: str) -> None:
    """Whatever the compiled parser refuses goes to tomllib, whose message people see."""
    with pytest.raises(tomllib.TOMLDecodeError) as expected:
        tomllib.loads(content)
    with pytest.raises(tomllib.TOMLDecodeError) as got:
        load_toml(content, compiled=True)
    assert str(got.value) == str(expected.value)


def test_the_guards_come_before_the_compiled_parser() -> None:
    deep = "tags = " + "[" * 40 + "]" * 40 + "\n"
    with pytest.raises(ShapeError, match="nested more than 32 levels"):
        load_toml(deep, compiled=True)
    huge_number = "x = " + "1" * 5000 + "\n"  # tomllib refuses it: so must this
    with pytest.raises(ShapeError, match="a number of 5000 characters"):
        load_toml(huge_number, compiled=True)


def test_without_a_compiled_parser_tomllib_reads_the_history(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    content = dump(
        [
            Session.model_validate(
                {
                    "id": "a",
                    "routine": "r",
                    "routine_name": "R",
                    "started_at": datetime(2026, 1, 2, tzinfo=UTC),
                    "ended_at": datetime(2026, 1, 2, 0, 5, tzinfo=UTC),
                    "status": "completed",
                    "active_seconds": 300.0,
                    "paused_seconds": 0.0,
                }
            )
        ]
    )
    monkeypatch.setattr(safe_parse, "compiled_parser", lambda: None)
    data: dict[str, Any] = load_toml(content, compiled=True)
    same(data, tomllib.loads(content))


def test_a_worker_thread_reads_with_tomllib(monkeypatch: pytest.MonkeyPatch) -> None:
    """toml-rs crashed the app's process from its worker threads: only the main
    thread (the data commands) uses it."""
    used: list[str] = []

    def compiled(text: str) -> dict[str, Any]:
        used.append(text)
        return {}

    monkeypatch.setattr(safe_parse, "compiled_parser", lambda: compiled)
    read: list[dict[str, Any]] = []
    worker = threading.Thread(target=lambda: read.append(load_toml("a = 1", compiled=True)))
    worker.start()
    worker.join()
    assert (read, used) == ([{"a": 1}], [])
    assert load_toml("a = 1", compiled=True) == {} and used == ["a = 1"]
