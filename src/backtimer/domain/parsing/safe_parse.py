"""Parsing TOML and JSON text that may be hostile, without a crash, a hang or a flood.

`tomllib` and `json` are exact, but some inputs within any sensible size make
them fail in ways a person cannot act on, or take far too long:

- nesting (``tags = [[[[...]]]]`` 600 deep) raises `RecursionError`;
- an integer of more than 4,300 digits raises a bare `ValueError`;
- a dotted key of many parts (``a.a.a...``) costs tomllib time that grows with
  the square of its length: 100,000 parts in 200 KB took 28 s.

`load_toml` and `load_json` refuse these with a `ShapeError` naming the line,
before or instead of the slow or failing parse. Nothing backtimer reads needs
more than a few levels of nesting, so the limits are far above any real file.
Quick screens of the text (linear in its length, see `_may_nest_too_deeply` and
`_may_hold_a_long_number`) decide whether the exact but slower scan of
`toml_shape_problem` is needed at all, so a 10 MB history file pays almost
nothing for them. The screens only save time: whatever they let through,
tomllib reads, and a `RecursionError` or `ValueError` from it becomes the same
`ShapeError`.

Every file is read by tomllib, pure Python: a parser in native code (toml-rs,
used for the history before) crashed the whole process with a segmentation
fault on a file of deep nesting spread over many lines, and sometimes in the
app's worker threads. The digest cache (`backtimer.storage.digest_cache`) keeps
warm reads quick; a cold read of ten years costs what tomllib costs.
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

MAX_DEPTH = 32
"""Levels of lists, tables and dotted-key parts any of backtimer's files may use."""
MAX_NUMBER_CHARS = 100
"""Characters in one number: more is never a value any field accepts."""


