"""History and stats: this week against the goal, the streak, twelve weeks of bars, recent
sessions.

The log is read and the sums done in a thread worker that never touches a
widget; it posts one message back and the screen fills itself in from that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Label, Static

from ..core.durations import format_length
from ..core.errors import BackcareError
from ..core.history import History, load_history
from ..core.pain import SEEK_HELP_RISE, SEEK_HELP_SHORT, change_text
from ..core.stats import PainTrend, Stats, compute_stats
from ..core.text import clean_line, plural
from ..widgets.keys_footer import KeysFooter
from ..widgets.week_chart import EIGHTHS, Measure, WeekChart

if TYPE_CHECKING:
    from ..app import BackcareApp

RECENT_ROWS = 100


@dataclass
class Loaded(Message):
    history: History
    stats: Stats


@dataclass
class LoadFailed(Message):
    error: BackcareError


class StatsScreen(Screen[None]):
    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("stats",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,h,q", "app.pop_screen", "Back", key_display="esc", id="stats.back"),
        Binding(
            "m",
            "measure",
            "Minutes/sessions",
            id="stats.measure",
            tooltip="Chart minutes or sessions per week",
        ),
        Binding("r", "reload", "Reload", id="stats.reload", tooltip="Read the history again"),
        Binding(
            "delete",
            "delete_session",
            "Delete",
            key_display="del",
            id="stats.delete",
            tooltip="Delete the selected session from the history (asks first)",
        ),
        Binding(
            "s",
            "app.settings",
            "Settings",
            id="stats.settings",
            tooltip="Weekly goal, pain check-in and more",
        ),
    ]

    def __init__(
        self,
        *,
        now: Callable[[], datetime] | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        """`now` and `tz` pin the calendar for tests and screenshots; None: the real ones."""
        super().__init__()
        self.now = now or (lambda: datetime.now(UTC))
        self.tz = tz
        self.measure: Measure = "minutes"
        self.stats: Stats | None = None

    @property
    def backcare(self) -> BackcareApp:
        return cast("BackcareApp", self.app)

    def compose(self) -> ComposeResult:
        ascii_only = self.backcare.settings.ascii
        yield Label("backcare · history and stats", id="stats-title")
        with VerticalScroll(id="stats-body"):
            yield Static("Reading your history...", id="stats-week")
            yield Label("", id="stats-chart-title")
            yield WeekChart(ascii_only=ascii_only, id="stats-chart")
            with Horizontal(id="stats-lower"):
                yield Static("", id="stats-routines")
                yield Static("", id="stats-pain")
            table: DataTable[str | Text] = DataTable(
                id="stats-recent", cursor_type="row", zebra_stripes=True
            )
            yield table
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#stats-recent", DataTable)
        for label, key in (
            ("When", "when"),
            ("Routine", "routine"),
            ("Time", "time"),
            ("Steps", "steps"),
            ("", "result"),
            ("Pain", "pain"),
        ):
            table.add_column(label, key=key)
        self.query_one("#stats-lower").display = False
        self.query_one("#stats-chart").display = False
        table.display = False
        self.load()

    def on_screen_resume(self) -> None:
        """Back from settings: a new goal or character set changes what is shown."""
        settings = self.backcare.settings
        chart = self.query_one(WeekChart)
        if self.stats is not None and self.stats.goal != settings.weekly_goal:
            self.load()
        elif chart.ascii_only != settings.ascii and self.stats is not None:
            chart.ascii_only = settings.ascii
            self._show_chart()

    @work(thread=True, exclusive=True, group="stats")
    def load(self) -> None:
        """Read the log and do the sums off the UI thread; report by message only."""
        goal = self.backcare.settings.weekly_goal
        try:
            history = load_history()
        except BackcareError as error:
            self.post_message(LoadFailed(error))
            return
        stats = compute_stats(
            [s.summary for s in history.sessions], now=self.now(), tz=self.tz, goal=goal
        )
        self.post_message(Loaded(history, stats))

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#stats-week", Static).update(
            Text(f"{message.error.title}: {message.error.message}")
        )
        self.notify(message.error.message, title=message.error.title, severity="error")

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        for notice in message.history.notices:
            self.notify(notice, title="History", severity="warning", timeout=10)
        self.stats = message.stats
        if not message.history.sessions:
            table = self.query_one("#stats-recent", DataTable)
            table.clear()
            table.display = False  # the last session was just deleted, or there never was one
            self.query_one("#stats-lower").display = False
            self.query_one("#stats-chart").display = False
            self.refresh_bindings()
            self.query_one("#stats-week", Static).update(
                "No sessions yet. Pick a routine on the home screen and press Enter; "
                "each session, finished or stopped early, shows up here."
            )
            return
        self._show_stats(message.stats)
        self._show_table(message.history)
        self.query_one("#stats-recent", DataTable).focus()
        self.refresh_bindings()

    def _show_stats(self, stats: Stats) -> None:
        ascii_only = self.backcare.settings.ascii
        self.query_one("#stats-week", Static).update(week_table(stats, ascii_only=ascii_only))
        self._show_chart()
        self.query_one("#stats-lower").display = True
        self.query_one("#stats-routines", Static).update(
            routines_table(stats, ascii_only=ascii_only)
        )
        pain = self.query_one("#stats-pain", Static)
        if stats.pain is not None:
            pain.update(pain_text(stats.pain, ascii_only=ascii_only))
        elif not self.backcare.settings.pain_checkin:
            pain.update(
                Text.assemble(
                    ("Pain trend\n", "bold"),
                    "Turn on the pain check-in in settings (s) to see how your back "
                    "feels over the weeks.",
                )
            )
        else:
            pain.update(Text.assemble(("Pain trend\n", "bold"), "No ratings in these weeks."))

    def _show_chart(self) -> None:
        if self.stats is None:
            return
        chart = self.query_one(WeekChart)
        chart.display = True
        chart.show(self.stats.weeks, self.stats.goal, self.measure)
        what = "Minutes" if self.measure == "minutes" else "Sessions"
        weeks = len(self.stats.weeks)
        self.query_one("#stats-chart-title", Label).update(
            f"{what} per week, last {weeks} weeks (m: show "
            f"{'sessions' if self.measure == 'minutes' else 'minutes'})"
        )

    def _show_table(self, history: History) -> None:
        ascii_only = self.backcare.settings.ascii
        table: DataTable[str | Text] = self.query_one("#stats-recent", DataTable)
        table.clear()
        table.display = True
        for stored in history.sessions[:RECENT_ROWS]:
            s = stored.summary
            table.add_row(
                s.started_at.astimezone(self.tz).strftime("%a %d %b %H:%M"),
                Text(clean_line(s.routine_name)),
                format_length(round(s.actual_seconds)),
                f"{s.steps_done}/{s.steps_total}",
                s.completion.label,
                change_text(s.pain_before, s.pain_after, ascii_only=ascii_only),
                key=str(stored.id),
            )

    def action_measure(self) -> None:
        self.measure = "sessions" if self.measure == "minutes" else "minutes"
        self._show_chart()

    def action_reload(self) -> None:
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete_session":
            table = self.query_one("#stats-recent", DataTable)
            return bool(table.display and table.row_count)
        return True

    def action_delete_session(self) -> None:
        """Delete a mistaken session: the selected row, after asking."""
        from .confirm import ConfirmScreen

        table: DataTable[str | Text] = self.query_one("#stats-recent", DataTable)
        if not table.display or not table.row_count:
            return
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        if row_key.value is None:
            return
        session_id = int(row_key.value)
        when, name = (str(cell) for cell in table.get_row(row_key)[:2])

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(session_id)

        question = f"Delete the session {name}, {when}, from the history?"
        self.app.push_screen(ConfirmScreen(question, yes="Delete", no="Keep"), answered)

    def _delete(self, session_id: int) -> None:
        from ..core.history import delete_session

        try:
            deleted = delete_session(session_id)
        except BackcareError as error:
            self.notify(error.message, title=error.title, severity="error")
            return
        if deleted:
            self.notify("Session deleted from the history.", timeout=3)
        self.load()


def week_table(stats: Stats, *, ascii_only: bool = False) -> Table:
    """This week against the goal, the streak, and everything so far."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    done, goal = stats.this_week.sessions, stats.goal
    full, empty = ("#", "-") if ascii_only else ("●", "○")
    dots = full * min(done, goal) + empty * max(0, goal - done)
    sessions_done = plural(done, "session")
    if stats.goal_met:
        said = f"{sessions_done}, goal {goal} met"
        left = "well done" if done == goal else f"{done - goal} extra"
    else:
        said = f"{done} of {goal} sessions"
        left = f"{stats.sessions_to_go} more to reach your goal"
    table.add_row("This week", Text.assemble(f"{said}  ", (dots, "bold"), f"  {left}"))
    streak = f"{plural(stats.streak, 'week')} in a row meeting the goal"
    if stats.best_streak > stats.streak:
        streak += f" (best {stats.best_streak})"
    table.add_row("Streak", streak)
    table.add_row(
        "In all",
        f"{format_length(round(stats.total_minutes * 60))} over "
        f"{plural(stats.total_sessions, 'session')}",
    )
    return table


