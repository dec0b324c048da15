"""The progress bar of `kg ingest` (rich), loaded only when a command shows one."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as Bar
from rich.text import Text

if TYPE_CHECKING:
    from kg.ingest import Progress


class _RateColumn(ProgressColumn):
    """Files per second over the run so far."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} files/s", style="progress.data.speed")


@contextlib.contextmanager
def progress_bar() -> Iterator[Callable[[Progress], None]]:
    bar = Bar(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    task = bar.add_task("ingesting", total=None)

    def show(p: Progress) -> None:
        if not bar.live.is_started:  # shown from the first report on: bad arguments print no bar
            bar.start()
        bar.update(task, completed=p.done, total=p.total or None)

    try:
        yield show
    finally:
        if bar.live.is_started:
            bar.stop()
