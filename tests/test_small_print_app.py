"""The app's small print (issue 16): totals that match the player, selections kept."""

from __future__ import annotations

from apps import AppFactory
from on_screen import row_texts
from textual.widgets import Input, Static

from backcare_tui.app import BackcareApp
from backcare_tui.core.durations import format_clock
from backcare_tui.core.timeline import compile_routine
from backcare_tui.screens.breathing import BreathingScreen


async def test_breathing_set_up_total_includes_the_lead_in(app_with: AppFactory) -> None:
    app = app_with(prepare_seconds=5)
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_breathe()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BreathingScreen)
        screen.query_one("#breathing-length", Input).value = "2c"
        await pilot.pause()
        routine = screen.routine()
        assert routine is not None
        played = compile_routine(routine, app.settings.prepare_seconds).total
        plan = str(screen.query_one("#breathing-plan", Static).render())
        assert plan.startswith(f"2 breaths: {format_clock(played)} with a 5 s lead-in"), plan


async def _highlight(app: BackcareApp, pilot: object, name: str) -> None:
    from backcare_tui.screens.home import HomeScreen

    home = app.screen
    assert isinstance(home, HomeScreen)
    for _ in range(len(home.entries)):
        entry = home.highlighted_entry
        if entry is not None and entry.routine is not None and entry.routine.name == name:
            return
        await pilot.press("down")  # type: ignore[attr-defined]
    raise AssertionError(f"{name} not in the list")


async def test_home_keeps_the_routine_after_the_editor(
    user_routines: object, app_with: AppFactory
) -> None:
    from backcare_tui.screens.editor import EditorScreen
    from backcare_tui.screens.home import HomeScreen

    app = app_with()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for name in ("Morning mobility", "Posture reset"):
            await _highlight(app, pilot, name)
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, EditorScreen)
            name_field = app.screen.query_one("#routine-name", Input)
            name_field.focus()
            await pilot.press("end", *" (mine)")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            home = app.screen
            assert isinstance(home, HomeScreen)
            entry = home.highlighted_entry
            assert entry is not None and entry.routine is not None
            assert entry.routine.name == name + " (mine)"


def test_a_user_routines_preview_has_no_dangling_dot(user_routines: object) -> None:
    from pathlib import Path

    from rich.console import Console

    from backcare_tui.core.library import USER, load_entry
    from backcare_tui.widgets.routine_preview import routine_renderable

    folder = Path(str(user_routines))
    (folder / "lunch.toml").write_text('name = "Lunch"\n[[steps]]\nname = "x"\nduration = 30\n')
    entry = load_entry(folder / "lunch.toml", USER)
    for width in (30, 44, 60, 100):
        console = Console(width=width, record=True, color_system=None)
        console.print(routine_renderable(entry, 5.0))
        lines = [line.rstrip() for line in console.export_text().splitlines()]
        assert not any(line.endswith("·") for line in lines), lines
        assert any(line.startswith("35s · 1 step") for line in lines), lines


def test_a_rest_after_a_set_capitalises_every_counter_but_the_first() -> None:
    from backcare_tui.core.model import Held, Routine, Step
    from backcare_tui.core.timeline import PhaseKind
    from backcare_tui.screens.player_words import counters_text

    routine = Routine("x", (Step("Side", Held(hold=5, reps=2, rest=3, sets=2, sides="both")),))
    rests = [
        counters_text(p)
        for p in compile_routine(routine).phases
        if p.kind is PhaseKind.REST and counters_text(p).startswith("After")
    ]
    assert rests and all(" · r" not in text and " · l" not in text for text in rests), rests
    assert any(" · Rep " in text or " · Left" in text for text in rests), rests


async def test_a_long_routine_name_is_cut_with_an_ellipsis_in_the_header(
    app_with: AppFactory,
) -> None:
    from backcare_tui.core.model import Routine, Step, Timed

    long_name = "A routine whose name is long enough to run into how the header ends"
    app = app_with()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        app.start_session(Routine(long_name, (Step("March", Timed(20)),)))
        await pilot.pause()
        header = row_texts(app.screen)[0]
        assert "… Step 1 of 1" in header, header
