"""`kg watch DIR`: keep a folder's reports in the store as they arrive, change and leave."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import typer

from kg.cli.common import errors_to_exit, shown

if TYPE_CHECKING:
    from kg.watch import WatchEvent


def register(app: typer.Typer) -> None:
    @app.command("watch")
    def watch_command(
        folder: Path = typer.Argument(..., help="The folder to keep in the store (watched recursively)."),
        store: Path | None = typer.Option(None, "--store", help="Store folder (default: $KG_STORE or ./kg-data)."),
        remove_missing: bool = typer.Option(False, "--remove-missing",
                                            help="Take out reports whose files are deleted."),
        settle: float = typer.Option(1.0, "--settle", min=0.1,
                                     help="Seconds a file must stay unchanged before it is read."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes per batch of files."),
        encoding: str | None = typer.Option(None, "--encoding", help="Force the text encoding (as kg ingest)."),
        max_size: float = typer.Option(50.0, "--max-size", min=0.001, help="Largest file to read, in MiB."),
    ) -> None:
        """Ingest FOLDER, then keep watching it: a report copied in is read once it has been still
        for --settle seconds, a changed one is read again, a deleted one leaves with
        --remove-missing. One line per report; Ctrl-C stops."""
        from kg.watch import watch

        with errors_to_exit(), _stop_on_signals() as stop:
            summary = watch(folder, store, on_event=_echo, stop=stop, remove_missing=remove_missing, settle=settle,
                            jobs=jobs, encoding=encoding, max_bytes=int(max_size * 1024 * 1024),
                            ready=lambda: typer.echo(f"watching {shown(folder)} (Ctrl-C stops)", err=True))
        counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(summary.outcomes.items())) or "no reports"
        typer.echo(f"stopped: {counts} in {summary.batches} batches", err=True)


def _echo(event: WatchEvent) -> None:
    why = f": {event.reason}" if event.reason else ""
    line = f"{event.outcome}: {event.path}{why} (store: {event.entities} entities, {event.relations} relations)"
    typer.echo(shown(line), err=event.outcome == "failed")


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """Ctrl-C or SIGTERM: finish the batch being written, then stop."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