def routines_table(stats: Stats, *, ascii_only: bool = False) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, overflow="ellipsis", max_width=26)
    table.add_column(justify="right")
    table.add_row(Text("Most used", style="bold"), "")
    for use in stats.top_routines[:3]:
        table.add_row(Text(clean_line(use.name)), f"{use.sessions}{'x' if ascii_only else '×'}")
    return table


def pain_text(pain: PainTrend, *, ascii_only: bool = False) -> Text:
    """Weekly means as a sparkline (0 to 10), where they started and where they are."""
    arrow = "->" if ascii_only else "→"
    text = Text.assemble(("Pain, 0-10\n", "bold"))
    text.append("Before sessions: ")
    if not ascii_only:
        line = "".join(
            " " if level is None else EIGHTHS[max(1, round(level / 10 * 8))]
            for level in pain.weekly
        )
        text.append(line + "  ")
    text.append(f"{pain.first:.1f} {arrow} {pain.last:.1f} over these weeks\n")
    if pain.change_during is not None:
        change = pain.change_during
        if change < -0.05:
            text.append(f"After a session: {-change:.1f} lower than before it, on average.")
        elif change > 0.05:
            text.append(f"After a session: {change:.1f} higher than before it, on average.")
            if change >= SEEK_HELP_RISE:
                text.append(f"\n{SEEK_HELP_SHORT}", style="bold")
        else:
            text.append("After a session: about the same as before it.")
    return text
