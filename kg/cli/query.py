"""kg query sparql|cypher: run a query on the embedded store (or a server), print the rows."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import typer

from kg.cli.common import errors_to_exit, shown
from kg.cli.store import REJECTED_HELP
from kg.errors import QueryError
from kg.registry import QueryResult

STORE_HELP = "Store folder (default: $KG_STORE or ./kg-data)."
QUERY_HELP = "The query text, @FILE to read it from a file, or - to read standard input."
PARAM_HELP = "A parameter: name=value (a string), or name:int=5, name:float=, name:bool=, name:iri=. Repeatable."
FORMATS = ("table", "json", "csv")


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Run SPARQL or Cypher on the store (no server needed), or on a server.")
    app.add_typer(group, name="query", no_args_is_help=True)

    @group.command("sparql")
    def sparql_cmd(
        query: str = typer.Argument(..., help=QUERY_HELP),
        param: list[str] = typer.Option([], "--param", "-p", help=PARAM_HELP),
        fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
        store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
        endpoint: str | None = typer.Option(None, "--endpoint", help="Query this SPARQL 1.1 endpoint instead."),
        include_rejected: bool = typer.Option(False, "--include-rejected", help=REJECTED_HELP),
    ) -> None:
        """SPARQL 1.1 (prefixes kg:, org:, prov:, foaf:, schema:, eli:, skos:, dcterms: … predeclared)."""
        _run("sparql", query, param, fmt, store, endpoint, include_rejected)

    @group.command("cypher")
    def cypher_cmd(
        query: str = typer.Argument(..., help=QUERY_HELP),
        param: list[str] = typer.Option([], "--param", "-p", help=PARAM_HELP),
        fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
        store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
        neo4j: str | None = typer.Option(None, "--neo4j", help="Query this Neo4j server (bolt://…) instead."),
        include_rejected: bool = typer.Option(False, "--include-rejected", help=REJECTED_HELP),
    ) -> None:
        """Cypher on the embedded property graph (see ontology/README.md for what works)."""
        _run("cypher", query, param, fmt, store, neo4j, include_rejected)


def _run(language: str, query: str, params: list[str], fmt: str, store: Path | None, target: str | None,
         include_rejected: bool = False) -> None:
    from kg.query import parse_params, run

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of: {', '.join(FORMATS)}", param_hint="--format")
    with errors_to_exit(2):  # bad usage, like a bad --format
        values = parse_params(params)
    with errors_to_exit():
        text = _query_text(query)
        if target:
            result = run(language, text, values, target=target, include_rejected=include_rejected)
        else:
            from kg.store import Store
            from kg.store.derived import kind_of

            with Store.open(store, create=False) as db:
                kind = kind_of("rdf" if language == "sparql" else "cypher", include_rejected)
                if not db.derived.fresh(kind) and not db.read_only:  # read-only: the store logs it
                    typer.echo(f"kg: building the {language.upper()} store for the current graph "
                               "(once after each change)…", err=True)
                result = run(language, text, values, store=db, include_rejected=include_rejected)
        _print(result, fmt)


def _query_text(arg: str) -> str:
    if arg == "-":
        return sys.stdin.read()
    if arg.startswith("@"):
        path = Path(arg[1:])
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query ({exc})") from None
    return arg


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _print(result: QueryResult, fmt: str) -> None:
    if fmt == "json":
        rows = [dict(zip(result.columns, row, strict=False)) for row in result.rows]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        # Text(), not str: values from reports are shown literally, never read as rich markup
        table = Table(show_lines=False, highlight=False)
        for column in result.columns:
            table.add_column(Text(shown(column)))
        for row in result.rows:  # a sentence from a report may carry control characters: escaped
            table.add_row(*(Text(shown(_cell(v))) for v in row))
        console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 200)
        console.print(table)
        typer.echo(f"{len(result.rows)} row(s)", err=True)
