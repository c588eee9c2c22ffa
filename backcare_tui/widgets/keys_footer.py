"""The footer that tells the truth: every key of the screen where they fit, and
`? more keys` (with the key that leaves always kept) where they do not.

The row of keys is one widget drawing one line: no widget per key, so nothing per
key to register, style and lay out before a screen's first frame. It looks like
Textual's footer, key by key (the `footer-key--*` styles, hover, dimmed disabled
keys, the palette key docked right), and a click on a key presses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.color import Color
from textual.css.styles import StylesBase
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer


def leaves(binding: Binding) -> bool:
    """The key that gets a person out: quit, stop, close, or Escape back."""
    name = binding.id or ""
    if name.endswith((".quit", ".stop", ".close")):
        return True
    return name.endswith(".back") and "escape" in binding.key


@dataclass(frozen=True)
class FooterItem:
    """One key in the footer's row: what it shows, what pressing it does."""

    key: str
    """The key pressed when the item is clicked."""
    display: str
    description: str
    action: str
    enabled: bool = True
    tooltip: str = ""
    palette: bool = False
    """The command palette's key, docked at the right end of the row."""

    def label(self, compact: bool) -> tuple[str, str]:
        """The key and the description as drawn, padded as Textual's FooterKey pads them."""
        if not self.description:
            return self.display, ""
        if compact:
            return self.display, " " + self.description
        return f" {self.display} ", self.description + " "

    def cells(self, compact: bool) -> int:
        key, description = self.label(compact)
        return cell_len(key) + cell_len(description)


@dataclass(frozen=True)
class Placed:
    """An item where it is drawn: `x` and `width` in cells from the footer's left edge."""

    item: FooterItem
    x: int
    width: int

    def holds(self, x: int) -> bool:
        return self.x <= x < self.x + self.width


class _Ink:
    """The style a node gets from the nodes above it, worked out as Textual's
    `DOMNode.rich_style` does, so that a key drawn here matches a key drawn as a
    widget of its own: backgrounds blend, the last colour wins, text styles add."""

    def __init__(self, layers: Iterable[StylesBase]) -> None:
        background = Color(0, 0, 0, 0)
        color = Color(255, 255, 255, 0)
        style = Style()
        opacity = 1.0
        for styles in layers:
            has_rule = styles.has_rule
            opacity *= styles.opacity
            if has_rule("background"):
                tinted = styles.background.tint(styles.background_tint)
                text_background = background + tinted
                background += tinted.multiply_alpha(opacity)
            else:
                text_background = background
            if has_rule("color"):
                color = styles.color
            style += styles.text_style
            if has_rule("auto_color") and styles.auto_color:
                color = text_background.get_contrast_text(color.a)
        self.background = background
        self.style = style + Style.from_color(
            (background + color).rich_color if (background.a or color.a) else None,
            background.rich_color if background.a else None,
        )


class _Inks:
    """The styles of one drawing of the row, worked out once per kind of key
    (under the pointer or not, enabled or not) rather than once per key."""

    def __init__(self, footer: KeysFooter) -> None:
        self._footer = footer
        self._above = [node.styles for node in reversed(footer.ancestors_with_self)]
        self.footer_background = _Ink(self._above).background
        self._made: dict[tuple[bool, bool], tuple[Color, Style, Style]] = {}

    def of(self, hovered: bool, enabled: bool) -> tuple[Color, Style, Style]:
        """The key's background, then the styles of its key and its description."""
        if (hovered, enabled) not in self._made:
            component = self._footer.get_component_styles
            names = ["keys-footer--item"]
            if hovered:
                names.append("keys-footer--item-hover")
            if not enabled:
                names.append("keys-footer--item-disabled")
            box = [*self._above, component(*names)]
            under = _Ink(box)
            key = _Ink([*box, component("footer-key--key")])
            description = _Ink([*box, component("footer-key--description")])
            self._made[hovered, enabled] = (
                under.background,
                under.style + key.style,
                under.style + description.style,
            )
        return self._made[hovered, enabled]


