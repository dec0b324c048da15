"""`kg ingest PATH...`: files and folders into the store, with a progress bar and a summary."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import typer

from kg.cli.common import errors_to_exit, shown

if TYPE_CHECKING:  # kg.ingest loads the workers and decoders: only `kg ingest` needs them
    from kg.ingest import IngestSummary, Progress

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
        strict: bool = typer.Option(False, "--strict", help="Stop at the first file that fails."),
        max_size: float = typer.Option(50.0, "--max-size", min=0.001, help="Largest file to read, in MiB."),
        follow_links: bool = typer.Option(False, "--follow-links", help="Follow symbolic links out of the folders."),
        remove_missing: bool = typer.Option(
            False, "--remove-missing", help="Forget files under PATHS that are gone, and reports left in no file."
        ),
        file_timeout: float | None = typer.Option(
            None, "--file-timeout", min=0.0, help="Seconds one file may take before it fails as a runaway "
            "(default: 30 + 12 per MiB of --max-size, where files run in worker processes; 0: no limit)."
        ),
        fmt: str = typer.Option("text", "--format", help="The summary as text or json (failures stay on stderr)."),
        wait: float = typer.Option(0.0, "--wait", min=0.0, help="Seconds to wait while another process (a kg "
                                   "watch, another ingest) writes the store; by default fail at once naming it."),
        engine: str = typer.Option("processes", "--engine", help="Where files are read and extracted: "
                                   "processes (this machine) or dask (a Dask cluster; pip install 'kg[dask]')."),
        scheduler: str | None = typer.Option(None, "--scheduler", help="With --engine dask: the Dask scheduler's "
                                             "address (tcp://HOST:8786); by default a local cluster of --jobs."),
    ) -> None:
        """Add new and changed reports to the store; unchanged ones are left as they are.

        Exit status: 0 every report stored or unchanged; 1 some files failed (with --strict, the run
        stopped at the first); 2 bad usage; 3 nothing to ingest; 130 interrupted (Ctrl-C)."""
        from kg.cli.progress import progress_bar
        from kg.ingest import ingest
        from kg.store import Store

        if fmt not in ("text", "json"):
            raise typer.BadParameter("choose text or json", param_hint="--format")

        with errors_to_exit(), Store.open(store) as db, progress_bar() as show, _ctrl_c() as cancel:
            summary = ingest(paths, db, jobs=jobs, encoding=encoding, max_bytes=int(max_size * 1024 * 1024),
                             progress=_stop_at_failure(show, cancel) if strict else show, cancel=cancel,
                             follow_links=follow_links, remove_missing=remove_missing,
                             file_timeout="auto" if file_timeout is None else (file_timeout or None), wait=wait,
                             engine=engine, scheduler=scheduler)
            store_path = db.path
        text, failures = format_summary(summary, Path(store_path), strict)
        typer.echo(text if fmt == "text" else summary_json(summary, Path(store_path)))
        for line in failures:
            typer.echo(line, err=True)
        raise typer.Exit(exit_code(summary))


EXIT_FAILED, EXIT_NOTHING = 1, 3


def exit_code(summary: IngestSummary) -> int:
    if summary.failed:  # with --strict the run was stopped by the failure, not by the user
        return EXIT_FAILED
    if summary.interrupted:
        return EXIT_INTERRUPTED
    if not summary.files and not summary.removed:
        return EXIT_NOTHING
    return 0


def _stop_at_failure(show: Callable[[Progress], None], cancel: threading.Event) -> Callable[[Progress], None]:
    """--strict: the first failed file stops the run (the reports finished so far are kept)."""
    def step(p: Progress) -> None:
        show(p)
        if p.outcome == "failed":
            cancel.set()
    return step


def summary_json(s: IngestSummary, store: Path) -> str:
    """The run as one JSON object (for scripts): every count, the store's totals, each failure."""
    import dataclasses
    import json

    fields = {k: v for k, v in dataclasses.asdict(s).items() if k != "errors"}
    failed = [{"path": shown(e.path), "reason": e.reason} for e in s.errors]
    return json.dumps({**fields, "files": s.files, "store": str(store), "errors": failed}, ensure_ascii=False)


def format_summary(s: IngestSummary, store: Path, strict: bool = False) -> tuple[str, list[str]]:
    """The run in a few lines (for stdout), and one line per failed file (for stderr)."""
    rate = f" ({s.files / s.seconds:.1f} files/s)" if s.seconds > 0 and s.files else ""
    updated = f"{s.updated} updated" + (f" ({s.reextracted} re-read: kg or its data changed)" if s.reextracted else "")
    parts = [f"{s.new} new", f"{s.unchanged} unchanged", updated]
    parts += [f"{s.duplicate} duplicate", f"{s.failed} failed"] + ([f"{s.removed} removed"] if s.removed else [])
    lines = [f"{s.files} files in {s.seconds:.1f} s{rate}: {', '.join(parts)}"]
    if s.skipped:
        lines[0] += f"; {s.skipped} files of other types skipped"
    if s.links_out:
        lines[0] += f"; {s.links_out} links out of the folders not followed (--follow-links)"
    if not s.files and not s.interrupted and not s.removed:
        lines[0] = "no report files found (kg reads .txt .md .html .docx .pdf)"
    lines.append(f"{shown(store)} now holds {s.entities_total} entities ({s.entities_added:+d}) and "
                 f"{s.relations_total} relations ({s.relations_added:+d})")
    if s.errors:
        lines.append(f"failures are listed on stderr and in {shown(store / 'errors.jsonl')}")
    if s.interrupted and strict and s.failed:
        lines.append("stopped at the first failure (--strict): the reports finished so far are kept")
    elif s.interrupted:
        lines.append("interrupted: the reports finished so far are kept; run the same command to go on")
    return "\n".join(lines), [shown(f"failed: {e.path}: {e.reason}") for e in s.errors]


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
        typer.echo("stopping: finishing the report being written (Ctrl-C again to stop at once)", err=True)

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)
