"""Test-process speed-ups for headless apps, each a pure saving: nothing a test reads changes.

- Each stylesheet is parsed once a process, not once an app. Textual parses the
  app's CSS (its own file and every widget's ``DEFAULT_CSS``) anew for each app
  and keeps what it parsed for that app only; a pilot test starts an app of its own,
  so each of the suite's 750 app starts parsed the same 25 sources again, a tenth of
  the CPU of starting one. Parsing is a pure function of the text, where it came
  from and the theme's variables, so it is kept here for the process, keyed by all
  of them. A real run starts one app: nothing changes there.
- A headless app draws only when a test looks. Textual renders each changed part of
  the screen on every refresh and hands it to the headless driver, which throws it
  away (``App._display`` writes nothing when headless): a third of the CPU of a pilot
  test. Here a refresh that is not a full one is skipped. Whatever reads the screen
  draws it whole and fresh: `helpers.screen_lines` (``render_strips``), snapshots and
  screenshots (``render_update(full=True)``), a widget's own ``render_line``. So a
  widget that cannot draw itself still fails every test that looks at its screen, and
  every screen is looked at by a snapshot. A test of what is painted again after a
  change (``@pytest.mark.draws_each_frame``) has Textual's drawing back.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import pytest
from textual._compositor import Compositor
from textual._context import visible_screen_stack
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

_parsed: dict[Hashable, list[RuleSet]] = {}
_textual_parse_rules = Stylesheet._parse_rules
_textual_render_update = Compositor.render_update


def _variables_key(stylesheet: Stylesheet) -> Hashable:
    """The theme's variables as a key, worked out once for each dict of them."""
    variables: dict[str, str] = stylesheet._variables
    kept: tuple[dict[str, str], Hashable] | None = getattr(stylesheet, "_variables_key", None)
    if kept is None or kept[0] is not variables:  # the dict itself is kept: no id reused
        kept = (variables, frozenset(variables.items()))
        stylesheet._variables_key = kept  # type: ignore[attr-defined]
    return kept[1]


def _parse_rules(self: Stylesheet, css: str, read_from: Any, *args: Any, **kwargs: Any) -> Any:
    key = (css, read_from, args, tuple(sorted(kwargs.items())), _variables_key(self))
    rules = _parsed.get(key)
    if rules is None:
        rules = _parsed[key] = _textual_parse_rules(self, css, read_from, *args, **kwargs)
    return rules


def _render_update(
    self: Compositor, full: bool = False, screen_stack: list[Any] | None = None, **kwargs: Any
) -> Any:
    if full:
        return _textual_render_update(self, full, screen_stack, **kwargs)
    visible_screen_stack.set([] if screen_stack is None else screen_stack)  # as Textual does
    self._dirty_regions.clear()  # drawn whole, later, by whoever looks
    return None


def parse_each_stylesheet_once() -> None:
    """Installed once a process (tests/tui/conftest.py)."""
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]


def draw_when_looked_at(monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed for each test but those marked ``draws_each_frame`` (tests/tui/conftest.py)."""
    monkeypatch.setattr(Compositor, "render_update", _render_update)
