"""infra/progress.py: how many jobs, a progress bar only for a person at a terminal, the timer."""
from __future__ import annotations

import io
import os

import pytest

from generator.infra.progress import Timer, jobs_from, progress, show_progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_jobs_from_setting_environment_and_auto():
    assert jobs_from(2, {}) == 2
    assert jobs_from(1, {"BAYAN_JOBS": "3"}) == 3
    assert jobs_from("auto", {}) == (os.cpu_count() or 1)
    for bad in ("many", "0"):
        with pytest.raises(ValueError):
            jobs_from(bad, {})


def test_progress_only_on_a_terminal_outside_ci():
    assert show_progress(Tty(), {}) is True
    assert show_progress(Tty(), {"CI": "true"}) is False
    assert show_progress(io.StringIO(), {}) is False
    assert list(progress(range(3), 3, enabled=False)) == [0, 1, 2]


def test_timer_reports_steps():
    timer = Timer()
    timer.lap("render")
    assert timer.report().startswith("bayan: render ") and timer.report().endswith(" s")
