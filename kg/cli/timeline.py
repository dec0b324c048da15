"""kg timeline: a person's posts over time, or a body's holders (kg.timeline)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from kg.cli.common import error, errors_to_exit, shown_lines, table_or_json_option

STORE_HELP = "Store folder (default: $KG_STORE or ./kg-data)."


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_cmd)


def timeline_cmd(
    ref: str = typer.Argument(..., metavar="NAME_OR_ID", help="A person or body: id, name or alias."),
    store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
    fmt: str = table_or_json_option(),
    at: str | None = typer.Option(None, "--at", help="Only the posts held on this date: YYYY, YYYY-MM or YYYY-MM-DD "
                                  "(a partial date: any of its days)."),
) -> None:
    """A person's posts as intervals (start, end, and what each bound rests on), or a body's holders, in date order."""
    from kg.dates import interval
    from kg.store import Store
    from kg.timeline import as_of, format_table, timelines

    with errors_to_exit():
        if at is not None:
            interval(at)  # a bad date fails before the store is opened
        with Store.open(store, create=False) as db:
            found = timelines(db, ref)
            if at is not None:
                found = as_of(found, at)
    if not found:
        error(f"no person or body named {ref!r}")
        raise typer.Exit(1)
    if fmt == "json":
        typer.echo(json.dumps([p.to_dict() for t in found for p in t.posts], ensure_ascii=False, indent=2))
    else:
        typer.echo(shown_lines(format_table(found, at)))
