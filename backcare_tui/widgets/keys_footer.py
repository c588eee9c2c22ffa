"""The footer that tells the truth: every key of the screen where they fit, and
`? more keys` (with the key that leaves always kept) where they do not."""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def leaves(binding: Binding) -> bool:
    """The key that gets a person out: quit, stop, close, or Escape back."""
    name = binding.id or ""
    if name.endswith((".quit", ".stop", ".close")):
        return True
    return name.endswith(".back") and "escape" in binding.key


class KeysFooter(Footer):
    """Textual's footer, but no key is dropped without saying so.

    Textual's own footer lists what fits in one row and cuts the rest off
    unseen; this one measures the keys and, when they do not all fit, keeps
    the leaving key and ends with `? more keys` (help lists them all).
    """

    def __init__(self, *, compact: bool = True, id: str | None = None, early: bool = False) -> None:
        """`early`: the keys are composed with the footer, from the screen's bindings as
        they stand, so they are in the screen's first frame (Textual's footer waits for
        the bindings to settle, a frame or more later). For a screen whose keys do not
        hang on what has focus, such as home; should they differ once the bindings have
        settled, the footer is composed again as usual."""
        super().__init__(compact=compact, id=id)
        self._laid_out_for = -1
        self._early = early
        self._shown: tuple[object, ...] | None = None
        """What the keys were composed from; a change of bindings that keeps it redraws nothing."""

    def compose(self) -> ComposeResult:
        if not self._bindings_ready and not self._early:
            return
        width = self.size.width or self.app.size.width
        self._laid_out_for = width
        keys = list(self._keys())
        palette = list(self._palette())
        self._shown = self._signature(width, keys)
        room = width - sum(self._width(k) + 2 for k in palette)
        yield from self._fitting(keys, room)
        yield from palette

    def _keys(self) -> Iterator[tuple[Binding, bool, str]]:
        seen: set[str] = set()
        has_help = False
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show or not binding.description or binding.action in seen:
                continue
            if binding.action == "command_palette":
                continue
            seen.add(binding.action)
            has_help = has_help or binding.action in ("app.help", "help")
            yield binding, enabled, tooltip
        if not has_help:
            yield Binding("question_mark", "app.help", "Help", key_display="?"), True, ""

    def _fitting(self, keys: list[tuple[Binding, bool, str]], room: int) -> Iterator[FooterKey]:
        made = [self._key(binding, enabled, tooltip) for binding, enabled, tooltip in keys]
        if sum(self._width(k) for k in made) <= room:
            yield from made
            return
        more = FooterKey(
            "question_mark", "?", "more keys", "app.help", classes=self._compact_class
        ).data_bind(compact=Footer.compact)
        room -= self._width(more)
        kept = [leaves(binding) for binding, _, _ in keys]
        room -= sum(self._width(k) for k, keep in zip(made, kept, strict=True) if keep)
        for key, keep, (binding, _, _) in zip(made, kept, keys, strict=True):
            if binding.action in ("app.help", "help"):
                continue
            if keep:
                yield key
            elif self._width(key) <= room:
                room -= self._width(key)
                yield key
        yield more

    def _key(self, binding: Binding, enabled: bool, tooltip: str) -> FooterKey:
        return FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip or binding.tooltip,
            classes=self._compact_class,
        ).data_bind(compact=Footer.compact)

    @property
    def _compact_class(self) -> str:
        """A key made with the class its `compact` gives it: setting the class once mounted
        would style the key a second time (a few ms for a footer before the first frame)."""
        return "-compact" if self.compact else ""

    def _palette(self) -> Iterator[FooterKey]:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return
        _, binding, enabled, _ = found
        yield FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            classes="-command-palette -compact",  # compact, as Textual's footer leaves it
            disabled=not enabled,
            tooltip=binding.tooltip or binding.description,
        )

    def _width(self, key: Widget) -> int:
        """Cells the key takes in the row, the gap after it included."""
        assert isinstance(key, FooterKey)
        padding = 2 if self.compact else 4
        return cell_len(key.key_display) + cell_len(key.description) + padding

    def _signature(self, width: int, keys: list[tuple[Binding, bool, str]]) -> tuple[object, ...]:
        display = self.app.get_key_display
        shown = [(display(b), b.action, b.description, on, tip) for b, on, tip in keys]
        palette = [(k.key_display, k.description, k.disabled) for k in self._palette()]
        return (width, *shown, *palette)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._shown is not None and screen is self.screen and self.is_attached:
            width = self.size.width or self.app.size.width
            if self._signature(width, list(self._keys())) == self._shown:
                self._bindings_ready = True
                return
        super().bindings_changed(screen)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_for and self._bindings_ready:
            self.call_after_refresh(self.recompose)
