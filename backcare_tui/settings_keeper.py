"""Settings changed in the app take effect at once and reach the config file soon after.

The file is written in a thread (an atomic write ends in fsync, which can
take a while on a busy disk); writes are serialised and each writes the
latest settings, so a quick run of changes can never land out of order.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .core.paths import config_file
from .core.settings import Settings, save_settings

if TYPE_CHECKING:
    from textual.theme import Theme

    from .app import BackcareApp


class SettingsKeeper:
    def __init__(self, app: BackcareApp, path: Path | None = None) -> None:
        self.app = app
        self.path = path
        """None: the config file of the moment (BACKCARE_CONFIG or the XDG folder)."""
        self._lock = threading.Lock()
        self._latest: Settings | None = None

    def watch_theme(self) -> None:
        """Remember a theme picked anywhere, the command palette included."""
        self.app.theme_changed_signal.subscribe(self.app, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.app.settings.theme:
            self.update(replace(self.app.settings, theme=theme.name))

    def update(self, settings: Settings) -> None:
        """Use `settings` from now on and save them; the theme applies at once."""
        old, self.app.settings = self.app.settings, settings
        if settings.theme != old.theme and settings.theme in self.app.available_themes:
            self.app.theme = settings.theme
        if settings.ascii != old.ascii:
            self.app.show_ascii(settings.ascii)
        if settings == old:
            return
        with self._lock:
            self._latest = settings
        self.app.run_worker(
            self._write, name="save settings", group="settings", thread=True, exit_on_error=False
        )

    def flush(self) -> None:
        """Write anything not yet written, now (the app is stopping)."""
        self._write()

    def _write(self) -> None:
        problem = None
        with self._lock:
            settings, self._latest = self._latest, None
            if settings is None:
                return
            path = self.path or config_file()
            settings = self._without_flags(settings)
            try:
                save_settings(settings, path)
            except OSError as error:
                problem = f"Cannot save settings to {path}: {error.strerror or error}"
        if problem is not None:
            # Outside the lock: telling from a thread waits for the UI thread, which
            # may itself be waiting for the lock to flush on the way out.
            self._tell(problem)

    def _without_flags(self, settings: Settings) -> Settings:
        """A flag like --ascii is for this run: the file keeps its own value, unless
        the person changed that setting in the app since."""
        kept = {
            key: getattr(self.app.file_settings, key)
            for key, value in self.app.overrides.items()
            if getattr(settings, key) == value
        }
        return replace(settings, **kept)

    def _tell(self, message: str) -> None:
        if threading.current_thread() is threading.main_thread():
            if self.app.is_running:
                self.app.notify(message, title="Settings", severity="error")
            return
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(
                self.app.notify, message, title="Settings", severity="error", timeout=10
            )