class KeysFooter(Footer):
    """Textual's footer, but no key is dropped without saying so.

    Textual's own footer lists what fits in one row and cuts the rest off
    unseen; this one measures the keys and, when they do not all fit, keeps
    the leaving key and ends with `? more keys` (help lists them all).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "keys-footer--item",
        "keys-footer--item-hover",
        "keys-footer--item-disabled",
        "keys-footer--palette",
    }
    """As Textual's FooterKey styles itself (`--item` is the key's own box, its
    `:hover` and `.-disabled`); `--palette` the palette key's border, and
    `display: none` where a screen hides it."""

    DEFAULT_CSS = """
    KeysFooter {
        .keys-footer--item {
            background: $footer-item-background;
        }
        .keys-footer--item-hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .keys-footer--item-disabled {
            text-style: dim;
        }
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--palette {
            border-left: vkey $foreground 20%;
        }
    }
    """

    def __init__(self, *, compact: bool = True, id: str | None = None, early: bool = False) -> None:
        """`early`: the keys are laid out with the footer, from the screen's bindings as
        they stand, so they are in the screen's first frame (Textual's footer waits for
        the bindings to settle, a frame or more later). For a screen whose keys do not
        hang on what has focus, such as home; should they differ once the bindings have
        settled, the row is laid out again as usual."""
        super().__init__(compact=compact, id=id)
        self._laid_out_for = -1
        self._early = early
        self._shown: tuple[object, ...] | None = None
        """What the row was laid out from; a change of bindings that keeps it redraws nothing."""
        self._row: list[FooterItem] = []
        self._palette_key: FooterItem | None = None
        self._hover: FooterItem | None = None

    @property
    def items(self) -> list[FooterItem]:
        """The keys in the row, left to right, the palette's key last when it is there."""
        return [*self._row, *([self._palette_key] if self._palette_key else [])]

    def compose(self) -> ComposeResult:
        if self._bindings_ready or self._early:
            self._lay_out()
        return iter(())

    def _lay_out(self) -> None:
        width = self.size.width or self.app.size.width
        self._laid_out_for = width
        self._shown, keys, palette = self._read(width)
        room = width - (self._width(palette) + 2 if palette else 0)
        self._row = list(self._fitting(keys, room))
        self._palette_key = palette
        if self._hover is not None and self._hover not in self.items:
            self._hover = None
            self.tooltip = None

    def _read(
        self, width: int
    ) -> tuple[tuple[object, ...], list[tuple[FooterItem, bool]], FooterItem | None]:
        """The screen's keys as they stand: what the row is laid out from (compared to
        tell whether anything changed), each key with whether it leaves, the palette's key."""
        bindings = self.screen.active_bindings  # worked out anew on every read
        keys = [(self._key(b, on, tip), leaves(b)) for b, on, tip in self._keys(bindings)]
        palette = self._palette(bindings)
        return (width, *keys, palette), keys, palette

    def _keys(self, bindings: Mapping[str, ActiveBinding]) -> Iterator[tuple[Binding, bool, str]]:
        seen: set[str] = set()
        has_help = False
        for _, binding, enabled, tooltip in bindings.values():
            if not binding.show or not binding.description or binding.action in seen:
                continue
            if binding.action == "command_palette":
                continue
            seen.add(binding.action)
            has_help = has_help or binding.action in ("app.help", "help")
            yield binding, enabled, tooltip
        if not has_help:
            yield Binding("question_mark", "app.help", "Help", key_display="?"), True, ""

    def _fitting(self, keys: list[tuple[FooterItem, bool]], room: int) -> Iterator[FooterItem]:
        if sum(self._width(key) for key, _ in keys) <= room:
            yield from (key for key, _ in keys)
            return
        more = FooterItem("question_mark", "?", "more keys", "app.help")
        room -= self._width(more) + sum(self._width(key) for key, keep in keys if keep)
        for key, keep in keys:
            if key.action in ("app.help", "help"):
                continue
            if keep:
                yield key
            elif self._width(key) <= room:
                room -= self._width(key)
                yield key
        yield more

    def _key(self, binding: Binding, enabled: bool, tooltip: str) -> FooterItem:
        return FooterItem(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            enabled=enabled,
            tooltip=tooltip or binding.tooltip,
        )

    def _palette(self, bindings: Mapping[str, ActiveBinding]) -> FooterItem | None:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        found = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return None
        _, binding, enabled, _ = found
        return FooterItem(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            enabled=enabled,
            tooltip=binding.tooltip or binding.description,
            palette=True,
        )

    def _width(self, key: FooterItem) -> int:
        """Cells the key is given in the row when fitting keys, the gap after it included."""
        padding = 2 if self.compact else 4
        return cell_len(key.display) + cell_len(key.description) + padding

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._read(self.size.width or self.app.size.width)[0] != self._shown:
            self.call_after_refresh(self._lay_out_again)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_for and self._shown is not None:
            self.call_after_refresh(self._lay_out_again)

    def _lay_out_again(self) -> None:
        """After the frame in hand, as Textual's footer composes its keys again: the
        keys of a screen that is still settling wait rather than cost its first frame."""
        if self.is_attached:
            self._lay_out()
            self.refresh()

    # --- where the keys are drawn ---

    def placed(self) -> list[Placed]:
        """Each key shown, where it is drawn; the palette's key (on top, docked right) last."""
        compact = self.compact
        places: list[Placed] = []
        x = 0
        for item in self._row:
            width = item.cells(compact)
            places.append(Placed(item, x, width))
            x += width + (1 if compact else 0)
        palette = self._palette_key
        if palette is not None and self._palette_shown():
            width = 1 + palette.cells(True) + (0 if compact else 1)
            right = self.size.width - (1 if compact else 0)
            places.append(Placed(palette, right - width, width))
        return places

    def _palette_shown(self) -> bool:
        return self.get_component_styles("keys-footer--palette").display != "none"

    def key_at(self, x: int) -> FooterItem | None:
        """The key drawn at column `x` of the footer (the palette's key on top)."""
        for place in reversed(self.placed()):
            if place.holds(x):
                return place.item
        return None

    # --- drawing ---

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        blank = Style.from_color(bgcolor=self.visual_style.rich_style.bgcolor)
        if y != 0:
            return Strip.blank(width, blank)
        inks = _Inks(self)
        segments: list[Segment] = []
        places = self.placed()
        palette = places.pop() if places and places[-1].item.palette else None
        end = 0
        for place in places:
            if place.x > end:
                segments.append(Segment(" " * (place.x - end), blank))
            segments.extend(self._draw(place.item, inks))
            end = place.x + place.width
        row = Strip(segments).adjust_cell_length(width, blank)
        if palette is None:
            return row
        start = max(0, palette.x)
        drawn = Strip(self._draw(palette.item, inks)).crop(start - palette.x, palette.width)
        return Strip.join(
            [row.crop(0, start), drawn, row.crop(palette.x + palette.width, width)]
        ).adjust_cell_length(width, blank)

    def _draw(self, item: FooterItem, inks: _Inks) -> list[Segment]:
        """The key's cells, styled as Textual's FooterKey styles its own."""
        box, key_style, description_style = inks.of(item == self._hover, item.enabled)
        key, description = item.label(item.palette or self.compact)
        cells = [Segment(key, key_style)]
        if description:
            cells.append(Segment(description, description_style))
        if not item.palette:
            return cells
        background = Style.from_color(bgcolor=box.rich_color)
        edge, color = self.get_component_styles("keys-footer--palette").border_left
        if edge:
            line = (inks.footer_background + color).rich_color
            cells.insert(0, Segment("▏", background + Style.from_color(line)))
        if not self.compact:
            cells.append(Segment(" ", background))
        return cells

    # --- the mouse ---

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point_at(self.key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._point_at(None)

    def _point_at(self, item: FooterItem | None) -> None:
        if item == self._hover:
            return
        self._hover = item
        self.tooltip = item.tooltip if item is not None and item.tooltip else None
        self.styles.pointer = "default" if item is None else "pointer"
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        item = self.key_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()
