"""Light, dark or the system's scheme, and every colour taken from the palette.

The palettes are Fusion's, with the roles that carry text set so that each is readable on
its background (WCAG 2.x AA, 4.5:1): Fusion's own placeholder grey is 3.4:1 on its window
colour. Widgets never name a colour: a hint or an error label gets a *tone* here, and its
colour is worked out from the palette in use, again whenever the theme changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

THEMES = ("system", "light", "dark")
THEME_KEY = "view/theme"
TONE = "readerappTone"  # the dynamic property that marks a widget's tone
MIN_CONTRAST = 4.5  # WCAG 2.x, level AA, for text of normal size
# The palette has no error colour of its own; this red is mixed towards the text colour
# until it is readable on the background in use.
ERROR_RED = QColor("#b3261e")

R = QPalette.ColorRole
G = QPalette.ColorGroup


def relative_luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour: 0 for black, 1 for white."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (color.redF(), color.greenF(), color.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2.x contrast ratio, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(color: QColor, background: QColor, fallback: QColor) -> QColor:
    """`color`, or the nearest mix of it towards black (on a light background) or white (on
    a dark one) that is readable on `background`; `fallback` (the palette's text colour)
    if none is."""
    if contrast_ratio(color, background) >= MIN_CONTRAST:
        return color
    # Above 0.18 black stands out more than white does, below it white.
    towards = 0.0 if relative_luminance(background) > 0.18 else 1.0
    for step in range(1, 21):
        share = step / 20
        mixed = QColor.fromRgbF(
            *(c + (towards - c) * share for c in (color.redF(), color.greenF(), color.blueF()))
        )
        if contrast_ratio(mixed, background) >= MIN_CONTRAST:
            return mixed
    return fallback


def _fusion_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


def light_palette() -> QPalette:
    palette = _fusion_palette()
    palette.setColor(R.PlaceholderText, QColor("#595959"))  # 5.9:1 on the window colour
    palette.setColor(G.Disabled, R.PlaceholderText, QColor("#8a8a8a"))
    # Fusion's selection blue carries white text at 3.7:1; this one at 5.3:1.
    for role in (R.Highlight, R.Accent):
        palette.setColor(G.Active, role, QColor("#1f6fb2"))
        palette.setColor(G.Inactive, role, QColor("#1f6fb2"))
    return palette


def dark_palette() -> QPalette:
    """Fusion's roles in dark greys, text in near-white; links and selection in a blue that
    white text is readable on."""
    palette = QPalette()
    colours = {
        R.Window: "#2b2b2b",
        R.WindowText: "#ececec",
        R.Base: "#1f1f1f",
        R.AlternateBase: "#2a2a2a",
        R.ToolTipBase: "#3a3a3a",
        R.ToolTipText: "#ececec",
        R.PlaceholderText: "#a6a6a6",
        R.Text: "#ececec",
        R.Button: "#353535",
        R.ButtonText: "#ececec",
        R.BrightText: "#ffffff",
        R.Light: "#4a4a4a",
        R.Midlight: "#3e3e3e",
        R.Mid: "#2f2f2f",
        R.Dark: "#1a1a1a",
        R.Shadow: "#000000",
        R.Highlight: "#2f6fb3",
        R.HighlightedText: "#ffffff",
        R.Link: "#8ab4f8",
        R.LinkVisited: "#c58af9",
        R.Accent: "#2f6fb3",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (R.WindowText, R.Text, R.ButtonText, R.PlaceholderText):
        palette.setColor(G.Disabled, role, QColor("#7a7a7a"))
    palette.setColor(G.Disabled, R.Highlight, QColor("#3a3a3a"))
    return palette


def apply_theme(app: QApplication, name: str) -> None:
    """Sets the scheme: `light` and `dark` on Fusion with the palettes above, `system` with
    the style and colours the platform gives (Qt follows its light or dark scheme)."""
    if name not in THEMES:
        name = "system"
    hints = QGuiApplication.styleHints()
    if name == "system":
        hints.unsetColorScheme()
        if app.property("readerappDefaultStyle"):
            app.setStyle(str(app.property("readerappDefaultStyle")))
        app.setPalette(_system_palette(app))
    else:
        if not app.property("readerappDefaultStyle"):
            app.setProperty("readerappDefaultStyle", app.style().name())
        hints.setColorScheme(Qt.ColorScheme.Dark if name == "dark" else Qt.ColorScheme.Light)
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if name == "dark" else light_palette())
    app.setProperty("readerappTheme", name)
    for widget in app.allWidgets():
        if widget.property(TONE):
            _paint(widget)


# Text roles and the backgrounds they are drawn on; the first of each pair is adjusted when
# the platform's pair is not readable (for the selection, the background: a selected row's
# text stays the colour people expect, the blue under it darkens).
TEXT_ON = (
    (R.WindowText, R.Window),
    (R.Text, R.Base),
    (R.ButtonText, R.Button),
    (R.PlaceholderText, R.Window),
    (R.PlaceholderText, R.Base),
    (R.ToolTipText, R.ToolTipBase),
    (R.Link, R.Base),
    (R.HighlightedText, R.Highlight),
)


def _system_palette(app: QApplication) -> QPalette:
    """The platform's palette (light or dark, as the desktop says), with any text role that
    is not readable on its background made so. Only those roles are set: the rest keep
    following the platform."""
    app.setPalette(QPalette())  # nothing set: back to what the platform gives
    platform = app.palette()
    fixed = QPalette()
    for fg, bg in TEXT_ON:
        text, under = platform.color(fg), platform.color(bg)
        if contrast_ratio(text, under) >= MIN_CONTRAST:
            continue
        if fg == R.HighlightedText:
            fixed.setColor(bg, readable_on(under, text, under))
            platform.setColor(bg, fixed.color(bg))
        else:
            fixed.setColor(fg, readable_on(text, under, platform.color(R.Text)))
            platform.setColor(fg, fixed.color(fg))
    return fixed


def current_theme(app: QApplication) -> str:
    return str(app.property("readerappTheme") or "system")


def saved_theme(settings: QSettings) -> str:
    name = str(settings.value(THEME_KEY, "system"))
    return name if name in THEMES else "system"


def set_tone(widget: QWidget, tone: str) -> None:
    """Marks text as a `hint` (secondary, still readable) or an `error`, in the colour the
    palette in use gives it; `""` returns it to the normal text colour."""
    widget.setProperty(TONE, tone or None)
    if tone:
        _paint(widget)
    else:
        widget.setPalette(QPalette())


def tone_color(palette: QPalette, tone: str) -> QColor:
    background = palette.color(R.Window)
    text = palette.color(R.WindowText)
    if tone == "error":
        return readable_on(ERROR_RED, background, text)
    return readable_on(palette.color(R.PlaceholderText), background, text)


def _paint(widget: QWidget) -> None:
    app = QApplication.instance()
    base = app.palette() if isinstance(app, QApplication) else widget.palette()
    colour = tone_color(base, str(widget.property(TONE)))
    # A fresh palette sets only these roles; the rest keep following the theme.
    palette = QPalette()
    for group in (G.Active, G.Inactive):
        for role in (R.WindowText, R.Text):
            palette.setColor(group, role, colour)
    widget.setPalette(palette)


class ThemeWatcher(QObject):
    """Keeps `system` in step when the desktop switches between light and dark."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._changed)

    def _changed(self, _scheme: Qt.ColorScheme) -> None:
        if current_theme(self.app) == "system":
            apply_theme(self.app, "system")
