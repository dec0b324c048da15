"""kg changes: appointments, dismissals, retirements and body changes in a window of dates (kg.changes)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from kg.cli.common import errors_to_exit, shown_lines, table_or_json_option

STORE_HELP = "Store folder (default: $KG_STORE or ./kg-data)."


def register(app: typer.Typer) -> None:
    app.command("changes")(changes_cmd)


def changes_cmd(
    since: str = typer.Option(..., "--since", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Up to this date (its last day), same forms."),
    store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
    fmt: str = table_or_json_option(),
) -> None:
    """Posts taken and left, and body changes, stated or reported in a window of dates, in date order."""
    from kg.changes import changes, format_table
    from kg.store import Store

    with errors_to_exit():
        with Store.open(store, create=False) as db:
            found = changes(db, since, until)
    if fmt == "json":
        typer.echo(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2))
    else:
        typer.echo(shown_lines(format_table(found)))