class ShapeError(ValueError):
    """Text shaped so that parsing it would fail badly: nested too deeply, a number too long."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}" if line else message)

    @property
    def where(self) -> str:
        """The place, as problems name it: ``line 3``, or empty when it is not known."""
        return f"line {self.line}" if self.line else ""


def _too_deep() -> str:
    return (
        f"nested more than {MAX_DEPTH} levels deep (lists, tables or parts of a dotted key);"
        " backtimer's files need only a few"
    )


def _too_long(length: int) -> str:
    return f"a number of {length} characters; numbers here are at most {MAX_NUMBER_CHARS}"


# ------------------------------------------------------------------ TOML

_NOT_MARKS = bytes(sorted(set(range(256)) - set(b"\n.[{")))
_NOT_DIGITS = bytes(sorted(set(range(256)) - set(b"\n0123456789_")))
_DEEP_LINE = re.compile(rb"[^\n]{%d}" % MAX_DEPTH)


def _may_nest_too_deeply(raw: bytes) -> bool:
    """A line with as many dots and brackets as the deepest a file may go (strings not
    told apart: only then is the exact scan needed).

    Everything but newlines, dots and brackets is deleted first (`bytes.translate`,
    at memory speed): 8.6 MB of history are screened in 9 ms, against 107 ms for
    one regular expression over the text.
    """
    return _DEEP_LINE.search(raw.translate(None, _NOT_MARKS)) is not None


_LONG_OTHER_BASE = re.compile(rb"0[xob][0-9A-Fa-f_]{%d}" % MAX_NUMBER_CHARS)


def _may_hold_a_long_number(raw: bytes) -> bool:
    """A hexadecimal, octal or binary integer longer than any number may be (strings not
    told apart: only then is the exact scan needed).

    tomllib refuses a decimal integer beyond Python's 4,300 digits itself (a
    `ValueError`, turned into a `ShapeError` below), but reads ``0x`` and 3,700
    ``f``s into a number too large to be shown as text: the first message
    that quoted it failed. A search for the prefix takes 10 ms on 8.6 MB.
    """
    return _LONG_OTHER_BASE.search(raw) is not None


_TOKEN = re.compile(
    r"""
      (?P<space>[ \t\r]+)
    | (?P<newline>\n)
    | (?P<comment>\#[^\n]*+)
    | (?P<multiline>\"\"\"(?:[^"\\]|\\.|"{1,2}(?!"))*+"{3,5}|'''(?:[^']|'{1,2}(?!'))*+'{3,5})
    | (?P<string>"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')
    | (?P<mark>[\[\]{}=,.])
    | (?P<word>[^\s\[\]{}=,.\#"']++)
    | (?P<other>.)
    """,
    re.X | re.S,
)


def toml_shape_problem(text: str) -> ShapeError | None:
    """The first place where ``text`` nests too deeply or has too long a number, if any.

    A single pass over the tokens (strings and comments skipped as TOML skips
    them), tracking how deep each key and value sits: table headers, dotted
    keys, arrays and inline tables all count. Text that is not valid TOML is
    scanned as well as it can be; tomllib then says what is wrong with it.
    """
    line = 1
    stack: list[tuple[str, int]] = []  # open [ or {, and the depth of their contents
    table = 0  # depth of the table the last header opened
    mode = "key"  # key | value | header | after-header
    parts = 0  # parts of the key read so far
    base = 0  # depth the current key starts at
    value = 0  # depth of the current value
    double = False  # an [[array of tables]] header
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        assert match is not None  # the last alternative takes any character
        kind, token = match.lastgroup, match.group()
        position = match.end()
        if kind != "multiline" and text.startswith(('"""', "'''"), match.start()):
            break  # a multi-line string that never ends: tomllib stops there too
        if kind == "newline":
            line += 1
            if not stack:
                mode, parts, base = "key", 0, table
            continue
        if kind == "multiline":
            line += token.count("\n")
        if kind in ("space", "comment", "multiline") and mode != "value":
            continue
        if mode == "after-header" or kind in ("space", "comment"):
            continue
        if mode == "header":
            if token == "[" and parts == 0:
                double = True
            elif token == ".":
                parts += 1
            elif token == "]":
                table = max(parts, 1) + (1 if double else 0)
                mode = "after-header"
            elif parts == 0:
                parts = 1
            if max(parts, 1) + (1 if double else 0) > MAX_DEPTH:
                return ShapeError(line, _too_deep())
            continue
        if mode == "key":
            if token == "[" and not stack and parts == 0:
                mode, double = "header", False
            elif token == ".":
                parts += 1
            elif token == "=":
                mode, value = "value", base + max(parts, 1)
            elif token in "]}" and stack:
                stack.pop()
                mode, value = "value", stack[-1][1] if stack else table
            elif parts == 0:
                parts = 1
            if base + parts > MAX_DEPTH:
                return ShapeError(line, _too_deep())
            continue
        # a value
        if token in ("[", "{"):
            depth = value + 1
            if depth > MAX_DEPTH:
                return ShapeError(line, _too_deep())
            stack.append((token, depth))
            if token == "{":
                mode, base, parts = "key", depth, 0
            else:
                value = depth
        elif token in ("]", "}"):
            if stack:
                stack.pop()
            value = stack[-1][1] if stack else table
        elif token == "," and stack and stack[-1][0] == "{":
            mode, base, parts = "key", stack[-1][1], 0
        elif kind == "word" and len(token) > MAX_NUMBER_CHARS and token[0] in "+-0123456789":
            return ShapeError(line, _too_long(len(token)))
    return None


def load_toml(text: str) -> dict[str, Any]:
    """`tomllib.loads`, refusing text that would crash it or take it too long.

    Raises:
        tomllib.TOMLDecodeError: the text is not valid TOML.
        ShapeError: it nests too deeply or has a number too long, with the line.
    """
    raw = text.encode("utf-8", "surrogatepass")
    if _may_nest_too_deeply(raw) or _may_hold_a_long_number(raw):
        found = toml_shape_problem(text)
        if found is not None:
            raise found
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except RecursionError:
        raise toml_shape_problem(text) or ShapeError(None, _too_deep()) from None
    except ValueError as exc:  # an integer beyond Python's 4,300 digits
        raise toml_shape_problem(text) or ShapeError(None, str(exc)) from None


# ------------------------------------------------------------------ JSON

_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*+"|[\[{]|[\]}]|-?[0-9][0-9eE.+-]*+|\n', re.S)


def _json_place(text: str, deep: bool) -> int | None:
    """The line where JSON text first nests too deeply (``deep``) or has too long a number."""
    line, depth = 1, 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token[0] == '"':
            line += token.count("\n")
        elif token in "[{":
            depth += 1
            if deep and depth > MAX_DEPTH:
                return line
        elif token in "]}":
            depth -= 1
        elif not deep and len(token) > MAX_NUMBER_CHARS:
            return line
    return None


class _LongNumber(ValueError):
    """Raised from inside `json.loads` for a number too long to turn into an int."""

    def __init__(self, length: int) -> None:
        super().__init__(length)
        self.length = length


def _integer(digits: str) -> int:
    if len(digits) > MAX_NUMBER_CHARS:
        raise _LongNumber(len(digits))
    return int(digits)


def load_json(text: str) -> Any:
    """`json.loads`, refusing text that would crash it.

    ``NaN`` and ``Infinity`` are read as floats; the models that take numbers
    refuse them where a number must be finite.

    Raises:
        json.JSONDecodeError: the text is not valid JSON.
        ShapeError: it nests too deeply or has a number too long, with the line.
    """
    try:
        return json.loads(text, parse_int=_integer)
    except _LongNumber as exc:
        raise ShapeError(_json_place(text, deep=False), _too_long(exc.length)) from None
    except RecursionError:
        raise ShapeError(_json_place(text, deep=True), _too_deep()) from None


def value_problems(
    value: object, max_depth: int = MAX_DEPTH, *, allow_null: bool = False
) -> list[tuple[str, str]]:
    """What stops a parsed value from being kept in a TOML file and read back as it was.

    Returns (place, problem) pairs; the place is relative to ``value``
    (``[2].x``), empty for the value itself. Checked without recursion, so a
    value nested past Python's own limit is reported, not a crash: nesting,
    null (TOML has none), numbers beyond TOML's 64 bits or not finite, and
    text that cannot be written as UTF-8 (a lone surrogate from a JSON escape).
    With ``allow_null``, null is let through (a model then says where it may be).
    """
    problems: list[tuple[str, str]] = []
    pending: list[tuple[object, str, int]] = [(value, "", 0)]
    while pending and len(problems) < 10:
        item, place, depth = pending.pop()
        if depth > max_depth:
            problems.append((place, f"nested more than {max_depth} levels deep"))
        elif item is None:
            if allow_null:
                continue
            problems.append((place, "null cannot be kept (TOML has no null); leave it out"))
        elif isinstance(item, bool):
            continue
        elif isinstance(item, int):
            if not -(2**63) <= item < 2**63:
                problems.append((place, "a whole number beyond 64 bits"))
        elif isinstance(item, float):
            if item != item or item in (float("inf"), float("-inf")):
                problems.append((place, f"must be a finite number (got {item})"))
        elif isinstance(item, str):
            if not _encodable(item):
                problems.append((place, "has a character that is not text (a lone surrogate)"))
        elif isinstance(item, dict):
            for key, inner in reversed(list(item.items())):
                if not isinstance(key, str) or not _encodable(key):
                    problems.append((place, "has a key that is not text"))
                    continue
                pending.append((inner, f"{place}.{key}" if place else key, depth + 1))
        elif isinstance(item, list):
            for index in range(len(item) - 1, -1, -1):
                pending.append((item[index], f"{place}[{index + 1}]", depth + 1))
    return problems


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
