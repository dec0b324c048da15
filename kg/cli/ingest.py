"""`kg ingest PATH...`: files and folders into the store, with a progress bar and a summary."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import typer

from kg.cli.common import errors_to_exit

if TYPE_CHECKING:  # kg.ingest loads the workers and decoders: only `kg ingest` needs them
    from kg.ingest import IngestSummary

EXIT_INTERRUPTED = 130  # the shell's code for "stopped by Ctrl-C"


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_command(
        paths: list[Path] = typer.Argument(..., help="Report files or folders (walked recursively)."),
        store: Path | None = typer.Option(None, "--store", help="Store folder (default: $KG_STORE or ./kg-data)."),
        jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
        encoding: str | None = typer.Option(
            None, "--encoding", help="Force the text encoding: tcvn3, vni, cp1258, utf-8, utf-16, ..."
        ),
        strict: bool = typer.Option(False, "--strict", help="Exit non-zero if any file failed."),
        max_size: float = typer.Option(50.0, "--max-size", min=0.001, help="Largest file to read, in MiB."),
    ) -> None:
        """Add new and changed reports to the store; unchanged ones are left as they are."""
        from kg.cli.progress import progress_bar
        from kg.ingest import ingest
        from kg.store import Store

        with errors_to_exit(), Store.open(store) as db, progress_bar() as show, _ctrl_c() as cancel:
            summary = ingest(
                paths,
                db,
                jobs=jobs,
                encoding=encoding,
                max_bytes=int(max_size * 1024 * 1024),
                progress=show,
                cancel=cancel,
            )
            store_path = db.path
        typer.echo(format_summary(summary, Path(store_path)))
        raise typer.Exit(exit_code(summary, strict))


def exit_code(summary: IngestSummary, strict: bool) -> int:
    if summary.interrupted:
        return EXIT_INTERRUPTED
    if summary.all_failed or (strict and summary.failed):
        return 1
    return 0


def format_summary(s: IngestSummary, store: Path) -> str:
    """The run in a few lines: counts, additions, then one line per failed file."""
    rate = f" ({s.files / s.seconds:.1f} files/s)" if s.seconds > 0 and s.files else ""
    updated = f"{s.updated} updated" + (f" ({s.reextracted} re-read: kg or its data changed)" if s.reextracted else "")
    parts = [f"{s.new} new", f"{s.unchanged} unchanged", updated]
    parts += [f"{s.duplicate} duplicate", f"{s.failed} failed"]
    lines = [f"{s.files} files in {s.seconds:.1f} s{rate}: {', '.join(parts)}"]
    if s.skipped:
        lines[0] += f"; {s.skipped} files of other types skipped"
    if not s.files and not s.interrupted:
        lines[0] = "no report files found (kg reads .txt .md .html .docx .pdf)"
    lines.append(f"added {s.entities_added} entities and {s.relations_added} relations to {store}")
    lines += [f"failed: {e.path}: {e.reason}" for e in s.errors]
    if s.errors:
        lines.append(f"failures are also listed in {store / 'errors.jsonl'}")
    if s.interrupted:
        lines.append("interrupted: the reports finished so far are kept; run the same command to go on")
    return "\n".join(lines)


@contextlib.contextmanager
def _ctrl_c() -> Iterator[threading.Event]:
    """First Ctrl-C: finish the report being written, then stop. Second: stop at once."""
    cancel = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield cancel
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)
