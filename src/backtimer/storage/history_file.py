"""One history file's text: reading its sessions, saving what is damaged, writing it.

A history file holds one ``[[session]]`` table per workout. One damaged
session must cost that session only, never its month: when the file as a
whole does not parse (a torn edit, bytes that are not UTF-8, a number no
parser takes), it is split on its ``[[session]]`` lines and each part is read
alone. A session that does not parse, or that breaks a limit, is left out and
reported with its line, and its text is kept byte for byte (`Unreadable.raw`)
so that whoever writes the file next can set it aside, not lose it.

The import reader for ``history --json`` exports lives here too: the same
sessions, from JSON.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w
from pydantic import ValidationError

from backtimer.domain.history.session import Session, derived_session_id, session_json
from backtimer.domain.parsing.problems import Problem, problem_for
from backtimer.domain.parsing.safe_parse import ShapeError, load_json, load_toml, value_problems
from backtimer.storage.files import write_atomic
from backtimer.storage.safe_read import MIB, read_bytes

HEADER = (
    "# backtimer history: one [[session]] table per workout, times in UTC.\n"
    "# Written by backtimer; safe to read with any TOML parser.\n\n"
)
HISTORY_MAX_BYTES = 64 * MIB
"""A month of history: 10,000 sessions take 11 MB, and no month holds that many."""
JOURNAL_MAX_BYTES = MIB
"""A session under way: a few KiB."""
EXPORT_MAX_BYTES = 64 * MIB
"""A ``history --json`` export to import: about 40,000 sessions."""
MAX_IMPORT_PROBLEMS = 10
"""A rejected import tells this many problems; a file wrong throughout needs no more."""

_SESSION_LINE = re.compile(rb"^[ \t]*\[\[[ \t]*session[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$", re.M)
_ID_LINE = re.compile(rb'^[ \t]*id[ \t]*=[ \t]*"([^"\n]{1,64})"', re.M)
_AT_LINE = re.compile(r"\(at line (\d+)")


class UnreadableFile(ValueError):
    """A file that cannot be read as sessions; the message names it and the place."""


@dataclass(frozen=True)
class Unreadable:
    """A part of a history file that could not be read as a session."""

    raw: bytes
    """Its bytes exactly as in the file (empty when an earlier part already holds them)."""
    problem: str
    """Where it is and what is wrong: ``line 40: session 3 (id 'x'): note: …``."""


@dataclass
class HistoryFile:
    """What one history file holds: the sessions read, and the parts that could not be."""

    source: str
    sessions: list[Session] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    def problems(self) -> list[str]:
        """One line per part left out, for whoever reads the history."""
        return [
            f"{self.source}: {part.problem}; left out until the file is repaired"
            for part in self.unreadable
        ]

    def raw_unreadable(self) -> bytes:
        """The text of every part that could not be read, in the order of the file."""
        return b"".join(part.raw for part in self.unreadable)


def dump(sessions: Iterable[Session]) -> str:
    """A history file's text: the sessions oldest first, times in UTC."""
    ordered = sorted(sessions, key=lambda s: s.started_at)
    tables = [s.model_dump(mode="python", exclude_none=True) for s in ordered]
    return HEADER + (tomli_w.dumps({"session": tables}) if tables else "")


def session_label(index: int, table: object) -> str:
    """``session 3 (id 'abc')``: how a problem names the session it is in (counted from 1)."""
    given = table.get("id") if isinstance(table, dict) else None
    shown = given if not isinstance(given, str) or len(given) <= 100 else f"{given[:99]}…"
    return f"session {index}" + ("" if given is None else f" (id {shown!r})")


def session_problems(error: ValidationError) -> list[Problem]:
    """A session's validation errors in plain words (``steps[2].sets_done: ...``)."""
    return [
        Problem("id", f"must be 1 to 64 printable characters without '/' (got {item['input']!r})")
        if item["loc"] == ("id",) and item["type"] == "string_pattern_mismatch"
        else problem_for(item, {})
        for item in error.errors(include_url=False)
    ]


def _chunks(raw: bytes) -> list[tuple[int, bytes]]:
    """The file split before each ``[[session]]`` line: (first line, bytes) of each part.

    The first part is what comes before the first session (the header comments).
    """
    starts = [match.start() for match in _SESSION_LINE.finditer(raw)]
    bounds = [0, *starts, len(raw)] if not starts or starts[0] != 0 else [*starts, len(raw)]
    parts = []
    for begin, end in zip(bounds, bounds[1:], strict=False):
        parts.append((raw.count(b"\n", 0, begin) + 1, raw[begin:end]))
    return parts


def parse_file(raw: bytes, source: str) -> HistoryFile:
    """The sessions in one history file's bytes, and every part that could not be read.

    Never raises for what the file holds: a problem is kept with its part.
    """
    result = HistoryFile(source)
    try:
        data = load_toml(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ShapeError):
        return _salvage(raw, source)
    tables = data.get("session", [])
    if not isinstance(tables, list):
        result.unreadable.append(Unreadable(raw, "'session' must be a list of [[session]] tables"))
        return result
    parts: list[tuple[int, bytes]] | None = None  # split only when a session is damaged
    whole_kept = False
    for index, table in enumerate(tables, start=1):
        session, problem = _validated(index, table)
        if session is not None:
            result.sessions.append(session)
            continue
        if parts is None:
            parts = [part for part in _chunks(raw) if _SESSION_LINE.match(part[1])]
        if len(parts) == len(tables):  # one [[session]] line per session: its own bytes
            line, part = parts[index - 1]
            result.unreadable.append(Unreadable(part, f"line {line}: {problem}"))
        else:  # laid out some other way: keep the whole file, once
            result.unreadable.append(Unreadable(b"" if whole_kept else raw, problem))
            whole_kept = True
    return result


