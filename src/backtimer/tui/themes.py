"""Themes for everyone: a high-contrast theme, chart colours that do not rely on hue, and
themes that stay readable when NO_COLOR asks for no colour.

- **High contrast.** White on black, yellow and cyan for what stands out:
  every text of the workout screen at 7:1 or more (WCAG AAA), which a test
  measures on the rendered screen.
- **The charts' two series** (pain before and after a session) differ in
  lightness and in texture, not only in hue: light orange in solid blocks
  before, dark blue in shaded blocks after (two colours of the Okabe-Ito
  palette, told apart with any colour vision; yellow and a mid blue in the
  high-contrast theme), and the shading tells them apart with no colour at all.
- **NO_COLOR.** Textual then turns every colour grey. The themes offered in
  the settings (`OFFERED`) are those whose workout screen keeps its text at
  3:1 or more in colour and in grey (measured: tests/tui/test_themes.py).
  The ansi themes draw text black on black in grey (Textual turns their
  terminal colours into black); with NO_COLOR set, a saved ansi theme gives
  way to the high-contrast one.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="backtimer-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#FFFFFF14",
    success="#00FF66",
    warning="#FFFF00",
    error="#FF9090",
    dark=True,
    variables={
        "text-muted": "#FFFFFF",
        "text-disabled": "#C8C8C8",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "footer-background": "#000000",
        "input-cursor-background": "#FFFF00",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#00FFFF 50%",
        "border": "#FFFFFF",
        "border-blurred": "#C8C8C8",
        "scrollbar": "#C8C8C8",
        "chart-before": "#FFFF00",
        "chart-after": "#3D9BFF",
    },
)

CHART_COLOURS = {"chart-before": "#E69F00", "chart-after": "#0072B2"}
"""The pain chart's series in every other theme: Okabe-Ito orange (light) and blue (dark)."""

OFFERED = (
    "textual-dark",
    HIGH_CONTRAST.name,
    "solarized-light",
    "nord",
    "gruvbox",
    "tokyo-night",
)
"""The themes the settings offer: readable in colour and in grey (see the module's notes)."""

ANSI_THEMES = ("ansi-dark", "ansi-light")


def theme_under(theme: str, no_color: bool) -> str:
    """The theme to use for ``theme`` when NO_COLOR is (or is not) set."""
    return HIGH_CONTRAST.name if no_color and theme in ANSI_THEMES else theme
