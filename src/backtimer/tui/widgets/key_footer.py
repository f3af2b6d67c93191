"""The footer of keys, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer, which rebuilds its keys (a widget each, styled and laid out
    anew) whenever the screen's bindings may have changed: on every move of the focus
    and every `refresh_bindings`. Most of those leave the keys it shows as they were;
    this footer rebuilds only when what it would show is different."""

    _shown: Hashable | None = None

    def _keys_shown(self) -> Hashable:
        """Everything `Footer.compose` draws from: the shown bindings in order, whether
        each is enabled, and the command palette's key."""
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
        )

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if hasattr(type(widget), "compact"):  # a key (Textual keeps FooterKey private)
                # Born with the footer's style: a key that takes it on when mounted is
                # restyled a second time.
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        if not self.is_attached:
            return
        keys = self._keys_shown()
        if keys == self._shown:
            return
        self._shown = keys
        await super().recompose()
