"""`kg load neo4j|sparql`: push the store's graph into a server (kg.backends)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import typer

from kg.backends import load
from kg.cli.common import errors_to_exit, min_confidence_option, min_reports_option
from kg.cli.store import REJECTED_HELP

STORE_HELP = "Store folder (default: $KG_STORE or ./kg-data)."
FULL_HELP = "Send everything again, not only what changed since the last load to this target."


@contextlib.contextmanager
def _progress(unit: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr (drawn only on a terminal), fed as callback(done, total)."""
    from rich.console import Console  # only a load draws this bar
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(f"loading {unit}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("load", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Push the store's graph into a server: Neo4j over Bolt, or SPARQL 1.1.")
    app.add_typer(group, name="load", no_args_is_help=True)

    @group.command("neo4j")
    def load_neo4j(
        uri: str = typer.Option(..., "--uri", help="Server URI: bolt://host:7687 or neo4j://host:7687."),
        database: str | None = typer.Option(None, "--database", help="Database (default: the server's)."),
        user: str | None = typer.Option(None, "--user", help="User (default: $NEO4J_USER or neo4j)."),
        store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
        full: bool = typer.Option(False, "--full", help=FULL_HELP),
        include_rejected: bool = typer.Option(False, "--include-rejected", help=REJECTED_HELP),
        min_confidence: float = min_confidence_option(),
        min_reports: int = min_reports_option(),
        batch_size: int = typer.Option(10_000, "--batch-size", min=1, help="Rows per transaction."),
    ) -> None:
        """Load into Neo4j (idempotent MERGE on stable ids). The password comes from $NEO4J_PASSWORD."""
        if not logging.getLogger().isEnabledFor(logging.INFO):  # kg's own error says what failed
            logging.getLogger("neo4j").setLevel(logging.ERROR)  # (not the driver's retry warnings)
        with errors_to_exit(), _progress("nodes and relationships") as progress:
            report = load(
                "neo4j", uri, store=store, database=database, user=user, full=full,
                batch_size=batch_size, progress=progress, include_rejected=include_rejected,
                min_confidence=min_confidence, min_reports=min_reports,
            )  # fmt: skip
        typer.echo(report.summary())

    @group.command("sparql")
    def load_sparql(
        endpoint: str = typer.Option(..., "--endpoint", help="The server's SPARQL query endpoint URL."),
        graph: str | None = typer.Option(None, "--graph", help="Named graph IRI (default: the default graph)."),
        method: str = typer.Option("auto", "--method", help="auto (Graph Store Protocol, else Update), gsp, update."),
        gsp: str | None = typer.Option(None, "--gsp", help="Graph Store Protocol URL (default: found)."),
        update: str | None = typer.Option(None, "--update", help="SPARQL Update URL (default: found)."),
        store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
        full: bool = typer.Option(False, "--full", help=FULL_HELP),
        include_rejected: bool = typer.Option(False, "--include-rejected", help=REJECTED_HELP),
        min_confidence: float = min_confidence_option(),
        min_reports: int = min_reports_option(),
    ) -> None:
        """Load the RDF into a SPARQL 1.1 server. Credentials: $KG_SPARQL_USER / $KG_SPARQL_PASSWORD."""
        with errors_to_exit(), _progress("triples") as progress:
            report = load(
                "sparql", endpoint, store=store, graph_iri=graph, method=method, gsp_url=gsp,
                update_url=update, full=full, progress=progress, include_rejected=include_rejected,
                min_confidence=min_confidence, min_reports=min_reports,
            )  # fmt: skip
        typer.echo(report.summary())
