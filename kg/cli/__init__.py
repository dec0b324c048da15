"""The `kg` command: a thin front door over the library.

Each submodule adds its commands with `register(app)`. Commands are short: they call one kg
function and turn kg errors into one-line CLI errors (see `kg.cli.common.errors_to_exit`).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging

import typer

app = typer.Typer(
    name="kg",
    help="Turn government reports into a knowledge graph of organizations, officials and directives.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain help: typer's rich help labels every flag (--strict, --help) <bool>, as if it took a value
    rich_markup_mode=None,
)

# One module per group of commands, each owned by the part of kg it fronts.
_COMMAND_MODULES = (
    "extract",  # kg extract, kg eval
    "ingest",  # kg ingest
    "watch",  # kg watch
    "store",  # kg remove, stats, show, path, export
    "query",  # kg query sparql|cypher
    "load",  # kg load neo4j|sparql
    "viz",  # kg viz
    "judge",  # kg judge merge|distinct|reject|alias|list|undo|export|import|check
    "timeline",  # kg timeline
    "changes",  # kg changes
)


@app.callback()
def _main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to stderr.")) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


for _name in _COMMAND_MODULES:
    if importlib.util.find_spec(f"kg.cli.{_name}") is not None:
        importlib.import_module(f"kg.cli.{_name}").register(app)


def main() -> None:
    app()
