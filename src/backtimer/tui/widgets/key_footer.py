"""The footer of keys: whole keys only, the first ones the screen lists, and always the
way to the rest; rebuilt only when what it shows changes."""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

HELP_ACTIONS = {"help", "app.help"}
"""The key that lists every key ("? Keys", "F1 Keys"): shown whatever else is left out."""


def key_width(widget: Widget) -> int:
    """The cells a key takes in the compact footer: "^n New" and the space after it."""
    key = str(getattr(widget, "key_display", ""))
    words = str(getattr(widget, "description", ""))
    return cell_len(key) + (1 + cell_len(words) if words else 0) + 1


def fitting(keys: list[Widget], width: int) -> list[Widget]:
    """The keys that fit in ``width`` cells, in order: the first ones (a screen lists its
    keys most used first), and the key that lists every key, which is never left out. A
    key that does not fit is left out whole, and so is every key after it."""
    helps = [key for key in keys if getattr(key, "action", "") in HELP_ACTIONS][:1]
    left = width - sum(key_width(key) for key in helps)
    shown: list[Widget] = []
    for key in keys:
        if key in helps:
            shown.append(key)
            continue
        left -= key_width(key)
        if left < 0:
            break
        shown.append(key)
    return shown + [key for key in helps if key not in shown]


class KeyFooter(Footer):
    """Textual's footer, which rebuilds its keys (a widget each, styled and laid out
    anew) whenever the screen's bindings may have changed: on every move of the focus
    and every `refresh_bindings`. Most of those leave the keys it shows as they were;
    this footer rebuilds only when what it would show is different.

    Textual's footer also cuts the last keys that do not fit in the middle ("^q Q",
    "q St"): this one shows whole keys only, as many as fit, the key that lists the
    rest among them (`fitting`).
    """

    _shown: Hashable | None = None

    def _keys_shown(self) -> Hashable:
        """Everything `Footer.compose` draws from: the shown bindings in order, whether
        each is enabled, the command palette's key, and the width there is."""
        bindings = self.screen.active_bindings
        shown = tuple(
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in bindings.values()
            if binding.show
        )
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return (
            shown,
            self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE,
            None if palette is None else palette[1:],
            self.size.width,
        )

    def compose(self) -> ComposeResult:
        keys: list[Widget] = []
        palette: list[Widget] = []
        for widget in super().compose():
            if hasattr(type(widget), "compact"):  # a key (Textual keeps FooterKey private)
                # Born with the footer's style: a key that takes it on when mounted is
                # restyled a second time.
                widget.set_class(self.compact, "-compact", update=False)
            (palette if widget.has_class("-command-palette") else keys).append(widget)
        seen: set[tuple[str, str]] = set()
        for key in list(keys):  # "F1 Keys" of the screen and of the app: once
            shown = (str(getattr(key, "key_display", "")), str(getattr(key, "description", "")))
            if shown in seen:
                keys.remove(key)
            seen.add(shown)
        later = getattr(self.screen, "FOOTER_LAST", ())
        keys.sort(key=lambda key: getattr(key, "action", "") in later)  # stable: in order
        # The palette's key sits on the right, after a bar: "▏^p Find".
        room = self.size.width - sum(key_width(key) + 1 for key in palette)
        yield from fitting(keys, room) if self.size.width else keys
        yield from palette

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.recompose)

    async def recompose(self) -> None:
        if not self.is_attached:
            return
        keys = self._keys_shown()
        if keys == self._shown:
            return
        self._shown = keys
        await super().recompose()
