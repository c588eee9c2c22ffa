"""The pacer widget driven by the real engine on a fake clock: words, shape size, cost."""

from __future__ import annotations

from dataclasses import replace

from textual.app import App, ComposeResult
from textual.geometry import Region

from backcare_tui.core.breathing import PRESETS
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Routine, Step
from backcare_tui.core.pacer_disc import count_cells
from backcare_tui.core.player import Player
from backcare_tui.core.settings import Settings
from backcare_tui.core.timeline import compile_routine
from backcare_tui.widgets.pacer import Pacer

# 4 s in, 6 s out; cue text as a Cat-Cow step would carry.
ROUTINE = Routine(
    name="Breathe",
    steps=(
        Step(
            "Belly breathing",
            Breathing(
                PRESETS["diaphragmatic"].pattern,
                cycles=3,
                inhale_cue="Belly rises",
                exhale_cue="Belly falls",
            ),
        ),
    ),
    prepare=0,
)


class PacerApp(App[None]):
    """Just the pacer, fed from a player the test steps by hand."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.clock = FakeClock()
        self.player = Player(compile_routine(ROUTINE), self.clock)

    def compose(self) -> ComposeResult:
        yield Pacer()

    def sync(self) -> Pacer:
        pacer = self.query_one(Pacer)
        player = self.player
        pacer.show(
            player.phase,
            player.phase_elapsed,
            player.phase_length,
            player.paused,
            session_remaining=player.remaining,
        )
        return pacer


def head(pacer: Pacer) -> str:
    return next(line for line in pacer.text_lines if line.strip()).strip()


async def test_shape_follows_the_breath() -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.player.start()
        sizes: dict[str, int] = {}
        words: dict[str, str] = {}
        for name, at in [
            ("start", 0.0),
            ("mid-inhale", 2.0),
            ("full", 4.0),
            ("mid-exhale", 7.0),
            ("almost empty", 9.9),
            ("next breath", 10.0),
        ]:
            app.clock.set(at)
            pacer = app.sync()
            await pilot.pause()
            sizes[name] = count_cells(pacer.shape_lines)
            words[name] = head(pacer)
        assert words["start"] == "Breathe in · 4"
        assert words["mid-inhale"] == "Breathe in · 2"
        assert words["full"] == "Breathe out · 6"
        assert words["mid-exhale"] == "Breathe out · 3"
        assert words["almost empty"] == "Breathe out · 1"
        assert sizes["start"] < sizes["mid-inhale"] < sizes["full"]
        assert sizes["full"] > sizes["mid-exhale"] > sizes["almost empty"]
        assert sizes["start"] == sizes["next breath"]
        assert sizes["almost empty"] - sizes["start"] < sizes["start"] // 4
        # Mid-breath is half way in radius, so about a third of the way in area.
        assert sizes["mid-inhale"] == sizes["mid-exhale"]
        shown = "\n".join(pacer.text_lines)
        assert "cycle 2 of 3" in shown and "0:20 left" in shown
        assert "Belly rises" in shown


async def test_disc_is_round_and_centred() -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.player.start()
        app.clock.set(4.0)
        pacer = app.sync()
        await pilot.pause()
        rows = len(pacer.shape_lines)
        assert rows == 24 - 5
        shape = [line for line in pacer.text_lines if "█" in line]
        widest = max(len(line.strip()) for line in shape)
        assert widest == 2 * rows
        left = min(len(line) - len(line.lstrip()) for line in shape)
        assert left == (80 - 2 * rows) // 2


async def test_pause_freezes_the_shape() -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.player.start()
        app.clock.set(2.0)
        app.player.pause()
        pacer = app.sync()
        await pilot.pause()
        size = count_cells(pacer.shape_lines)
        assert head(pacer) == "Breathe in · 2 · paused"
        app.clock.advance(30.0)
        app.sync()
        await pilot.pause()
        assert count_cells(pacer.shape_lines) == size
        app.player.resume()
        app.clock.advance(1.0)
        app.sync()
        await pilot.pause()
        assert head(pacer) == "Breathe in · 1"
        assert count_cells(pacer.shape_lines) > size


async def test_holds_keep_the_shape_still() -> None:
    box = Routine(
        name="Box",
        steps=(Step("Box", Breathing(PRESETS["box"].pattern, cycles=1)),),
        prepare=0,
    )
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.player = Player(compile_routine(box), app.clock)
        app.player.start()
        app.clock.set(4.5)
        pacer = app.sync()
        await pilot.pause()
        full = count_cells(pacer.shape_lines)
        assert head(pacer) == "Hold · 4"
        app.clock.set(7.9)
        app.sync()
        assert count_cells(pacer.shape_lines) == full
        app.clock.set(12.5)
        app.sync()
        await pilot.pause()
        assert head(pacer) == "Hold · 4"
        assert count_cells(pacer.shape_lines) < full / 4


async def test_reduced_motion_shows_words_and_count_only() -> None:
    app = PacerApp(Settings(reduced_motion=True))
    async with app.run_test(size=(80, 24)) as pilot:
        app.player.start()
        app.clock.set(2.0)
        pacer = app.sync()
        await pilot.pause()
        assert pacer.shape_lines == ()
        lines = [line.strip() for line in pacer.text_lines if line.strip()]
        assert lines == ["Breathe in · 2", "cycle 1 of 3 · 0:28 left", "Belly rises"]


async def test_animations_off_is_reduced_motion() -> None:
    app = PacerApp()
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        app.player.start()
        pacer = app.sync()
        await pilot.pause()
        assert pacer.still
        assert pacer.shape_lines == ()


async def test_ascii_fallback() -> None:
    app = PacerApp(Settings(ascii=True))
    async with app.run_test(size=(80, 24)) as pilot:
        app.player.start()
        app.clock.set(4.0)
        pacer = app.sync()
        await pilot.pause()
        assert pacer.shape_lines
        assert all(line.isascii() for line in pacer.shape_lines)
        assert "@" in "".join(pacer.shape_lines)
        assert head(pacer) == "Breathe out - 6"
        assert all(line.isascii() for line in pacer.text_lines)
        await pilot.resize_terminal(12, 2)
        await pilot.pause()
        assert [line.strip() for line in pacer.text_lines] == ["Breathe out", "cycle 1 o..."]


async def test_tiny_sizes_degrade_to_words() -> None:
    app = PacerApp()
    async with app.run_test(size=(20, 6)) as pilot:
        app.player.start()
        app.clock.set(1.0)
        pacer = app.sync()
        await pilot.pause()
        assert pacer.shape_lines == ()
        assert head(pacer) == "Breathe in · 3"
        await pilot.resize_terminal(12, 2)
        await pilot.pause()
        app.sync()
        await pilot.pause()
        assert [line.strip() for line in pacer.text_lines] == ["Breathe in", "cycle 1 of…"]


async def test_grows_on_big_terminals_but_not_without_end() -> None:
    app = PacerApp()
    async with app.run_test(size=(200, 60)) as pilot:
        app.player.start()
        pacer = app.sync()
        await pilot.pause()
        assert len(pacer.shape_lines) == 22


async def test_refreshes_only_the_cells_that_change() -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.player.start()
        app.clock.set(2.0)
        pacer = app.sync()
        await pilot.pause()
        calls: list[tuple[Region, ...]] = []
        original = pacer.refresh

        def spy(*regions: Region, **kwargs: bool) -> Pacer:
            calls.append(regions)
            return original(*regions, **kwargs)

        pacer.refresh = spy  # type: ignore[method-assign]
        # Mid-breath a frame redraws a few short runs at the edge, never the whole widget.
        app.clock.set(2.0 + 1 / 30)
        app.sync()
        assert len(calls) == 1
        regions = calls[0]
        assert regions
        assert sum(r.area for r in regions) < 80 * 24 / 10
        # Near the turn the disc barely moves: a frame that changes no cell costs nothing.
        app.clock.set(3.98)
        app.sync()
        before = len(calls)
        app.clock.set(3.985)
        app.sync()
        assert len(calls) == before


async def test_cue_text_cannot_inject_markup() -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.player.start()
        phase = replace(app.player.phase, cue="[bold red]hi[/] \x1b[31mx")
        pacer = app.query_one(Pacer)
        pacer.show(phase, 0.0, 4.0, False)
        await pilot.pause()
        shown = "\n".join(pacer.text_lines)
        assert "[bold red]hi[/]" in shown
        assert "\x1b" not in shown


async def test_until_next_change_for_frame_scheduling() -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.player.start()
        app.clock.set(2.0)
        pacer = app.sync()
        await pilot.pause()
        delay = pacer.until_next_change()
        assert delay is not None and 1 / 30 <= delay < 0.2
        before = list(pacer.shape_lines)
        app.clock.advance(delay + 1e-4)
        app.sync()
        assert list(pacer.shape_lines) != before
        app.player.pause()
        app.sync()
        assert pacer.until_next_change() is None