def _validated(index: int, table: object) -> tuple[Session | None, str]:
    """The session in a table, or None and the problem (the first one found)."""
    label = session_label(index, table)
    if not isinstance(table, dict):
        return None, f"{label}: must be a [[session]] table"
    try:
        return Session.model_validate(table), ""
    except ValidationError as exc:
        return None, f"{label}: {session_problems(exc)[0]}"


def _salvage(raw: bytes, source: str) -> HistoryFile:
    """Read a file that does not parse as a whole, one ``[[session]]`` part at a time."""
    result = HistoryFile(source)
    number = 0
    for line, part in _chunks(raw):
        is_session = bool(_SESSION_LINE.match(part))
        number += is_session
        label = f"session {number}" if is_session else "the lines before the first session"
        if is_session and (found := _ID_LINE.search(part)) is not None:
            label += f" (id {found[1].decode('utf-8', 'replace')!r})"
        try:
            data = load_toml(part.decode("utf-8"))
        except UnicodeDecodeError as exc:
            where = line + part.count(b"\n", 0, exc.start)
            result.unreadable.append(Unreadable(part, f"line {where}: {label}: is not UTF-8 text"))
            continue
        except tomllib.TOMLDecodeError as exc:
            message = _AT_LINE.sub(_shifted(line), str(exc))
            result.unreadable.append(
                Unreadable(part, f"line {line}: {label}: not valid TOML: {message}")
            )
            continue
        except ShapeError as exc:
            where = line + (exc.line or 1) - 1
            result.unreadable.append(Unreadable(part, f"line {where}: {label}: {exc.message}"))
            continue
        tables = data.get("session", [])
        if not is_session or not isinstance(tables, list) or len(tables) != 1:
            continue  # the header comments, or a part with no session in it
        session, problem = _validated(number, tables[0])
        if session is None:
            result.unreadable.append(Unreadable(part, f"line {line}: {problem}"))
        else:
            result.sessions.append(session)
    return result


def _shifted(first: int) -> Callable[[re.Match[str]], str]:
    """Turns tomllib's ``(at line 3`` in a part starting at line ``first`` into the file's line."""
    return lambda match: f"(at line {int(match[1]) + first - 1}"


def parse_sessions(text: str, source: str) -> list[Session]:
    """The sessions in a history file's text, all of them or an error.

    Raises:
        UnreadableFile: naming the file and the first part that could not be read.
    """
    parsed = parse_file(text.encode("utf-8"), source)
    if parsed.unreadable:
        raise UnreadableFile(f"{source}: {parsed.unreadable[0].problem}")
    return parsed.sessions


def read_export(path: Path) -> list[Session]:
    """The sessions in a file written by ``backtimer history --json`` (or made like one).

    A session's id may be any of `SESSION_ID_PATTERN`; a session without one gets
    `derived_session_id`, the same at every import of the file.

    Raises:
        OSError: the file cannot be opened (FileNotFoundError when it is not there;
            a pipe, a folder or a file too large is refused unread).
        UnreadableFile: it is not such an export; the message has a line per problem
            (up to `MAX_IMPORT_PROBLEMS`), each naming the file, the session and the field.
    """
    raw = read_bytes(path, EXPORT_MAX_BYTES)
    try:
        data = load_json(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{path}: is not UTF-8 text (byte {exc.start + 1})") from None
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"{path}: not valid JSON: {exc}") from None
    except ShapeError as exc:
        raise UnreadableFile(f"{path}: {exc}") from None
    if not isinstance(data, list):
        raise UnreadableFile(
            f"{path}: expected a list of sessions, as `backtimer history --json` writes"
        )
    sessions = []
    problems: list[str] = []
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(
                f"{path}: session {index}: must be an object with a session's fields,"
                " as `backtimer history --json` writes"
            )
            continue
        label = session_label(index, item)
        shape = value_problems(item, allow_null=True)
        if shape:
            problems += [f"{path}: {label}: {_place(place)}{what}" for place, what in shape]
            continue
        if item.get("id") is None:
            item = {**item, "id": derived_session_id(item)}
        try:
            sessions.append(Session.model_validate(item))
        except ValidationError as exc:
            problems += [f"{path}: {label}: {p}" for p in session_problems(exc)]
    if problems:
        more = len(problems) - MAX_IMPORT_PROBLEMS
        shown = problems[:MAX_IMPORT_PROBLEMS]
        if more > 0:
            shown.append(f"{path}: and {more} more problems; nothing was imported")
        raise UnreadableFile("\n".join(shown))
    return sessions


def _place(place: str) -> str:
    return f"{place}: " if place else ""


def write_export(path: Path, sessions: Iterable[Session]) -> None:
    """Write sessions as ``history --json`` does, for ``history import`` to take back.

    Raises:
        StorageError: it could not be written.
    """
    text = json.dumps([session_json(s) for s in sessions], indent=2, ensure_ascii=False)
    write_atomic(path, text + "\n")
