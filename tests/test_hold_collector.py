"""`BackcareApp.hold_collector` (what `run()` does first): no garbage collection until the
first frame is out, then collection as usual; what was loaded before is never walked."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from apps import AppFactory

from backcare_tui.screens.home import HomeScreen


@pytest.fixture
def collector() -> Iterator[None]:
    """The test process's collector as it was, whatever the test did to it."""
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()


@pytest.mark.usefixtures("collector")
async def test_collection_waits_for_the_first_frame(
    app_with: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    while_filling: list[bool] = []
    fill = HomeScreen.populate

    def populate(self: HomeScreen) -> None:
        while_filling.append(gc.isenabled())
        fill(self)

    monkeypatch.setattr(HomeScreen, "populate", populate)
    app = app_with()
    app.hold_collector()
    assert not gc.isenabled()
    assert gc.get_freeze_count() > 0, "what was loaded is out of the collector's reach"
    async with app.run_test() as pilot:
        await pilot.pause()
        assert while_filling == [False], "home was built with the collector held"
        assert gc.isenabled(), "collection resumes once home is drawn"


@pytest.mark.usefixtures("collector")
async def test_an_app_that_was_not_held_leaves_the_collector_alone(
    app_with: AppFactory,
) -> None:
    gc.disable()
    app = app_with()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not gc.isenabled()
